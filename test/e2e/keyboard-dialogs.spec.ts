import { expect, test } from './fixtures'
import { ProgramsPage } from './pages/programsPage'

// A modal keeps the keyboard: Tab and Shift+Tab go round its own controls (they used to leave it
// for <body>, behind the backdrop, where nothing can be reached), Esc closes it and focus goes
// back to the button that opened it. Both kinds of modal: the app's ConfirmDialog and 参加者's Dialog.

test('a confirmation (ConfirmDialog): Tab and Shift+Tab stay inside, Esc goes back to the opener', async ({
  shell,
  door,
  page,
}) => {
  const name = `E2E モーダル ${Date.now().toString(36)}`
  await door.call('programs.create', { fields: { name, category: 'course', startDate: '2026-05-01' } })
  const programs = new ProgramsPage(page)
  await shell.open(door.url, 'programs')
  await programs.open(name)

  const opener = page.getByTestId('program-delete-button')
  await opener.focus()
  await page.keyboard.press('Enter')
  const ask = page.getByTestId('program-delete')
  const cancel = ask.getByRole('button', { name: 'キャンセル' })
  const confirm = page.getByTestId('program-delete-confirm')
  await expect(cancel).toBeFocused()

  await page.keyboard.press('Shift+Tab') // from the first control: round to the last
  await expect(confirm).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  await expect(cancel).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(confirm).toBeFocused()
  await page.keyboard.press('Tab') // from the last: round to the first
  await expect(cancel).toBeFocused()

  await page.keyboard.press('Escape')
  await expect(ask).toHaveCount(0)
  await expect(opener).toBeFocused()
  await expect(page.getByTestId('program-title')).toHaveText(name) // nothing was deleted
})

test('参加者 の削除 (Dialog): Tab and Shift+Tab stay inside, Esc goes back to the opener', async ({
  shell,
  door,
  participants,
  page,
}) => {
  await shell.open(door.url)
  await participants.waitForRows()
  await participants.cell(0, 'familyName').click()
  await page.keyboard.press('Space') // tick the row
  const opener = page.getByTestId('delete-selected')
  await opener.focus()
  await page.keyboard.press('Enter')

  const dialog = page.locator('dialog[data-testid="delete-dialog"]')
  const cancel = dialog.getByRole('button', { name: 'キャンセル' })
  const remove = dialog.getByRole('button', { name: '1人を削除' })
  await expect(cancel).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  await expect(remove).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(cancel).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(remove).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(cancel).toBeFocused()

  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(opener).toBeFocused()
})

test('インポート 対応付けを保存 (its own dialog): Tab and Shift+Tab stay inside', async ({ shell, door, page }) => {
  const { ImportPage } = await import('./pages/importPage')
  const importer = new ImportPage(page)
  await shell.open(door.url)
  await shell.goTo('import')
  await importer.upload(new URL('../fixtures/import/google-forms-utf8.csv', import.meta.url).pathname)
  await page.getByTestId('import-save-mapping-open').click()
  const dialog = page.getByTestId('import-save-mapping')
  const name = page.getByTestId('import-save-mapping-name')
  const save = page.getByTestId('import-save-mapping-confirm')
  await expect(name).toBeFocused()
  await page.keyboard.press('Shift+Tab') // from the first control: round to the last
  await expect(save).toBeFocused()
  await page.keyboard.press('Tab') // from the last: round to the first
  await expect(name).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
})
