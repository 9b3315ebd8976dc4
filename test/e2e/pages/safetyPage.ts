import type { Locator, Page } from '@playwright/test'

/** The settings screen's backups and encryption panels, and a person's privacy actions. */
export class SafetyPage {
  constructor(readonly page: Page) {}

  get backups(): Locator {
    return this.page.getByTestId('backups-panel')
  }

  get backupRows(): Locator {
    return this.page.getByTestId('backup-row')
  }

  get lastBackup(): Locator {
    return this.page.getByTestId('last-backup')
  }

  get message(): Locator {
    return this.page.getByTestId('backup-message')
  }

  async backupNow(): Promise<void> {
    await this.page.getByTestId('backup-now').click()
    await this.message.filter({ hasText: 'バックアップしました' }).waitFor({ timeout: 30_000 })
  }

  /** Restores the backup in the given row (newest first), accepting the confirmation. */
  async restoreRow(index: number): Promise<string> {
    let question = ''
    this.page.once('dialog', (dialog) => {
      question = dialog.message()
      void dialog.accept()
    })
    await this.backupRows.nth(index).getByRole('button', { name: 'この時点に戻す' }).click()
    await this.message.filter({ hasText: '戻しました' }).waitFor({ timeout: 30_000 })
    return question
  }

  privacy(scope: Locator): { anonymize: Locator; dialog: Locator; confirm: Locator } {
    const dialog = this.page.getByTestId('anonymize-dialog')
    return {
      anonymize: scope.getByTestId('privacy-anonymize'),
      dialog,
      confirm: dialog.getByRole('button', { name: '匿名化する' }),
    }
  }
}
