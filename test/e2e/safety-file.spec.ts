import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from './fixtures'
import { kakehashiCli, withOwnDoor } from './ownDoor'

/**
 * 「USBメモリなどに保存」 and 「ファイルから復元」 through the browser door: the backup is a
 * download, the restore an upload (both streamed, never a JSON call), and the restore is
 * written to the audit log of the restored database. Its own door: the restore would change
 * what the next spec on the shared door finds.
 */
test('save a backup to a file, add a person, restore from that file: the person is gone and the data is back', async ({
  page,
  shell,
}) => {
  await withOwnDoor(
    (dbFile) => kakehashiCli('init', '--db', dbFile, '--demo'),
    async (door, dir) => {
      const stick = path.join(dir, 'usb')
      fs.mkdirSync(stick)
      await shell.open(door.url, 'settings')
      const before = (await door.call('app.info')) as { counts: { contacts: number } }

      const downloading = page.waitForEvent('download')
      await page.getByTestId('save-to-file').click()
      const download = await downloading
      expect(download.suggestedFilename()).toMatch(/^かけはし-バックアップ-\d{4}-\d{2}-\d{2}\.db$/)
      const copy = path.join(stick, download.suggestedFilename())
      await download.saveAs(copy)
      await expect(page.getByTestId('save-to-file-message')).toContainText('検証済み', { timeout: 30_000 })
      expect(fs.readFileSync(copy).subarray(0, 15).toString('latin1')).toBe('SQLite format 3')

      await door.call('contacts.create', { fields: { familyName: '復元前登録', givenName: '試験' } })
      const added = (await door.call('contacts.list', { search: '復元前登録', limit: 10 })) as { total: number }
      expect(added.total).toBe(1)

      // A file that is no database is refused in words, and nothing changes.
      const random = path.join(stick, 'random.db')
      fs.writeFileSync(random, Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 73 + 11) % 256)))
      await page.getByTestId('restore-file-input').setInputFiles(random)
      await page.getByTestId('file-restore-confirm').click()
      await expect(page.getByTestId('file-restore-error')).toContainText('random.db はかけはしのデータベースではない')

      await page.getByTestId('restore-file-input').setInputFiles(copy)
      const dialog = page.getByTestId('file-restore')
      await expect(dialog).toContainText('置き換える前にバックアップとして')
      await expect(dialog.getByRole('button', { name: 'キャンセル' })).toBeFocused()
      await page.getByTestId('file-restore-confirm').click()
      await expect(page.getByTestId('file-restore-message')).toContainText(`${download.suggestedFilename()}」から復元しました`, {
        timeout: 30_000,
      })
      await expect(page.getByTestId('file-restore-error')).toHaveCount(0)

      const after = (await door.call('contacts.list', { search: '復元前登録', limit: 10 })) as { total: number }
      expect(after.total).toBe(0)
      expect(((await door.call('app.info')) as { counts: { contacts: number } }).counts.contacts).toBe(before.counts.contacts)
      await expect(page.getByTestId('backup-row').filter({ hasText: '復元前' })).not.toHaveCount(0)
      const audit = (await door.call('audit.list', { entity: 'database', limit: 10 })) as {
        rows: { action: string; changes: { field: string; after: unknown }[] }[]
      }
      expect(audit.rows[0]).toMatchObject({ action: 'restore' })
      expect(JSON.stringify(audit.rows[0]!.changes)).toContain(download.suggestedFilename())
    },
  )
})

test('an encrypted copy asks for the passphrase it was made with; a wrong one is refused in words', async ({ page, shell }) => {
  await withOwnDoor(
    (dbFile) => kakehashiCli('init', '--db', dbFile),
    async (door, dir) => {
      await door.call('contacts.create', { fields: { familyName: '暗号控え', givenName: '試験' } })
      await door.call('safety.setPassphrase', { next: 'yamabiko-2026' })
      await shell.open(door.url, 'settings')
      const downloading = page.waitForEvent('download')
      await page.getByTestId('save-to-file').click()
      const copy = path.join(dir, 'encrypted-copy.db')
      await (await downloading).saveAs(copy)
      await expect(page.getByTestId('save-to-file-message')).toContainText('暗号化', { timeout: 30_000 })
      // Today's database drops the passphrase and the person: the copy still has both.
      await door.call('safety.setPassphrase', { current: 'yamabiko-2026', next: null })
      const [person] = ((await door.call('contacts.list', { search: '暗号控え', limit: 1 })) as { rows: { id: string }[] }).rows
      await door.call('contacts.delete', { ids: [person!.id] })

      await page.getByTestId('restore-file-input').setInputFiles(copy)
      await page.getByTestId('file-restore-confirm').click()
      const form = page.getByTestId('backup-passphrase-form')
      await expect(form).toContainText('「encrypted-copy.db」は暗号化されています')
      await form.getByLabel('バックアップを作ったときのパスフレーズ').fill('kawasemi-2026')
      await form.getByRole('button', { name: '復元する' }).click()
      await expect(form.getByRole('alert')).toContainText('パスフレーズが違います')
      await form.getByLabel('バックアップを作ったときのパスフレーズ').fill('yamabiko-2026')
      await form.getByRole('button', { name: '復元する' }).click()
      await expect(page.getByTestId('file-restore-message')).toContainText('から復元しました', { timeout: 30_000 })
      await expect(form).toHaveCount(0)
      const back = (await door.call('contacts.list', { search: '暗号控え', limit: 1 })) as { total: number }
      expect(back.total).toBe(1)
      // Today's setting stays: no passphrase.
      expect(((await door.call('safety.status')) as { encrypted: boolean }).encrypted).toBe(false)
    },
  )
})
