import { expect, test } from './fixtures'
import { ProgramsPage } from './pages/programsPage'

// A new user's first start: an empty database, not the demo.
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
