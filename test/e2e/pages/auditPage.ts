import type { Locator, Page } from '@playwright/test'

/** The audit log screen (監査ログ): filters, the batch filter chip, the read-only table. */
export class AuditPage {
  constructor(readonly page: Page) {}

  get rows(): Locator {
    return this.page.getByTestId('audit-row')
  }

  get count(): Locator {
    return this.page.getByTestId('audit-count')
  }

  get batchChip(): Locator {
    return this.page.getByTestId('audit-batch-filter')
  }

  /** The batch cells (buttons) whose label contains `text`. */
  batchCells(text: string): Locator {
    return this.page.getByTestId('audit-batch').filter({ hasText: text })
  }

  async filterAction(label: string): Promise<void> {
    await this.page.getByTestId('audit-filter-action').selectOption({ label })
  }

  async clearBatch(): Promise<void> {
    await this.batchChip.getByRole('button', { name: '一括処理の絞り込みを解除' }).click()
  }
}
