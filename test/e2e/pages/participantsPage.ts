import type { Locator, Page, Response } from '@playwright/test'

/**
 * The participants screen. Cells are found the way AG Grid marks them: the row by
 * `row-index`, the column by `col-id` (pinned and scrolling parts share both).
 */
export class ParticipantsPage {
  constructor(readonly page: Page) {}

  get grid(): Locator {
    return this.page.locator('.page-participants .ag-root-wrapper')
  }

  get search(): Locator {
    return this.page.getByTestId('participants-search')
  }

  get rowCount(): Locator {
    return this.page.getByTestId('participants-count')
  }

  get errorAlert(): Locator {
    return this.page.getByTestId('participants-error')
  }

  get emptyState(): Locator {
    return this.page.getByTestId('participants-empty')
  }

  header(colId: string): Locator {
    return this.grid.locator(`.ag-header-cell[col-id="${colId}"]`)
  }

  cell(row: number, colId: string): Locator {
    return this.grid.locator(`.ag-row[row-index="${row}"] [col-id="${colId}"]`)
  }

  /** Waits until the first block of rows has arrived (no loading placeholders in row 0). */
  async waitForRows(): Promise<void> {
    await this.cell(0, 'familyName').waitFor()
    await this.page.waitForFunction(() => {
      const cell = document.querySelector('.page-participants .ag-row[row-index="0"] [col-id="familyName"]')
      return cell !== null && (cell.textContent ?? '').trim() !== '' && !cell.querySelector('.ag-skeleton-container, .ag-loading')
    })
  }

  async texts(colId: string, rows: number): Promise<string[]> {
    const out: string[] = []
    for (let i = 0; i < rows; i++) out.push(((await this.cell(i, colId).textContent()) ?? '').trim())
    return out
  }

  /** Clicks a column header to sort by it and waits for the re-sorted rows. */
  async sortBy(colId: string): Promise<void> {
    const reply = this.waitForList()
    await this.header(colId).locator('.ag-header-cell-label').click()
    await reply
    await this.waitForRows()
  }

  /** Double-clicks a cell, types a value, presses Enter and waits for the save to answer. */
  async editCell(row: number, colId: string, value: string): Promise<Response> {
    await this.cell(row, colId).dblclick()
    const input = this.cell(row, colId).locator('input, textarea').first()
    await input.fill(value)
    const reply = this.page.waitForResponse((r) => r.url().endsWith('/api/contacts.update'))
    await input.press('Enter')
    return reply
  }

  /** Chooses a condition in a text column's filter menu (e.g. '空欄以外'), with an optional value. */
  async filterText(colId: string, condition: string, value?: string): Promise<void> {
    await this.header(colId).locator('.ag-header-cell-filter-button').click()
    const menu = this.page.locator('.ag-filter')
    const reply = this.waitForList((body) => body.includes('"filterType":"text"'))
    await menu.locator('.ag-picker-field-wrapper').first().click()
    await this.page.locator('.ag-select-list-item', { hasText: new RegExp(`^\\s*${condition}\\s*$`) }).click()
    if (value !== undefined) await menu.locator('input[type="text"]').first().fill(value)
    await reply
    await this.page.keyboard.press('Escape')
    await this.waitForRows()
  }

  /** Ticks one choice in a code column's pick-list filter (stage, gender…) and closes the menu. */
  async filterByChoice(colId: string, label: string): Promise<void> {
    await this.header(colId).locator('.ag-header-cell-filter-button').click()
    const reply = this.waitForList((body) => body.includes('"set"'))
    await this.page.locator('.code-set-filter label', { hasText: label }).click()
    await reply
    await this.page.keyboard.press('Escape')
    await this.waitForRows()
  }

  async searchFor(text: string): Promise<void> {
    const reply = this.waitForList((body) => body.includes(JSON.stringify(text)))
    await this.search.fill(text)
    await reply
  }

  private waitForList(bodyMatches: (body: string) => boolean = () => true): Promise<Response> {
    return this.page.waitForResponse((r) => r.url().endsWith('/api/contacts.list') && bodyMatches(r.request().postData() ?? ''))
  }
}
