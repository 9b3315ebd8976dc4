import type { Locator, Page } from '@playwright/test'
import { expect } from '@playwright/test'

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

  /** Clicks この時点に戻す in the given row (newest first) and confirms in the app's dialog; returns its question. */
  async askRestore(index: number): Promise<string> {
    await this.backupRows.nth(index).getByRole('button', { name: 'この時点に戻す' }).click()
    const dialog = this.page.getByTestId('backup-restore')
    await expect(dialog.getByRole('button', { name: 'キャンセル' })).toBeFocused()
    const question = (await dialog.textContent()) ?? ''
    await this.page.getByTestId('backup-restore-confirm').click()
    return question
  }

  /** Restores the backup in the given row (newest first), accepting the confirmation. */
  async restoreRow(index: number): Promise<string> {
    const question = await this.askRestore(index)
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
