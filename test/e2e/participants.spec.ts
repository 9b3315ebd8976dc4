import { expect, test } from './fixtures'

const katakana = /^[\u30A0-\u30FF]+$/
const stageLabels = ['つかむ', 'あたためる', 'うながす', 'つながる', '移住済']

test.beforeEach(async ({ shell, participants, door }) => {
  await shell.open(door.url)
  await participants.waitForRows()
})

test('lists the demo participants with kana, prefecture and stage', async ({ participants, page }) => {
  await expect(participants.rowCount).toHaveText(/^[\d,]+人$/)
  for (const header of ['姓', '名', 'セイ', 'メイ', '都道府県', '市区町村', 'メール', '電話', '生年月日', '段階']) {
    await expect(participants.grid.locator('.ag-header-cell-text', { hasText: new RegExp(`^${header}$`) })).toBeVisible()
  }
  await expect(participants.grid.locator('.ag-header-group-cell', { hasText: 'フリガナ' })).toBeVisible()

  const kana = await participants.texts('familyKana', 10)
  expect(kana.filter((k) => katakana.test(k)).length).toBeGreaterThan(5)
  // The rows drawn at first: those on screen and a few below (the grid's rowBuffer).
  const prefectures = await participants.texts('prefectureCode', 15)
  expect(prefectures.some((p) => /^(北海道|.+[都府県])$/.test(p))).toBe(true)
  expect(prefectures.some((p) => /^\d+$/.test(p))).toBe(false) // names, not codes
  const stages = await participants.texts('stage', 15)
  expect(stages.every((s) => stageLabels.includes(s))).toBe(true)

  await page.screenshot({ path: 'test-results/participants.png' })
})

test('sorts by kana: ascending on the first click, descending on the second', async ({ participants }) => {
  const comparable = (values: string[]) => values.filter((v) => v !== '')

  await participants.sortBy('familyKana')
  await expect(participants.header('familyKana')).toHaveAttribute('aria-sort', 'ascending')
  const ascending = comparable(await participants.texts('familyKana', 15))
  expect(ascending.length).toBeGreaterThan(10)
  expect(ascending).toEqual([...ascending].sort())
  expect(ascending.every((k) => katakana.test(k))).toBe(true)

  // Descending is the exact reverse, so people without a reading come first: filter them out.
  await participants.filterText('familyKana', '空欄以外')
  await participants.sortBy('familyKana')
  await expect(participants.header('familyKana')).toHaveAttribute('aria-sort', 'descending')
  const descending = await participants.texts('familyKana', 15)
  expect(descending.every((k) => katakana.test(k))).toBe(true)
  expect(descending).toEqual([...descending].sort().reverse())
  expect(descending[0] > ascending[ascending.length - 1]).toBe(true)
})

test('an edited phone number is saved (normalized) and survives a reload', async ({ participants, page }) => {
  const name = await participants.texts('familyName', 1)
  const reply = await participants.editCell(0, 'phone', '０９０ー１１１１ー２２２２')
  expect(reply.status()).toBe(200)
  await expect(participants.cell(0, 'phone')).toHaveText('090-1111-2222')

  await page.reload()
  await participants.waitForRows()
  expect(await participants.texts('familyName', 1)).toEqual(name)
  await expect(participants.cell(0, 'phone')).toHaveText('090-1111-2222')
})

test('an invalid email is refused with a Japanese message and the stored value is kept', async ({ participants, page }) => {
  const before = ((await participants.cell(1, 'email').textContent()) ?? '').trim()
  const reply = await participants.editCell(1, 'email', 'abc')
  expect(reply.status()).toBe(400)

  await expect(participants.errorAlert).toBeVisible()
  await expect(participants.errorAlert).toContainText('メールアドレス')
  await expect(participants.errorAlert).toContainText('メール：')
  await expect(participants.cell(1, 'email')).toHaveText(before)

  await page.reload()
  await participants.waitForRows()
  await expect(participants.cell(1, 'email')).toHaveText(before)
})

test('a refusal’s message goes once a value is saved', async ({ participants }) => {
  expect((await participants.editCell(1, 'email', 'abc')).status()).toBe(400)
  await expect(participants.errorAlert).toBeVisible()
  expect((await participants.editCell(1, 'email', 'kakehashi.test@example.jp')).status()).toBe(200)
  await expect(participants.cell(1, 'email')).toHaveText('kakehashi.test@example.jp')
  // At once, not when the message would have gone by itself (12 s).
  await expect(participants.errorAlert).toBeHidden({ timeout: 3000 })
})

test('searching narrows the list and the count; no match shows the empty state', async ({ participants }) => {
  const total = await participants.rowCount.textContent()
  const kana = (await participants.texts('familyKana', 1))[0]

  await participants.searchFor(kana)
  await expect(participants.rowCount).toContainText('絞り込み中')
  await expect(participants.rowCount).not.toHaveText(total ?? '')
  await expect(participants.cell(0, 'familyKana')).toHaveText(kana)

  await participants.searchFor('該当者なしの検索語')
  await expect(participants.rowCount).toHaveText('0人（絞り込み中）')
  await expect(participants.emptyState).toHaveText('条件に一致する参加者はいません。')
})

test('the window does not count every visit at start or after an edit; the settings page does', async ({
  participants,
  page,
  shell,
}) => {
  const asked: string[] = []
  page.on('request', (r) => {
    const method = /\/api\/([\w.]+)$/.exec(r.url())?.[1]
    if (method) asked.push(method)
  })
  await page.reload()
  await participants.waitForRows()
  // An edit tells every screen that people changed: what depends on people is asked again.
  const refreshed = page.waitForRequest(/\/api\/tags\.list$/)
  expect((await participants.editCell(2, 'phone', '090-3333-4444')).status()).toBe(200)
  await refreshed
  expect(asked).toContain('app.identity')
  expect(asked).not.toContain('app.info')
  await expect(page.getByTestId('database-name')).toContainText('.db')

  await shell.goTo('settings')
  await expect(page.getByTestId('database-info')).toContainText(/参加者\s*[\d,]+/)
  expect(asked).toContain('app.info')
})
