import { expect, test } from './fixtures'

test.beforeEach(async ({ shell, door }) => {
  await shell.open(door.url)
})

test('the header names the app and the demo database; the token leaves the address bar', async ({ shell, page }) => {
  await expect(shell.appName).toHaveText('かけはし')
  await expect(shell.databaseName).toContainText('demo.db')
  await expect(shell.demoBadge).toHaveText('デモデータ')
  expect(page.url()).not.toContain('token')

  await page.reload() // the token is kept for the session
  await expect(shell.databaseName).toContainText('demo.db')
})

test('the sidebar opens every screen', async ({ shell, page }) => {
  const titles = {
    participants: '参加者',
    programs: 'プログラム',
    visits: '訪問・参加記録',
    reports: 'レポート',
    import: 'インポート',
    settings: '設定',
  } as const
  for (const [screen, title] of Object.entries(titles) as [keyof typeof titles, string][]) {
    await shell.goTo(screen)
    await expect(shell.pageTitle).toHaveText(title)
    await expect(shell.navLink(screen)).toHaveAttribute('aria-current', 'page')
  }

  await shell.goTo('programs')
  await expect(page.locator('.ag-row[row-index="0"] [col-id="fiscalYear"]')).toContainText('年度')
  await shell.goTo('visits')
  await expect(page.getByTestId('visits-count')).toHaveText(/^[\d,]+件$/)
  await shell.goTo('reports')
  await expect(page.getByTestId('report-figures')).toContainText('実人数')
})

test('the language switch shows English labels and is remembered', async ({ shell, participants, page }) => {
  await participants.waitForRows()
  await shell.switchLanguage('en')
  await expect(shell.navLink('participants')).toHaveText('Participants')
  await expect(shell.navLink('settings')).toHaveText('Settings')
  await expect(participants.header('familyName')).toContainText('Family name')
  await expect(participants.rowCount).toHaveText(/^[\d,]+ people$/)

  await page.reload()
  await expect(shell.navLink('participants')).toHaveText('Participants')

  await shell.switchLanguage('ja')
  await expect(shell.navLink('participants')).toHaveText('参加者')
  await expect(participants.header('familyName')).toContainText('姓')
})

test('a stage can be renamed in settings; an empty name is refused', async ({ shell, participants, door, page }) => {
  await shell.goTo('settings')
  const row = page.getByTestId('stage-row-tsukamu')
  const input = row.locator('input')
  const original = await input.inputValue()
  expect(original).not.toBe('')

  await input.fill('')
  await row.getByRole('button').click()
  await expect(row.getByRole('alert')).toHaveText('名前を入力してください')

  try {
    await input.fill('出会う')
    await row.getByRole('button').click()
    await expect(row).toContainText('「出会う」に変更しました')

    // The participants grid shows and filters by the new name.
    await shell.goTo('participants')
    await participants.waitForRows()
    await participants.filterByChoice('stage', '出会う')
    await expect(participants.rowCount).toContainText('絞り込み中')
    const stages = await participants.texts('stage', 5)
    expect(stages).toEqual(Array(5).fill('出会う'))
  } finally {
    await door.call('stages.rename', { code: 'tsukamu', label: original })
  }
})

test('a screen whose file cannot be loaded says so and offers a reload; the rest of the app still works', async ({
  shell,
  page,
}) => {
  // Screens are loaded when first opened: as if the app had been updated under an open window.
  await page.route(/\/assets\/ReportsPage-[^/]+\.js$/, (route) => route.abort())
  await shell.goTo('reports')
  await expect(page.getByTestId('screen-failed')).toContainText('この画面を表示できませんでした')
  await expect(page.getByTestId('screen-failed').getByRole('button', { name: '再読み込み' })).toBeVisible()

  await shell.goTo('settings')
  await expect(shell.pageTitle).toHaveText('設定')
  await expect(page.getByTestId('screen-failed')).toHaveCount(0)

  await page.unroute(/\/assets\/ReportsPage-[^/]+\.js$/)
  await page.getByRole('link', { name: 'レポート' }).click()
  await expect(page.getByTestId('screen-failed')).toContainText('この画面を表示できませんでした')
  await page.getByTestId('screen-failed').getByRole('button', { name: '再読み込み' }).click()
  await expect(page.getByTestId('report-figures')).toContainText('実人数')
})
