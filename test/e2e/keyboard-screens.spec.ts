import { expect, test } from './fixtures'
import { ImportPage } from './pages/importPage'

// インポート, レポート and 参加者 at high zoom, for a coordinator on the keyboard or at 200%.

test('インポート: once a file is read, focus is on what was read, not on <body>', async ({ shell, door, page }) => {
  const importer = new ImportPage(page)
  await shell.open(door.url, 'import')
  await importer.fileInput.focus() // where the keyboard is when the file chooser closes
  await importer.upload({
    name: 'sign-in.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('姓,名,メール\n鍵盤,三子,sanko@example.jp\n', 'utf8'),
  })
  const details = page.getByTestId('import-details')
  await expect(details).toBeFocused()
  await expect(details).toContainText('sign-in.csv')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: '別のファイルを選ぶ' })).toBeFocused()
})

test('レポート: Tab goes from CSV to 様式ファイルを選ぶ… with no invisible stop between', async ({ shell, door, page }) => {
  await shell.open(door.url, 'reports')
  await page.getByTestId('export-csv').focus()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: '様式ファイルを選ぶ…' })).toBeFocused()
})
