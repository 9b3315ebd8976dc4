import { expect, test } from './fixtures'

// Every grid is one Tab stop, as a spreadsheet user expects: the arrow keys move between cells,
// Tab and Shift+Tab go on to the controls around the grid (AG Grid's own Tab walked every cell of
// every row, so the panel and buttons after a grid could not be reached). While a cell is being
// edited, Tab still saves it and edits the next cell, as in Excel.

test('参加者: Tab from a cell goes to the open panel, Shift+Tab to the toolbar; the arrows still move between cells', async ({
  shell,
  door,
  participants,
  page,
}) => {
  await shell.open(door.url)
  await participants.waitForRows()
  await participants.cell(1, 'open').click() // a panel after the grid: the next control outside it
  const panel = page.getByTestId('person-panel')
  await expect(panel).toBeVisible()

  await participants.cell(2, 'familyName').click()
  await page.keyboard.press('ArrowRight')
  await expect(participants.cell(2, 'givenName')).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(participants.cell(3, 'givenName')).toBeFocused()

  await page.keyboard.press('Tab')
  await expect(panel.getByRole('button', { name: '閉じる' })).toBeFocused()
  // Back into the grid: the cell that was left, not the last of ~1,500 rows.
  await page.keyboard.press('Shift+Tab')
  await expect(participants.cell(3, 'givenName')).toBeFocused()

  await page.keyboard.press('Shift+Tab')
  await expect(page.getByTestId('save-view')).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(participants.cell(3, 'givenName')).toBeFocused()
})

test('参加者: Tab on a column header leaves the grid too, instead of walking ~25 headers', async ({
  shell,
  door,
  participants,
  page,
}) => {
  await shell.open(door.url)
  await participants.waitForRows()
  await participants.cell(0, 'familyName').click()
  await page.keyboard.press('ArrowUp')
  await expect(participants.header('familyName')).toBeFocused()
  await page.keyboard.press('ArrowRight') // the arrows walk the headers
  await expect(participants.header('givenName')).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  await expect(page.getByTestId('save-view')).toBeFocused()
})

test('参加者: while editing, Tab saves the cell and edits the next one, as in Excel', async ({
  shell,
  door,
  participants,
  page,
}) => {
  await shell.open(door.url)
  await participants.waitForRows()
  await participants.cell(0, 'familyName').click()
  await page.keyboard.press('Enter')
  await expect(participants.cell(0, 'familyName').locator('input')).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(participants.cell(0, 'givenName').locator('input')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(participants.cell(0, 'givenName')).toBeFocused()
})

test('訪問・参加記録: Tab from the toolbar lands on a visit’s date (not its tick box); Tab goes on to the pages, not along the row', async ({
  shell,
  door,
  page,
}) => {
  await shell.open(door.url, 'visits')
  const grid = page.locator('.page-visits .ag-root-wrapper')
  const cell = (row: number, colId: string) => grid.locator(`.ag-row[row-index="${row}"] [col-id="${colId}"]`)
  await expect(cell(0, 'visitDate')).not.toHaveText('')

  // The last control before the grid: 元に戻す when the server has something to undo (an earlier
  // test on this worker's database may have saved an edit), else 条件をクリア (disabled buttons skip).
  const undo = page.getByTestId('visits-undo')
  await ((await undo.isEnabled()) ? undo : page.getByRole('button', { name: '条件をクリア' })).focus()
  await page.keyboard.press('Tab')
  await expect(cell(0, 'visitDate')).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowRight')
  await expect(cell(1, 'contactName')).toBeFocused()

  // On page 1, 最初のページ and 前のページ cannot be used: Tab skips them to the page number.
  const pager = page.getByTestId('visits-pager')
  await expect(pager.getByRole('button', { name: '前のページ' })).toBeDisabled()
  await page.keyboard.press('Tab')
  const pageNumber = pager.getByRole('textbox', { name: /^ページ番号（全[\d,]+ページ）$/ })
  await expect(pageNumber).toBeFocused()
  await expect(grid.locator('.ag-cell:focus')).toHaveCount(0)
  await page.keyboard.press('Tab')
  await expect(pager.getByRole('button', { name: '次のページ' })).toBeFocused()
  // Back into the grid: the cell that was left.
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Shift+Tab')
  await expect(cell(1, 'contactName')).toBeFocused()
})

test('訪問・参加記録: a page number typed (全角 too) and Enter goes to that page; one that is not a page is put back', async ({
  shell,
  door,
  page,
}) => {
  await shell.open(door.url, 'visits')
  const grid = page.locator('.page-visits .ag-root-wrapper')
  const pager = page.getByTestId('visits-pager')
  await expect(pager).toContainText(/^1 〜 50 \/ [\d,]+件/)
  const pageNumber = pager.getByRole('textbox', { name: /^ページ番号/ })

  await pageNumber.fill('３')
  await pageNumber.press('Enter')
  await expect(pager).toContainText(/^101 〜 150 \/ /)
  await expect(grid.locator('.ag-row[row-index="100"]')).toBeVisible()
  await expect(pager.getByRole('button', { name: '前のページ' })).toBeEnabled()

  await pageNumber.fill('99999')
  await pageNumber.press('Enter')
  await expect(pageNumber).toHaveValue('3')
  await expect(pager).toContainText(/^101 〜 150 \/ /)

  await pager.getByRole('button', { name: '最後のページ' }).click()
  await expect(pager.getByRole('button', { name: '次のページ' })).toBeDisabled()
  await expect(pager.getByRole('button', { name: '最後のページ' })).toBeDisabled()
  const pages = /全([\d,]+)ページ/.exec((await pageNumber.getAttribute('aria-label')) ?? '')![1]!.replace(/,/g, '')
  await expect(pageNumber).toHaveValue(pages)
  // The pressed button is disabled on arrival: focus is kept in the pager, on the page number.
  await expect(pageNumber).toBeFocused()

  // From the keyboard: Shift+Tab twice reaches 最初のページ; Enter goes back to page 1.
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Shift+Tab')
  await expect(pager.getByRole('button', { name: '最初のページ' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(pageNumber).toHaveValue('1')
  await expect(pageNumber).toBeFocused()
  await expect(pager).toContainText(/^1 〜 50 \/ /)
})
