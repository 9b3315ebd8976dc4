import type { Locator, Page } from '@playwright/test'

/** The インポート screen: file, detected settings, mapping, review, commit and past imports. */
export class ImportPage {
  constructor(readonly page: Page) {}

  get fileInput(): Locator {
    return this.page.getByTestId('import-file')
  }
  get error(): Locator {
    return this.page.getByTestId('import-error')
  }
  get format(): Locator {
    return this.page.getByTestId('import-format')
  }
  get encoding(): Locator {
    return this.page.getByTestId('import-encoding')
  }
  get headerRow(): Locator {
    return this.page.getByTestId('import-header-row')
  }
  get skippedRows(): Locator {
    return this.page.getByTestId('import-skipped-rows')
  }
  get counts(): Locator {
    return this.page.getByTestId('import-counts')
  }
  get commitSummary(): Locator {
    return this.page.getByTestId('import-commit-summary')
  }
  get commitButton(): Locator {
    return this.page.getByTestId('import-commit')
  }
  /** While a commit runs: the progress bar, its 「取り込み中… n / m 行」 line and 中止. */
  get progress(): Locator {
    return this.page.getByTestId('import-progress')
  }
  get progressBar(): Locator {
    return this.progress.getByRole('progressbar')
  }
  get progressText(): Locator {
    return this.page.getByTestId('import-progress-text')
  }
  get cancelButton(): Locator {
    return this.page.getByTestId('import-cancel')
  }
  get cancelled(): Locator {
    return this.page.getByTestId('import-cancelled')
  }
  get batches(): Locator {
    return this.page.getByTestId('import-batch')
  }

  step(name: 'source' | 'mapping' | 'review' | 'commit'): Locator {
    return this.page.getByTestId(`import-step-${name}`)
  }

  mappingOf(column: number): Locator {
    return this.page.getByTestId(`import-map-${column}`)
  }

  /** A review row by its line number in the file ("5行目"). */
  row(line: number): Locator {
    return this.page.getByTestId(`import-row-${line}`)
  }

  decision(line: number): Locator {
    return this.page.getByTestId(`import-decision-${line}`)
  }

  async compare(line: number): Promise<Locator> {
    await this.page.getByTestId(`import-compare-${line}`).click()
    return this.page.getByTestId('import-duplicate-detail')
  }

  /** Chooses a file from disk or from memory, as a user would in the file chooser. */
  async upload(file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const reply = this.page.waitForResponse((r) => r.url().endsWith('/api/import.preview'))
    await this.fileInput.setInputFiles(file)
    await reply
  }

  /** Screenshots of each step panel (the page scrolls inside the shell, so full-page shots miss them). */
  async shoot(prefix: string): Promise<void> {
    for (const step of ['source', 'mapping', 'review', 'commit'] as const) {
      const panel = this.step(step)
      if ((await panel.count()) > 0) await panel.screenshot({ path: `${prefix}-${step}.png` })
    }
  }

  result(kind: 'created' | 'merged' | 'skipped' | 'errors'): Locator {
    return this.page.getByTestId(`import-result-${kind}`)
  }
}
