import type { Download, Locator, Page } from '@playwright/test'

/** The レポート screen. */
export class ReportsPage {
  constructor(readonly page: Page) {}

  get fiscalYear(): Locator {
    return this.page.getByTestId('report-fiscal-year')
  }

  get heading(): Locator {
    return this.page.getByTestId('report-heading')
  }

  figure(key: string): Locator {
    return this.page.getByTestId(`figure-${key}`).locator('dd')
  }

  chart(name: 'by-month' | 'by-area' | 'by-age' | 'stages' | 'top-prefectures'): Locator {
    return this.page.getByTestId(`chart-${name}`)
  }

  get definitions(): Locator {
    return this.page.getByTestId('report-definitions')
  }

  get programs(): Locator {
    return this.page.getByTestId('report-programs')
  }

  get exportStatus(): Locator {
    return this.page.getByTestId('export-status')
  }

  async chooseYear(fy: number): Promise<void> {
    await this.fiscalYear.selectOption(String(fy))
    await this.heading.filter({ hasText: `${fy}年度` }).waitFor()
  }

  /** Clicks an export button and returns the browser download it triggers. */
  async export(format: 'xlsx' | 'pdf' | 'csv'): Promise<Download> {
    const download = this.page.waitForEvent('download', { timeout: 60_000 })
    await this.page.getByTestId(`export-${format}`).click()
    return download
  }

  /** Picks a form (様式) file and returns the filled workbook's download. */
  async fillForm(file: string): Promise<Download> {
    const download = this.page.waitForEvent('download', { timeout: 60_000 })
    await this.page.getByTestId('export-form-file').setInputFiles(file)
    return download
  }
}
