import { expect, test } from './fixtures'

// A coordinator typing in people from paper sign-in sheets works with the keyboard only, and
// some use a screen reader: every step here is keys, and what a screen reader reads is checked.

test.beforeEach(async ({ shell, participants, door }) => {
  await shell.open(door.url)
  await participants.waitForRows()
})

test('Enter on a row opens the person panel with focus in it; Esc closes it and focus goes back to the row', async ({
  participants,
  page,
}) => {
  const name = (await participants.texts('familyName', 1))[0]
  await participants.cell(0, 'familyName').click()
  await page.keyboard.press('ArrowLeft') // onto the row's panel button
  await expect(participants.cell(0, 'open')).toBeFocused()
  await page.keyboard.press('Enter')

  const panel = page.getByTestId('person-panel')
  await expect(panel.getByRole('heading', { level: 2 })).toContainText(name)
  await expect(panel).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(panel.getByRole('button', { name: '閉じる' })).toBeFocused()

  await page.keyboard.press('Escape')
  await expect(panel).toBeHidden()
  await expect(participants.cell(0, 'open')).toBeFocused()
  // Still in the grid: the arrow keys go on from the same row.
  await page.keyboard.press('ArrowDown')
  await expect(participants.cell(1, 'open')).toBeFocused()
})

test('↓ in the search box goes to the first result', async ({ participants, page }) => {
  await participants.searchFor('青木')
  await participants.waitForRows()
  await participants.search.press('ArrowDown')
  await expect(participants.cell(0, 'familyName')).toBeFocused()
  await expect(participants.cell(0, 'familyName')).toContainText('青木')
  await page.keyboard.press('Enter') // and straight into editing it
  await expect(participants.cell(0, 'familyName').locator('input')).toBeFocused()
  await page.keyboard.press('Escape')
})

test('Tab from the toolbar lands on the first row, not on ~25 column headers; ↑ reaches them and Enter sorts', async ({
  participants,
  page,
}) => {
  await page.getByTestId('save-view').focus() // the toolbar's last control before the grid
  await page.keyboard.press('Tab')
  await expect(participants.cell(0, 'familyName')).toBeFocused()

  // The headers are one ↑ away, and sorting from the keyboard still works there.
  await page.keyboard.press('ArrowUp')
  await expect(participants.header('familyName')).toBeFocused()
  const sorted = page.waitForResponse(
    (r) => r.url().endsWith('/api/contacts.list') && (r.request().postData() ?? '').includes('"sort"'),
  )
  await page.keyboard.press('Enter')
  await sorted
  await expect(participants.header('familyName')).toHaveAttribute('aria-sort', 'ascending')

  // Shift+Tab from the row's first cell goes back to the toolbar the same short way.
  await page.keyboard.press('ArrowDown')
  await expect(participants.cell(0, 'familyName')).toBeFocused()
  await page.keyboard.press('Home')
  await page.keyboard.press('Shift+Tab')
  await expect(page.getByTestId('save-view')).toBeFocused()
})

test("a search's result is said once it is in (「…人が見つかりました」), not while it is on its way", async ({
  participants,
  page,
}) => {
  const said = page.getByTestId('participants-result')
  await expect(said).toHaveAttribute('aria-live', 'polite')
  await expect(said).toHaveText('') // the list as first opened is not news

  // The server's answer is held back: until it comes, nothing is said.
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/api/contacts.list', async (route) => {
    if ((route.request().postData() ?? '').includes('"青木"')) await held
    await route.continue()
  })
  const asked = page.waitForRequest((r) => r.url().endsWith('/api/contacts.list') && (r.postData() ?? '').includes('"青木"'))
  await participants.search.fill('青木')
  await asked
  await expect(said).toHaveText('')
  release()
  await expect(said).toHaveText(/^[\d,]+人が見つかりました$/)
  const count = /^[\d,]+/.exec((await said.textContent()) ?? '')![0]
  await expect(participants.rowCount).toHaveText(`${count}人（絞り込み中）`) // what is said is what is shown

  await participants.searchFor('該当者なしの検索語')
  await expect(said).toHaveText('該当する参加者はいません')
  await page.unroute('**/api/contacts.list')
})

test("what AG Grid says to a screen reader on a row is Japanese, not 'Press SPACE…'", async ({ participants, page }) => {
  await participants.cell(0, 'familyName').click()
  const spoken = participants.grid.locator('.ag-aria-description-container')
  await expect(spoken).toHaveText('スペースキーでこの行を選択')
  await page.keyboard.press('Space')
  await expect(spoken).toHaveText('スペースキーでこの行の選択を解除')
})

test('a refused new person: the invalid field is described by its error', async ({ page }) => {
  await page.getByTestId('add-person').focus()
  await page.keyboard.press('Enter')
  const dialog = page.locator('dialog[data-testid="add-person"]')
  await page.keyboard.type('試験')
  await dialog.getByRole('textbox', { name: '生年月日' }).fill('abc')
  await page.keyboard.press('Enter')

  const birth = dialog.getByRole('textbox', { name: '生年月日' })
  await expect(birth).toBeFocused()
  await expect(birth).toHaveAttribute('aria-invalid', 'true')
  await expect(birth).toHaveAccessibleDescription(/生年月日の形式が正しくありません/)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('add-person')).toBeFocused()
})
