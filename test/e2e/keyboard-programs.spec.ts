import { expect, test } from './fixtures'
import { ProgramsPage } from './pages/programsPage'

// プログラム with the keyboard only: enrolling people and removing rows. A row's own button
// that removes the row must not leave focus on <body>, and each row's controls say whose they are.

const people = [
  { familyName: '鍵盤', givenName: '一子', familyKana: 'ケンバン', givenKana: 'イチコ' },
  { familyName: '鍵盤', givenName: '二郎', familyKana: 'ケンバン', givenKana: 'ジロウ' },
]

test('enrolling and removing with the keyboard: names on every row control, focus stays on the list', async ({
  shell,
  door,
  page,
}) => {
  const name = `E2E キーボード ${Date.now().toString(36)}`
  const program = (await door.call('programs.create', { fields: { name, category: 'course', startDate: '2026-05-01' } })) as {
    id: string
  }
  for (const date of ['2026-05-10', '2026-05-17'])
    await door.call('sessions.create', { programId: program.id, fields: { date, mode: 'onsite' } })
  for (const p of people) await door.call('contacts.create', { fields: p })
  const programs = new ProgramsPage(page)
  await shell.open(door.url, 'programs')
  await programs.open(name)

  // 開催回: the buttons of a row name its date; deleting the first puts focus on the next one's.
  const first = programs.sessionRows.first()
  await expect(first.getByRole('button', { name: '2026/05/10（日） 削除' })).toBeVisible()
  await expect(first.getByRole('button', { name: '2026/05/10（日） 編集' })).toBeVisible()
  await expect(first.getByRole('button', { name: '2026/05/10（日） 出欠を入力' })).toBeVisible()
  await first.getByRole('button', { name: '削除' }).focus()
  await page.keyboard.press('Enter')
  await page.keyboard.press('Tab') // from キャンセル to 削除する
  await page.keyboard.press('Enter')
  await expect(programs.sessionRows).toHaveCount(1)
  await expect(page.getByRole('button', { name: '2026/05/17（日） 削除' })).toBeFocused()

  // 参加者: find, tick with Space, add; the result is announced.
  await programs.tab('enrollments').focus()
  await page.keyboard.press('Enter')
  const search = page.getByTestId('enroll-search').getByRole('searchbox')
  await search.focus()
  await page.keyboard.type('ケンバン')
  const results = page.getByTestId('enroll-search').getByRole('checkbox')
  await expect(results).toHaveCount(2)
  for (let i = 0; i < 2; i++) {
    await page.keyboard.press('Tab')
    await page.keyboard.press('Space')
  }
  await page.getByTestId('enroll-add').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('enroll-message')).toHaveRole('status')
  await expect(page.getByTestId('enroll-message')).toContainText('2人')
  await expect(search).toBeFocused()
  await expect(programs.enrollmentRows).toHaveCount(2)

  const row = programs.enrollmentRows.filter({ hasText: '鍵盤 一子' })
  await expect(row.getByRole('combobox', { name: '鍵盤 一子 状況' })).toBeVisible()
  await expect(row.getByRole('combobox', { name: '鍵盤 一子 役割' })).toBeVisible()
  await row.getByRole('button', { name: '鍵盤 一子 取り消し' }).focus()
  await page.keyboard.press('Enter')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await expect(programs.enrollmentRows).toHaveCount(1)
  await expect(page.getByRole('button', { name: '鍵盤 二郎 取り消し' })).toBeFocused()

  // The last one gone: focus goes to the search, where the next person is found.
  await page.keyboard.press('Enter')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await expect(programs.enrollmentRows).toHaveCount(0)
  await expect(search).toBeFocused()
})

test('a program’s tabs: one Tab stop, ←/→/Home/End move between them and open them', async ({ shell, door, page }) => {
  const name = `E2E タブ ${Date.now().toString(36)}`
  await door.call('programs.create', { fields: { name, category: 'course', startDate: '2026-05-01' } })
  const programs = new ProgramsPage(page)
  await shell.open(door.url, 'programs')
  await programs.open(name)

  await programs.tab('sessions').focus()
  await page.keyboard.press('ArrowRight')
  await expect(programs.tab('enrollments')).toBeFocused()
  await expect(programs.tab('enrollments')).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('tabpanel', { name: '参加者' })).toBeVisible()
  await page.keyboard.press('End')
  await expect(programs.tab('details')).toBeFocused()
  await expect(programs.tab('details')).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('ArrowRight') // wraps round to the first
  await expect(programs.tab('sessions')).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  await expect(programs.tab('details')).toBeFocused()

  // Only the open tab is a Tab stop: Tab from it goes into the panel, not to the next tab.
  await page.keyboard.press('Tab')
  await expect(page.locator('[role="tab"]:focus')).toHaveCount(0)
  await page.keyboard.press('Shift+Tab')
  await expect(programs.tab('details')).toBeFocused()
})

test('プログラム list: Tab leaves the list instead of walking every cell of every program', async ({ shell, door, page }) => {
  await door.call('programs.create', {
    fields: { name: `E2E 一覧 ${Date.now().toString(36)}`, category: 'course', startDate: '2026-05-01' },
  })
  await shell.open(door.url, 'programs')
  const firstCell = page.locator('.ag-row[row-index="0"] .ag-cell').first()
  await expect(firstCell).toBeVisible()
  // Into the list with the keyboard: its header, then ↓ to the first program's first cell.
  await page.locator('.ag-header-cell').first().focus()
  await page.keyboard.press('ArrowDown')
  await expect(firstCell).toBeFocused()
  await page.keyboard.press('Tab')
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.ag-row') == null)).toBe(true)
  await expect(page.locator('.ag-row .ag-cell:focus')).toHaveCount(0)
})
