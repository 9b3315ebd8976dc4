import { expect, test } from './fixtures'
import { HomePage, ProgramsPage } from './pages/programsPage'
import { ParticipantsActions } from './pages/participantsActions'

/** Today in the browser's (and backend's) local calendar, as the date inputs take it. */
function today(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

// Fictional people of our own, so the scenario does not depend on the demo's names.
const learners = [
  { familyName: '架橋', givenName: '一花', familyKana: 'カケハシ', givenKana: 'イチカ' },
  { familyName: '架橋', givenName: '二葉', familyKana: 'カケハシ', givenKana: 'フタバ' },
  { familyName: '架橋', givenName: '三咲', familyKana: 'カケハシ', givenKana: 'ミサキ' },
  { familyName: '架橋', givenName: '四郎', familyKana: 'カケハシ', givenKana: 'シロウ' },
  { familyName: '架橋', givenName: '五月', familyKana: 'カケハシ', givenKana: 'サツキ' },
]
const walkIn = { familyName: '飛入', givenName: '六助', familyKana: 'トビイリ', givenKana: 'ロクスケ' }
const nameOf = (p: { familyName: string; givenName: string }) => `${p.familyName} ${p.givenName}`

test('a program from creation to attendance: visits grid, timelines and the dashboard follow', async ({
  shell,
  participants,
  door,
  page,
}) => {
  test.setTimeout(120_000)
  for (const fields of [...learners, walkIn]) await door.call('contacts.create', { fields })
  const programName = `E2E 連続講座 ${Date.now().toString(36)}`
  const home = new HomePage(page)
  const programs = new ProgramsPage(page)

  // The dashboard before: the app opens on ホーム.
  await shell.open(door.url, 'home')
  await expect(shell.navLink('home')).toHaveAttribute('aria-current', 'page')
  await home.waitForFigures()
  const before = {
    people: await home.figure('unique-people'),
    newPeople: await home.figure('new-people'),
    visits: await home.figure('total-involvements'),
  }

  // A program with a series of 3 weekly sessions, the first today.
  await shell.goTo('programs')
  await programs.create({ name: programName, startDate: today(), capacity: 4 })
  await programs.addWeeklySeries(today(), 3, 'hybrid')
  await expect(programs.sessionRows).toHaveCount(3)

  // Enroll the 5 from the participants grid: search, tick 5 rows, bulk "enroll in a program".
  await shell.goTo('participants')
  await participants.waitForRows()
  await participants.searchFor('カケハシ')
  await expect(participants.rowCount).toHaveText('5人（絞り込み中）')
  const actions = new ParticipantsActions(page, participants)
  for (let row = 0; row < 5; row++) await actions.select(row)
  await actions.bulk('プログラムに登録')
  const [year, month] = today().split('-').map(Number)
  await page.locator('dialog[open] select').selectOption({ label: `${programName}（${month >= 4 ? year : year - 1}年度）` })
  await page.locator('dialog[open]').getByRole('button', { name: '適用' }).click()
  await expect(actions.notice).toContainText('5人を登録しました')
  await expect(actions.notice).toContainText('定員') // 5 enrolled over a capacity of 4

  // The program's participants: 5 enrollees, and the capacity warning.
  await shell.goTo('programs')
  await programs.open(programName)
  await programs.tab('enrollments').click()
  await expect(programs.enrollmentRows).toHaveCount(5)
  // Says what it counts: every enrollment not withdrawn, 応募 included.
  await expect(page.getByTestId('capacity-warning')).toHaveText('辞退していない申込 5人で、定員（4人）を1人超えています')

  // Attendance for session 1: 4 of the 5 (2 online), plus a walk-in; saved in one action.
  await programs.tab('roster').click()
  await expect(programs.rosterLine(nameOf(learners[0]))).toBeVisible()
  await programs.tick(nameOf(learners[0]), 'online')
  await programs.tick(nameOf(learners[1]), 'online')
  await programs.tick(nameOf(learners[2]), 'onsite')
  await programs.tick(nameOf(learners[3]), 'onsite')
  await programs.addWalkInBySearch('とびいり', nameOf(walkIn))
  await expect(page.getByTestId('roster-summary')).toHaveText('出席 5人 / 6人（うちオンライン 2人）')
  await programs.saveRoster()
  await expect(page.getByTestId('roster-saved')).toContainText('出席 5人：追加 5')
  // Saving the same roster again adds nothing.
  await programs.saveRoster()
  await expect(page.getByTestId('roster-saved')).toContainText('追加 0・変更 0・削除 0')
  await expect(programs.rosterLine(nameOf(walkIn))).toContainText('当日参加')

  // The visits grid, filtered to the program: 5 visits, 2 of them online.
  await shell.goTo('visits')
  await page.getByTestId('visits-filter-program').selectOption({ label: programName })
  await expect(page.getByTestId('visits-count')).toHaveText('5件')
  await page.getByTestId('visits-filter-mode').selectOption('online')
  await expect(page.getByTestId('visits-count')).toHaveText('2件')
  await expect(page.locator('.ag-row [col-id="contactName"]')).toHaveCount(2)
  const online = await page.locator('.ag-row [col-id="contactName"]').allTextContents()
  expect(online.sort()).toEqual([nameOf(learners[0]), nameOf(learners[1])].sort())

  // Each attendee's timeline shows the program and the visit; the absent one only the enrollment.
  await shell.goTo('participants')
  await participants.waitForRows()
  for (const person of [...learners, walkIn]) {
    await participants.searchFor(`${person.familyKana}${person.givenKana}`)
    await expect(participants.rowCount).toHaveText('1人（絞り込み中）')
    await actions.openDetail(0)
    const timeline = actions.panel.getByTestId('person-timeline')
    await expect(actions.panel.locator('h2')).toHaveText(nameOf(person))
    const attended = person !== learners[4]
    await expect(timeline.getByTestId('timeline-visit')).toHaveCount(attended ? 1 : 0)
    if (attended) await expect(timeline.getByTestId('timeline-visit')).toContainText(programName)
    await expect(timeline.getByTestId('timeline-enrollment')).toHaveCount(person === walkIn ? 0 : 1)
  }

  // The dashboard counts the 5 attendees (the enrolled-only person does not count).
  await shell.goTo('home')
  await home.waitForFigures()
  await expect.poll(() => home.figure('unique-people')).toBe(before.people + 5)
  expect(await home.figure('new-people')).toBe(before.newPeople + 5)
  expect(await home.figure('total-involvements')).toBe(before.visits + 5)
})

test('the sign-in sheet lists the roster with kana and blank columns for paper', async ({ shell, door, page }) => {
  const program = (await door.call('programs.create', {
    fields: { name: 'サインシート確認講座', category: 'course', startDate: today() },
  })) as { id: string }
  await door.call('sessions.create', {
    programId: program.id,
    fields: { date: today(), startTime: '13:00', place: '公民館', mode: 'onsite' },
  })
  const person = (await door.call('contacts.create', {
    fields: { familyName: '署名', givenName: '花子', familyKana: 'ショメイ', givenKana: 'ハナコ' },
  })) as { id: string }
  await door.call('enrollments.add', { programId: program.id, contactIds: [person.id], status: 'confirmed' })
  const programs = new ProgramsPage(page)
  await shell.open(door.url, 'programs')
  await programs.open('サインシート確認講座')
  await programs.tab('roster').click()
  await page.getByTestId('roster-print').click()
  const sheet = page.getByTestId('sign-in-sheet')
  await expect(sheet).toContainText('参加者サインシート')
  await expect(sheet).toContainText('サインシート確認講座')
  await expect(sheet.locator('tbody tr').first()).toContainText('署名 花子')
  await expect(sheet.locator('tbody tr').first()).toContainText('ショメイ ハナコ')
  await expect(sheet.locator('thead')).toContainText('署名')
  await expect(sheet.locator('tr.sheet-blank')).toHaveCount(8)
})

test('an attendance save is undone from the roster itself, and only while nothing came after it', async ({
  shell,
  door,
  page,
}) => {
  const program = (await door.call('programs.create', {
    fields: { name: '出欠取り消し講座', category: 'course', startDate: today() },
  })) as { id: string }
  await door.call('sessions.create', { programId: program.id, fields: { date: today(), startTime: '10:00', mode: 'onsite' } })
  const people = [
    { familyName: '取消', givenName: '一子', familyKana: 'トリケシ', givenKana: 'イチコ' },
    { familyName: '取消', givenName: '二郎', familyKana: 'トリケシ', givenKana: 'ジロウ' },
  ]
  const ids: string[] = []
  for (const fields of people) ids.push(((await door.call('contacts.create', { fields })) as { id: string }).id)
  await door.call('enrollments.add', { programId: program.id, contactIds: ids, status: 'confirmed' })
  const programs = new ProgramsPage(page)
  await shell.open(door.url, 'programs')
  await programs.open('出欠取り消し講座')
  await programs.tab('roster').click()
  const checkbox = (p: (typeof people)[number]) => programs.rosterLine(nameOf(p)).locator('input[type="checkbox"]')

  // The wrong person ticked and saved: the roster's own button puts it back.
  await programs.tick(nameOf(people[1]!))
  await programs.saveRoster()
  await expect(page.getByTestId('roster-saved')).toContainText('出席 1人：追加 1')
  await page.getByTestId('roster-undo').click()
  await expect(page.getByTestId('roster-saved')).toHaveText('出欠の保存を元に戻しました')
  await expect(checkbox(people[1]!)).not.toBeChecked()
  await expect(page.getByTestId('roster-undo')).toHaveCount(0)
  expect(((await door.call('visits.list', {})) as { rows: { contactId: string }[] }).rows.map((r) => r.contactId)).not.toContain(
    ids[1],
  )

  // Saved again, then something else done (another window): the roster's undo refuses and says why.
  await programs.tick(nameOf(people[0]!))
  await programs.saveRoster()
  await door.call('contacts.update', { id: ids[1], patch: { notes: '別の画面での編集' } })
  await page.getByTestId('roster-undo').click()
  await expect(page.getByText(/このあとに別の操作（.+）があるため、ここでは元に戻せません/)).toBeVisible()
  await expect(checkbox(people[0]!)).toBeChecked()
})

test('unsaved attendance is not thrown away without asking: session, tab and page switches', async ({ shell, door, page }) => {
  const name = `E2E 未保存出欠 ${Date.now().toString(36)}`
  const program = (await door.call('programs.create', {
    fields: { name, category: 'course', startDate: today() },
  })) as { id: string }
  for (const date of [today(), '2030-01-05'])
    await door.call('sessions.create', { programId: program.id, fields: { date, startTime: '13:00', mode: 'onsite' } })
  const person = (await door.call('contacts.create', {
    fields: { familyName: '未保存', givenName: '太郎', familyKana: 'ミホゾン', givenKana: 'タロウ' },
  })) as { id: string }
  await door.call('enrollments.add', { programId: program.id, contactIds: [person.id], status: 'confirmed' })
  const programs = new ProgramsPage(page)
  await shell.open(door.url, 'programs')
  await programs.open(name)
  await programs.tab('roster').click()
  const box = programs.rosterLine('未保存 太郎').locator('input[type="checkbox"]')
  const dialog = page.getByTestId('roster-discard')
  await box.check()
  await expect(page.getByText('未保存の変更があります')).toBeVisible()

  // Another session: asked; 戻る keeps the session and the tick.
  const sessionSelect = page.getByTestId('roster-session')
  const firstSession = await sessionSelect.inputValue()
  const secondSession = await sessionSelect.locator('option').nth(1).getAttribute('value')
  await sessionSelect.selectOption(secondSession!)
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('保存していない出欠の変更があります。破棄して移動しますか？')
  await dialog.getByRole('button', { name: '戻る' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(sessionSelect).toHaveValue(firstSession)
  await expect(box).toBeChecked()

  // Another tab: asked too; 戻る stays on the roster.
  await programs.tab('sessions').click()
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(programs.tab('roster')).toHaveAttribute('aria-selected', 'true')
  await expect(box).toBeChecked()

  // Another page from the sidebar: asked; 戻る stays here.
  await shell.goTo('visits')
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: '戻る' }).click()
  await expect(page.getByTestId('program-title')).toHaveText(name)
  await expect(box).toBeChecked()

  // Closing (or reloading) the window: the browser asks; staying keeps the tick.
  const asked = page.waitForEvent('dialog')
  await page.close({ runBeforeUnload: true })
  const question = await asked
  expect(question.type()).toBe('beforeunload')
  await question.dismiss()
  expect(page.isClosed()).toBe(false)
  await expect(box).toBeChecked()

  // 破棄して移動 does move, and the tick is gone (nothing was saved).
  await sessionSelect.selectOption(secondSession!)
  await dialog.getByRole('button', { name: '破棄して移動' }).click()
  await expect(sessionSelect).toHaveValue(secondSession!)
  await sessionSelect.selectOption(firstSession) // nothing unsaved now: no question
  await expect(dialog).toHaveCount(0)
  await expect(box).not.toBeChecked()

  // Saved attendance moves freely.
  await box.check()
  await programs.saveRoster()
  await programs.tab('sessions').click()
  await expect(dialog).toHaveCount(0)
  await expect(programs.sessionRows).toHaveCount(2)
})

test('開催回を追加 twice does not register the series twice', async ({ shell, door, page }) => {
  const name = `E2E 二重追加 ${Date.now().toString(36)}`
  await door.call('programs.create', { fields: { name, category: 'course', startDate: '2026-04-01' } })
  const programs = new ProgramsPage(page)
  await shell.open(door.url, 'programs')
  await programs.open(name)
  const form = page.getByTestId('session-form')
  const fillSeries = async () => {
    await form.locator('input[name="date"]').fill('2027-03-24')
    await form.locator('input[name="startTime"]').fill('19:00')
    await form.locator('select[name="mode"]').selectOption('online')
    await form.locator('select[name="repeat"]').selectOption('weekly')
    await form.locator('input[name="count"]').fill('3')
  }
  await fillSeries()
  await page.getByTestId('session-add').click()
  await expect(form).toContainText('3回を追加しました')
  await expect(programs.sessionRows).toHaveCount(3)
  // The form starts over: a second press has nothing to add.
  await expect(form.locator('input[name="date"]')).toHaveValue('')
  await expect(form.locator('select[name="repeat"]')).toHaveValue('none')
  await expect(page.getByTestId('session-add')).toBeDisabled()

  // The same series entered again is refused by name, and nothing is added.
  await fillSeries()
  await page.getByTestId('session-add').click()
  await expect(form.getByRole('alert')).toContainText('2027/03/24（水）19:00')
  await expect(form.getByRole('alert')).toContainText('すでに登録されています')
  await expect(programs.sessionRows).toHaveCount(3)
})

test('a program form message goes once its field is filled in', async ({ shell, door, page }) => {
  await shell.open(door.url, 'programs')
  await page.getByTestId('program-new').click()
  const form = page.getByTestId('program-form')
  await page.getByTestId('program-save').click()
  const nameError = form.locator('[data-field="name"] .field-error')
  const yearError = form.locator('[data-field="fiscalYear"] .field-error')
  await expect(nameError).toHaveText('プログラム名を入力してください')
  await expect(yearError).toHaveText('年度か開始日のどちらかを入力してください')
  await form.locator('input[name="name"]').fill(`E2E 入力エラー ${Date.now().toString(36)}`)
  await expect(nameError).toHaveCount(0)
  await expect(yearError).toHaveCount(1) // not answered yet
  await form.locator('input[name="startDate"]').fill('2026-05-01')
  await expect(yearError).toHaveCount(0)
  await expect(form.getByRole('alert')).toHaveCount(0)
})

test('ホーム これからの開催 does not say the mode twice when the place says it', async ({ shell, door, page }) => {
  const name = `E2E オンライン開催 ${Date.now().toString(36)}`
  const program = (await door.call('programs.create', { fields: { name, category: 'course', startDate: today() } })) as {
    id: string
  }
  // Without a time the session is at 00:00 today: first among the upcoming.
  await door.call('sessions.create', {
    programId: program.id,
    fields: { date: today(), startTime: null, place: 'オンライン（Zoom）', mode: 'online' },
  })
  await shell.open(door.url, 'home')
  const item = page.getByTestId('home-upcoming').locator('li', { hasText: name })
  await expect(item.locator('.home-meta')).toHaveText('オンライン（Zoom）・申込 0人')
})

test('deleting a session, an enrollment or the program asks in the app’s own dialog; Esc keeps it', async ({
  shell,
  door,
  page,
}) => {
  const name = `E2E 削除の確認 ${Date.now().toString(36)}`
  const program = (await door.call('programs.create', { fields: { name, category: 'course', startDate: '2026-05-01' } })) as {
    id: string
  }
  for (const date of ['2026-05-10', '2026-05-17'])
    await door.call('sessions.create', { programId: program.id, fields: { date, mode: 'onsite' } })
  const person = (await door.call('contacts.create', { fields: walkIn })) as { id: string }
  await door.call('enrollments.add', { programId: program.id, contactIds: [person.id], status: 'applied', role: 'learner' })
  // A native window.confirm would be a browser dialog: there must be none.
  const nativeDialogs: string[] = []
  page.on('dialog', (d) => {
    nativeDialogs.push(d.message())
    void d.dismiss()
  })
  const programs = new ProgramsPage(page)
  await shell.open(door.url, 'programs')
  await programs.open(name)

  await expect(programs.sessionRows).toHaveCount(2)
  await programs.sessionRows.first().getByRole('button', { name: '削除' }).click()
  const ask = page.getByTestId('session-remove')
  await expect(ask).toContainText('開催回を削除しますか？')
  await expect(ask).toContainText('2026/05/10の回を削除します。')
  await expect(ask).toContainText('出席記録のある回は削除できません')
  await expect(ask.getByRole('button', { name: 'キャンセル' })).toBeFocused()
  await page.screenshot({ path: test.info().outputPath('session-remove.png') })
  await page.keyboard.press('Escape')
  await expect(ask).toHaveCount(0)
  await expect(programs.sessionRows).toHaveCount(2)
  await programs.sessionRows.first().getByRole('button', { name: '削除' }).click()
  await page.getByTestId('session-remove-confirm').click()
  await expect(programs.sessionRows).toHaveCount(1)

  await programs.tab('enrollments').click()
  await expect(programs.enrollmentRows).toHaveCount(1)
  await programs.enrollmentRows.first().getByRole('button', { name: '取り消し' }).click()
  await expect(page.getByTestId('enrollment-remove')).toContainText(`${nameOf(walkIn)}さんの申込を取り消します。`)
  await page.getByTestId('enrollment-remove-confirm').click()
  await expect(programs.enrollmentRows).toHaveCount(0)

  await page.getByTestId('program-delete-button').click()
  await expect(page.getByTestId('program-delete')).toContainText(`「${name}」を削除します。`)
  await page.getByTestId('program-delete-confirm').click()
  await expect(page.getByTestId('program-title')).toHaveCount(0)
  const left = (await door.call('programs.list', {})) as { id: string }[]
  expect(left.some((p) => p.id === program.id)).toBe(false)
  expect(nativeDialogs).toEqual([])
})

test('the プログラム list shows a long program name whole at 1280 px, and in full on hover', async ({ shell, door, page }) => {
  const name = `田子町 にんにく収穫ワーキングホリデー ${Date.now().toString(36).slice(-4)}`
  await door.call('programs.create', { fields: { name, category: 'course', startDate: today() } })
  await shell.open(door.url, 'programs')
  const cell = page.locator('.ag-cell[col-id="name"]', { hasText: name })
  await expect(cell).toBeVisible()
  // AG Grid cuts a value too wide for its column with an ellipsis: the text must fit.
  expect(await cell.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
  await cell.hover()
  await expect(page.locator('.ag-tooltip')).toHaveText(name)
})
