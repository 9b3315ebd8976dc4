import type { Locator, Page } from '@playwright/test'
import type { ParticipantsPage } from './participantsPage'

/** The participants page's toolbar actions, dialogs and person panel. */
export class ParticipantsActions {
  constructor(
    readonly page: Page,
    readonly grid: ParticipantsPage,
  ) {}

  get undoButton(): Locator {
    return this.page.getByTestId('undo')
  }

  get notice(): Locator {
    return this.page.getByTestId('participants-notice')
  }

  get panel(): Locator {
    return this.page.getByTestId('person-panel')
  }

  get selectedCount(): Locator {
    return this.page.getByTestId('participants-selected')
  }

  /** Ticks the selection checkbox of a row. */
  async select(row: number): Promise<void> {
    await this.grid.cell(row, 'ag-Grid-SelectionColumn').locator('input[type="checkbox"]').check()
  }

  async openDetail(row: number): Promise<void> {
    await this.grid.cell(row, 'open').getByTestId('open-detail').click()
    await this.panel.waitFor()
  }

  /** Chooses a bulk action from the "選択した人に…" list. */
  async bulk(label: string): Promise<void> {
    await this.page.getByTestId('bulk-actions').selectOption({ label })
  }

  /** Waits for a backend call to answer (after triggering it). */
  reply(method: string) {
    return this.page.waitForResponse((r) => r.url().endsWith(`/api/${method}`))
  }
}
