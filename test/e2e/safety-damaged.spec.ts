import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from './fixtures'
import { kakehashiCli, withOwnDoor } from './ownDoor'

/**
 * The recovery screen of a damaged database restores from a file the user kept (a USB stick),
 * and the app, once open again, says where the damaged file was kept until that is dismissed.
 */
test('a damaged database is restored from a file; the app then says where the damaged file is', async ({ page }) => {
  let copy = ''
  const damage = (dbFile: string, dir: string) => {
    copy = path.join(dir, 'usb', 'かけはし控え.db')
    fs.mkdirSync(path.dirname(copy))
    kakehashiCli('init', '--db', dbFile, '--demo')
    kakehashiCli('backup', '--db', dbFile, '--out', copy)
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true })
    fs.writeFileSync(dbFile, 'これはデータベースではありません（壊れたファイルの代わり）')
  }
  await withOwnDoor(damage, async (door, dir) => {
    await page.goto(door.url)
    await expect(page.getByTestId('damaged-screen')).toBeVisible()
    await page.getByTestId('restore-file-input').setInputFiles(copy)
    await expect(page.getByTestId('file-restore')).toContainText('破損したファイルは調査用に')
    await page.getByTestId('file-restore-confirm').click()

    const notice = page.getByTestId('restore-notice')
    await expect(notice).toContainText('「かけはし控え.db」から復元しました', { timeout: 30_000 })
    await expect(notice).toContainText('kakehashi.db.damaged-')
    const kept = fs.readdirSync(dir).find((f) => f.startsWith('kakehashi.db.damaged-'))
    expect(kept).toBeDefined()
    expect(fs.readFileSync(path.join(dir, kept!), 'utf8')).toContain('壊れたファイルの代わり')

    // Still there after the app is opened again, until dismissed.
    await page.reload()
    await expect(notice).toContainText(kept!)
    await notice.getByRole('button', { name: '確認しました' }).click()
    await expect(notice).toHaveCount(0)
    await page.reload()
    await expect(page.getByRole('navigation')).toBeVisible()
    await expect(notice).toHaveCount(0)
  })
})
