import { expect, test } from './fixtures'

test('a standalone visit for two people is entered with the person picker and appears in the grid', async ({
  shell,
  door,
  page,
}) => {
  for (const fields of [
    { familyName: '再訪', givenName: '一子', familyKana: 'サイホウ', givenKana: 'カズコ' },
    { familyName: '再訪', givenName: '二郎', familyKana: 'サイホウ', givenKana: 'ジロウ' },
  ])
    await door.call('contacts.create', { fields })
  await shell.open(door.url, 'visits')
  await page.getByTestId('visit-new').click()
  const form = page.getByTestId('visit-form')
  await form.getByTestId('visit-person-search').locator('input[type="search"]').fill('さいほう')
  await form.locator('label', { hasText: '再訪 一子' }).locator('input[type="checkbox"]').check()
  await form.locator('label', { hasText: '再訪 二郎' }).locator('input[type="checkbox"]').check()
  await form.locator('input[name="visitDate"]').fill('2025-08-15')
  await form.locator('input[name="nights"]').fill('1')
  await form.locator('input[name="purpose"]').fill('夏祭りの手伝い')
  await form.locator('input[aria-label="訪問先の市町村"]').fill('あわしまうら')
  await form.locator('input[aria-label="訪問先の市町村"]').press('Enter')
  await page.getByTestId('visit-save').click()
  await expect(page.getByText('2件を記録しました')).toBeVisible()

  // Filtered to visits outside programs on that day: exactly those two, with purpose and place.
  await page.getByTestId('visits-filter-program').selectOption('standalone')
  await page.locator('.inline-field', { hasText: '開始日' }).locator('input').fill('2025-08-15')
  await page.locator('.inline-field', { hasText: '終了日' }).locator('input').fill('2025-08-15')
  const rows = page.locator('.ag-row', { hasText: '夏祭りの手伝い' })
  await expect(rows).toHaveCount(2)
  await expect(rows.first()).toContainText('粟島浦村')
  await expect(rows.first()).toContainText('1泊')
})

test('a visit without anyone chosen is refused with a clear message', async ({ shell, door, page }) => {
  await shell.open(door.url, 'visits')
  await expect(page.getByTestId('visits-count')).toHaveText(/^[\d,]+件$/)
  const before = await page.getByTestId('visits-count').textContent()
  await page.getByTestId('visit-new').click()
  await page.getByTestId('visit-save').click()
  await expect(page.getByTestId('visit-form').getByRole('alert')).toHaveText('参加者を選んでください')
  await expect(page.getByTestId('visits-count')).toHaveText(before ?? '')
})

test('the 参加者 message goes once someone is chosen', async ({ shell, door, page }) => {
  await door.call('contacts.create', {
    fields: { familyName: '選択', givenName: '済子', familyKana: 'センタク', givenKana: 'スミコ' },
  })
  await shell.open(door.url, 'visits')
  await page.getByTestId('visit-new').click()
  const form = page.getByTestId('visit-form')
  await page.getByTestId('visit-save').click()
  await expect(form.getByRole('alert')).toHaveText('参加者を選んでください')
  await form.getByTestId('visit-person-search').locator('input[type="search"]').fill('せんたく')
  await form.locator('label', { hasText: '選択 済子' }).locator('input[type="checkbox"]').check()
  await expect(form.getByRole('alert')).toHaveCount(0)
})

test('泊数 over the limit is refused in plain Japanese, and the input says its range', async ({ shell, door, page }) => {
  await door.call('contacts.create', {
    fields: { familyName: '長逗留', givenName: '花子', familyKana: 'ナガトウリュウ', givenKana: 'ハナコ' },
  })
  await shell.open(door.url, 'visits')
  await page.getByTestId('visit-new').click()
  const form = page.getByTestId('visit-form')
  await form.getByTestId('visit-person-search').locator('input[type="search"]').fill('ながとうりゅう')
  await form.locator('label', { hasText: '長逗留 花子' }).locator('input[type="checkbox"]').check()
  const nights = form.locator('input[name="nights"]')
  await expect(nights).toHaveAttribute('min', '0')
  await expect(nights).toHaveAttribute('max', '365')
  await nights.fill('400')
  await page.getByTestId('visit-save').click()
  await expect(form.getByRole('alert')).toHaveText('泊数は365以下で入力してください')
})

test('訪問を記録: focus starts in the form, the title fits, a future date is warned about but recorded', async ({
  shell,
  door,
  page,
}) => {
  await door.call('contacts.create', {
    fields: { familyName: '未来', givenName: '予子', familyKana: 'ミライ', givenKana: 'ヨコ' },
  })
  await shell.open(door.url, 'visits')
  await page.getByTestId('visit-new').click()
  const form = page.getByTestId('visit-form')
  const search = form.getByTestId('visit-person-search').locator('input[type="search"]')
  await expect(search).toBeFocused()
  // The form offers a related program, so its title does not say "outside programs".
  await expect(form.locator('h2')).toHaveText('訪問・参加を記録')
  await expect(form).toContainText('関連するプログラム（任意）')

  await search.fill('みらい')
  await form.locator('label', { hasText: '未来 予子' }).locator('input[type="checkbox"]').check()
  const warning = page.getByTestId('visit-future-warning')
  await expect(warning).toHaveCount(0) // today's date
  const d = new Date()
  d.setDate(d.getDate() + 3)
  const future = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  await form.locator('input[name="visitDate"]').fill(future)
  await expect(warning).toContainText(`${future.replaceAll('-', '/')}は今日`)
  await expect(warning).toContainText('より先の日付です')
  await page.getByTestId('visit-save').click()
  await expect(page.getByText('1件を記録しました')).toBeVisible()
})
