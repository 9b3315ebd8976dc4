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

test('参加者 at 200% zoom (1024×700): the columns after 姓・名 can still be scrolled to', async ({
  shell,
  door,
  participants,
  page,
}) => {
  await page.setViewportSize({ width: 512, height: 350 }) // 1024×700 at 200%
  await shell.open(door.url)
  await participants.waitForRows()
  const pinnedName = participants.grid.locator('.ag-grid-pinned-left-cells [col-id="familyName"]')
  await expect(pinnedName).toHaveCount(0)

  // The keyboard reaches メール and it is on screen, not hidden behind the names.
  await participants.cell(0, 'familyName').click()
  for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight') // セイ…郵便番号, メール
  await expect(participants.cell(0, 'email')).toBeFocused()
  await expect(participants.cell(0, 'email')).toBeInViewport({ ratio: 0.5 })

  // Back to a wide window: 姓 and 名 are pinned again.
  await page.setViewportSize({ width: 1280, height: 800 })
  await expect(pinnedName.first()).toBeVisible()
})
