import { eraFiscalYear, fiscalYearOf, formatFiscalYear, todayIso } from '../../shared/domain/dates'
import { expect, test } from './fixtures'
import { ProgramsPage } from './pages/programsPage'

// A new user's first start: an empty database, not the demo. The tests share the worker's
// database and run in file order: the empty screens first, then the first data.
test.use({ demo: false })

test('secondary buttons are styled on a screen opened before 参加者 or プログラム', async ({ door, shell, page }) => {
  // The import screen is the first thing many new users open (their Excel list).
  await shell.open(door.url, 'import')
  const readPasted = page.getByTestId('import-paste-read')
  await expect(readPasted).toBeVisible()
  const look = await readPasted.evaluate((b) => {
    const s = getComputedStyle(b)
    return { border: `${s.borderTopWidth} ${s.borderTopStyle} ${s.borderTopColor}`, radius: s.borderTopLeftRadius }
  })
  expect(look).toEqual({ border: '1px solid rgb(201, 208, 216)', radius: '6px' })
})

test('every empty screen says what to do next, with a button that does it', async ({ door, shell, page }) => {
  // ホーム: the steps, in order, each with its way in.
  await shell.open(door.url, 'home')
  const start = page.getByTestId('home-getting-started')
  await expect(start.getByRole('heading', { name: 'はじめに' })).toBeVisible()
  await expect(start.locator('li strong')).toHaveText([
    '1. 参加者を登録する',
    '2. プログラムと開催回をつくる',
    '3. 出欠や訪問を記録する',
    '4. 年度の実績を出力する',
  ])
  await start.getByRole('link', { name: '名簿を取り込む' }).click()
  await expect(shell.pageTitle).toHaveText('インポート')

  // 参加者: add one, or import a list.
  await shell.goTo('participants')
  const noPeople = page.getByTestId('participants-empty')
  await expect(noPeople).toContainText('まだ参加者が登録されていません。')
  await expect(noPeople.getByRole('link', { name: '名簿を取り込む' })).toHaveAttribute('href', '#/import')
  await noPeople.getByRole('button', { name: '参加者を追加' }).click()
  await expect(page.getByRole('dialog', { name: '参加者を追加' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)

  // プログラム: the empty list opens the new-program form.
  await shell.goTo('programs')
  const noPrograms = page.getByTestId('programs-empty')
  await expect(noPrograms).toContainText('プログラムはまだ登録されていません。')
  await noPrograms.getByRole('button', { name: '新しいプログラム' }).click()
  await expect(page.getByTestId('program-form')).toBeVisible()

  // 訪問・参加記録: where records come from, and the form for one; closing it gives the focus back.
  await shell.goTo('visits')
  const noVisits = page.getByTestId('visits-empty')
  await expect(noVisits).toContainText('プログラムの「出欠」タブで出席を保存すると、ここに並びます。')
  await noVisits.getByRole('button', { name: '訪問を記録' }).click()
  await expect(page.getByTestId('visit-form')).toBeVisible()
  await page.getByTestId('visit-form').getByRole('button', { name: 'キャンセル' }).click()
  await expect(page.getByTestId('visit-new')).toBeFocused()

  // レポート: with no records at all, changing the year is no help; recording is.
  await shell.goTo('reports')
  const noReport = page.getByTestId('report-empty')
  await expect(noReport).toContainText('まだ訪問・参加記録が1件もないため、数字はすべて0です。')
  await expect(noReport).not.toContainText('年度や事業を変えてみてください')
  await expect(noReport.getByRole('link', { name: '訪問・参加記録へ' })).toHaveAttribute('href', '#/visits')

  // 監査ログ: nothing recorded yet is not "nothing matches"; a filter that hides everything is.
  await shell.goTo('audit')
  await expect(page.getByTestId('audit-empty')).toContainText('まだ記録がありません。')
  await page.getByTestId('audit-filter-action').selectOption('export')
  await expect(page.getByTestId('audit-empty')).toHaveText('条件に合う記録はありません。')
})

test('ホーム ticks off 参加者 once someone is registered, and steps aside at the first record', async ({ door, shell, page }) => {
  const person = (await door.call('contacts.create', {
    fields: { familyName: '架空', givenName: '一花', familyKana: 'カクウ', givenKana: 'イチカ' },
  })) as { id: string }
  await shell.open(door.url, 'home')
  const start = page.getByTestId('home-getting-started')
  await expect(start.getByTestId('home-start-people')).toContainText('済')
  await expect(start.getByTestId('home-start-programs')).not.toContainText('済')
  // The next step is the one filled in.
  await expect(start.locator('a.button')).toHaveText(['プログラムをつくる'])

  await door.call('visits.create', {
    contactIds: [person.id],
    programId: null,
    fields: { visitDate: '2026-11-15', mode: 'onsite' },
  })
  await expect(page.getByTestId('home-getting-started')).toHaveCount(0)
  await expect(page.getByTestId('home-figures')).toBeVisible()
})

test('レポート on a year with no records offers this 年度, where a new user has recorded', async ({ door, shell, page }) => {
  // The page opens on last 年度 (the one a grant report is written for); a new user's visits are this year's.
  const person = (await door.call('contacts.create', {
    fields: { familyName: '試験', givenName: '二葉', familyKana: 'シケン', givenKana: 'フタバ' },
  })) as { id: string }
  const today = todayIso()
  const thisYear = fiscalYearOf(today)
  await door.call('visits.create', { contactIds: [person.id], programId: null, fields: { visitDate: today, mode: 'onsite' } })
  await shell.open(door.url, 'reports')
  // A year surely without records, whatever the date the test runs on.
  await page.getByTestId('report-fiscal-year').selectOption(String(thisYear - 4))
  const empty = page.getByTestId('report-empty')
  await expect(empty).toContainText('年度や事業を変えてみてください')
  await empty.getByRole('button', { name: `今年度（${eraFiscalYear(thisYear)}）を表示` }).click()
  await expect(page.getByTestId('report-heading')).toContainText(formatFiscalYear(thisYear))
  await expect(page.getByTestId('report-fiscal-year')).toHaveValue(String(thisYear))
  await expect(page.getByTestId('report-empty')).toHaveCount(0)
  await expect(page.getByTestId('figure-uniquePeople').locator('dd')).not.toHaveText('0人')
})

test('毎月 第n曜日 starts from the date typed: 10/3 is the 1st Saturday, not the 2nd', async ({ door, shell, page }) => {
  await door.call('programs.create', {
    fields: { name: '月例 まちあるき講座', category: 'course', startDate: '2026-10-01', endDate: '2027-03-31' },
  })
  const programs = new ProgramsPage(page)
  await shell.open(door.url, 'programs')
  await programs.open('月例 まちあるき講座')
  const form = page.getByTestId('session-form')
  await form.locator('input[name="date"]').fill('2026-10-03')
  await form.locator('select[name="repeat"]').selectOption('monthly')
  await form.locator('input[name="count"]').fill('3')
  await expect(form.locator('select[name="nth"] option:checked')).toHaveText('第1土曜日')
  await expect(page.getByTestId('series-preview')).toHaveText(/^3回：2026\/10\/03（土）、2026\/11\/07（土）、2026\/12\/05（土）/)
  // The 31st is the 5th Saturday: 最終土曜日.
  await form.locator('input[name="date"]').fill('2026-10-31')
  await expect(form.locator('select[name="nth"] option:checked')).toHaveText('最終土曜日')
})

test('a one-kanji family name (林) is found when enrolling; one Latin letter still waits', async ({ door, shell, page }) => {
  await door.call('contacts.create', {
    fields: { familyName: '林', givenName: '一葉', familyKana: 'ハヤシ', givenKana: 'カズハ' },
  })
  await door.call('programs.create', { fields: { name: '里山 体験会', category: 'course', startDate: '2026-11-01' } })
  const programs = new ProgramsPage(page)
  await shell.open(door.url, 'programs')
  await programs.open('里山 体験会')
  await programs.tab('enrollments').click()
  const search = page.getByTestId('enroll-search')
  await search.getByRole('searchbox').fill('林')
  await expect(search.getByRole('checkbox', { name: /林 一葉/ })).toBeVisible()
  await search.getByRole('searchbox').fill('h')
  await expect(search).toContainText('英数字は2文字以上入力してください')
})

test('the keyboard keeps its place after 追加 (enrolling) and 出欠を保存', async ({ door, shell, page }) => {
  await door.call('contacts.create', {
    fields: { familyName: '見本', givenName: '三郎', familyKana: 'ミホン', givenKana: 'サブロウ' },
  })
  const program = (await door.call('programs.create', {
    fields: { name: '出欠 練習講座', category: 'course', startDate: '2026-11-01' },
  })) as { id: string }
  await door.call('sessions.create', {
    programId: program.id,
    fields: { date: '2026-11-07', startTime: '13:00', mode: 'onsite' },
  })
  const programs = new ProgramsPage(page)
  await shell.open(door.url, 'programs')
  await programs.open('出欠 練習講座')

  // Enrolling: the search is ready for the next person (追加 itself turns disabled).
  await programs.tab('enrollments').click()
  const search = page.getByTestId('enroll-search').getByRole('searchbox')
  await search.fill('見本')
  await page
    .getByTestId('enroll-search')
    .getByRole('checkbox', { name: /見本 三郎/ })
    .check()
  await page.getByTestId('enroll-add').press('Enter')
  await expect(programs.enrollmentRows).toHaveCount(1)
  await expect(search).toBeFocused()

  // Attendance saved with Enter: the focus stays on 出欠を保存, not on the page.
  await programs.tab('roster').click()
  await programs.tick('見本 三郎')
  const reply = page.waitForResponse((r) => r.url().endsWith('/api/roster.save'))
  await page.getByTestId('roster-save').press('Enter')
  await reply
  await expect(page.getByText('保存しました（出席 1人')).toBeVisible()
  await expect(page.getByTestId('roster-save')).toBeFocused()
})

test('a program created with Enter opens with the focus on its name, not lost on the page', async ({ door, shell, page }) => {
  await shell.open(door.url, 'programs')
  await page.getByTestId('program-new').click()
  const form = page.getByTestId('program-form')
  await form.locator('input[name="startDate"]').fill('2026-12-05')
  await form.locator('input[name="name"]').fill('冬の 手仕事講座')
  await form.locator('input[name="name"]').press('Enter')
  await expect(page.getByTestId('program-title')).toHaveText('冬の 手仕事講座')
  await expect(page.getByTestId('program-title')).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('program-copy')).toBeFocused()
})

test('参加者を追加 takes 生年月日 (和暦 too) and 都道府県, with a clear message for an impossible date', async ({
  door,
  shell,
  page,
}) => {
  await shell.open(door.url, 'participants')
  await page.getByTestId('add-person').first().click()
  const dialog = page.getByRole('dialog', { name: '参加者を追加' })
  await page.keyboard.type('仮名')
  await page.keyboard.press('Tab')
  await page.keyboard.type('四葉')
  const birth = dialog.locator('input[name="birth"]')
  await birth.fill('平成31年5月1日')
  await dialog.locator('select[name="prefectureCode"]').selectOption({ label: '島根県' })
  await birth.press('Enter')
  await expect(dialog).toContainText('平成31年5月1日は存在しません（令和元年5月1日です）')
  await expect(birth).toBeFocused()

  await birth.fill('昭和60年4月1日')
  await birth.press('Enter')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  const found = (await door.call('contacts.list', { search: '仮名 四葉', limit: 5 })) as {
    rows: { birthDate: string | null; prefectureCode: string | null }[]
  }
  expect(found.rows).toEqual([expect.objectContaining({ birthDate: '1985-04-01', prefectureCode: '32' })])
})

test('the report’s password fields are laid out on a レポート opened before the other screens', async ({ door, shell, page }) => {
  await shell.open(door.url, 'reports')
  await page.getByTestId('export-protect').check()
  const field = page.getByTestId('export-protection').locator('label.form-field').first()
  await expect(field).toBeVisible()
  // Label above the box, and the hint in the quiet colour, as on every other form.
  expect(await field.evaluate((el) => getComputedStyle(el).flexDirection)).toBe('column')
  const hint = page.getByTestId('export-protection').locator('.form-hint')
  expect(await hint.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(138, 149, 163)')
})
