import { expect, test } from './fixtures'
import { ProgramsPage } from './pages/programsPage'

/** Today in the browser's (and backend's) local calendar, as the date inputs take it. */
function isoDay(offsetDays = 0): string {
  const d = new Date()
  d.setDate(d.getDate() + offsetDays)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}
const slash = (d: string) => d.replaceAll('-', '/')

test('a session is edited in place; its attendance moves with the new date', async ({ shell, door, page }) => {
  const programs = new ProgramsPage(page)
  const programName = `E2E 日程変更 ${Date.now().toString(36)}`
  const person = (await door.call('contacts.create', {
    fields: { familyName: '日程', givenName: '変子', familyKana: 'ニッテイ', givenKana: 'ヘンコ' },
  })) as { id: string }

  await shell.open(door.url, 'programs')
  await programs.create({ name: programName, startDate: isoDay() })
  await programs.addWeeklySeries(isoDay(), 1, 'onsite')
  await expect(programs.sessionRows).toHaveCount(1)

  // One person attended (through the door: the roster has its own test).
  const program = ((await door.call('programs.list', {})) as { id: string; name: string }[]).find((p) => p.name === programName)!
  const [session] = (await door.call('sessions.list', { programId: program.id })) as { id: string }[]
  await door.call('roster.save', { sessionId: session!.id, entries: [{ contactId: person.id, attended: true }] })

  // Edit: a week later, another place. The form says the attendance moves too. (The list
  // follows the roster saved elsewhere through data.changed.)
  const row = programs.sessionRows.first()
  await expect(row).toContainText('1人')
  await row.getByRole('button', { name: '編集' }).click()
  const form = page.getByTestId('session-edit-form')
  await expect(form.locator('input[name="date"]')).toBeFocused()
  await form.locator('input[name="date"]').fill(isoDay(7))
  await expect(page.getByTestId('session-move-hint')).toContainText('1人')
  await form.locator('input[name="place"]').fill('旧分校 多目的室')
  await page.getByTestId('session-save').click()
  await expect(page.getByRole('status')).toContainText(`${slash(isoDay(7))}の回を保存しました`)
  await expect(form).toHaveCount(0)
  await expect(row).toContainText(slash(isoDay(7)))
  await expect(row).toContainText('旧分校 多目的室')

  // Stored, and the visit followed the session.
  const visits = (await door.call('visits.list', { programId: program.id })) as {
    rows: { visitDate: string }[]
  }
  expect(visits.rows.map((v) => v.visitDate)).toEqual([isoDay(7)])

  // An invalid edit is refused in Japanese and nothing changes; Escape closes the form.
  await row.getByRole('button', { name: '編集' }).click()
  await form.locator('input[name="startTime"]').fill('15:00')
  await form.locator('input[name="endTime"]').fill('14:00')
  await page.getByTestId('session-save').click()
  await expect(form.getByRole('alert')).toContainText('終了時刻は開始時刻より後')
  await form.locator('input[name="place"]').press('Escape')
  await expect(form).toHaveCount(0)
  const [after] = (await door.call('sessions.list', { programId: program.id })) as { startTime: string | null }[]
  expect(after!.startTime).toBe('13:00')
})

test('session dates outside the program’s 年度 or period are warned about, not refused', async ({ shell, door, page }) => {
  const programs = new ProgramsPage(page)
  const programName = `E2E 年度越え ${Date.now().toString(36)}`
  await door.call('programs.create', {
    fields: { name: programName, category: 'course', startDate: '2026-04-01', endDate: '2027-03-26' },
  })
  await shell.open(door.url, 'programs')
  await programs.open(programName)
  const form = page.getByTestId('session-form')
  const warning = form.getByTestId('session-outside-warning')
  await form.locator('input[name="date"]').fill('2027-03-24')
  await expect(warning).toHaveCount(0) // one session inside both
  await form.locator('select[name="repeat"]').selectOption('weekly')
  await form.locator('input[name="count"]').fill('3')
  await expect(page.getByTestId('series-preview')).toContainText('2027/04/07')
  await expect(warning).toContainText('令和8年度（2026年度）（2026/04/01～2027/03/31）の外の日付があります：2027/04/07（水）')
  await expect(warning).toContainText(
    'プログラムの期間（2026/04/01～2027/03/26）の外の日付があります：2027/03/31（水）、2027/04/07（水）',
  )
  // A warning only: the series is added.
  await page.getByTestId('session-add').click()
  await expect(programs.sessionRows).toHaveCount(3)
  await expect(warning).toHaveCount(0) // the form started over

  // The edit form warns the same way as the date changes.
  await programs.sessionRows.first().getByRole('button', { name: '編集' }).click()
  const edit = page.getByTestId('session-edit-form')
  await expect(edit.getByTestId('session-outside-warning')).toHaveCount(0)
  await edit.locator('input[name="date"]').fill('2026-03-28')
  await expect(edit.getByTestId('session-outside-warning')).toContainText('令和8年度（2026年度）')
  await expect(edit.getByTestId('session-outside-warning')).toContainText('2026/03/28（土）')
  await edit.locator('input[name="date"]').fill('2026-10-10')
  await expect(edit.getByTestId('session-outside-warning')).toHaveCount(0)
})
