import path from 'node:path'
import { expect, test } from './fixtures'
import { ImportPage } from './pages/importPage'

const fixture = (name: string) => path.resolve('test/fixtures/import', name)
/** Screenshots land in the test's own output folder (looked at by hand; see the report). */
const shot = (name: string) => test.info().outputPath(`import-kinds-${name}`)

interface Page<T> {
  rows: T[]
  total: number
}

test('a sign-in sheet imported as visits: kind choice, the kind’s fields, row targets, commit, undo', async ({
  door,
  shell,
  page,
}) => {
  // Already registered: 浜田 一郎 by e-mail (the sheet's first row).
  const hamada = (await door.call('contacts.create', {
    fields: { familyName: '浜田', givenName: '一郎', email: 'ichiro.hamada@example.jp' },
  })) as { id: string }
  const importer = new ImportPage(page)
  await shell.open(door.url)
  await shell.goTo('import')
  await page.getByTestId('import-kind-visits').check()
  await importer.upload(fixture('signin-visits-cp932.csv'))
  await expect(importer.encoding).toHaveValue('cp932')
  await expect(importer.skippedRows).toHaveText('1〜2行目は表のタイトルとして読み飛ばします')

  // The mapping offers the visit fields and suggests them from the sheet's headers.
  const expected = ['参加日・訪問日', '氏名（姓名）', 'フリガナ（姓名）', '所属', '連絡先（メールか電話）', '参加形態']
  for (const [i, label] of expected.entries()) await expect(importer.mappingOf(i).locator('option:checked')).toHaveText(label)
  await expect(importer.mappingOf(0).locator('option', { hasText: 'プログラム名' })).toHaveCount(1)
  await expect(importer.mappingOf(0).locator('option', { hasText: '定員' })).toHaveCount(0)

  // Review: six rows, two with errors; each readable row says what it becomes.
  await expect(importer.counts).toContainText('全6行')
  await expect(importer.row(4)).toContainText('浜田 一郎')
  await expect(page.getByTestId('import-target-4')).toHaveText('訪問として記録')
  // A 和暦 date shows the day it is read as, like a birth date.
  await expect(importer.row(4)).toContainText('R6.6.1→ 2024-06-01')
  await expect(importer.row(9)).toContainText('存在しない日付です')
  // No 修正 for these rows: the screen says to correct the file instead.
  await expect(page.getByTestId('import-fix-in-file')).toContainText('元のファイルを直して読み込み直してください')
  await expect(page.getByTestId('import-bulk')).toContainText('登録済みの人に記録（人の情報は変えない）')
  await page.getByTestId('import-bulk').getByLabel('登録済みの人に記録（人の情報は変えない）').check()
  await importer.shoot(shot('visits'))

  await expect(importer.commitSummary).toContainText('取り込める4行の訪問・参加を記録します')
  await importer.commitButton.click()
  await expect(page.getByTestId('import-result-visitsCreated')).toHaveText('4')
  await expect(page.getByTestId('import-result-created')).toHaveText('2')
  await expect(page.getByTestId('import-result-errors')).toHaveText('2')
  await importer.step('commit').screenshot({ path: shot('visits-done.png') })
  const detail = (await door.call('contacts.detail', { id: hamada.id })) as { visits: { visitDate: string }[] }
  expect(detail.visits.map((v) => v.visitDate)).toEqual(['2024-06-01'])

  // Past imports: the batch is listed with its visits and can be taken back.
  const batch = importer.batches.first()
  await expect(batch).toContainText('signin-visits-cp932.csv')
  await expect(batch).toContainText('訪問・参加4件・新規2人')
  await batch.getByTestId('import-undo').click()
  const dialog = page.getByTestId('import-undo-dialog')
  await expect(dialog).toContainText('この取り込みで記録した訪問・参加4件を削除します。')
  await dialog.screenshot({ path: shot('visits-undo.png') })
  await page.getByTestId('import-undo-dialog-confirm').click()
  // Only what happened: no 「0人」 of merges, no programs.
  await expect(page.getByTestId('import-undo-message')).toHaveText(
    '取り込みを取り消しました（新規登録した2人を削除、訪問・参加4件を削除）。',
  )
  expect(((await door.call('contacts.detail', { id: hamada.id })) as { visits: unknown[] }).visits).toEqual([])
  expect(((await door.call('contacts.list', { search: 'minami.sado@example.com' })) as Page<unknown>).total).toBe(0)
  // Leave the worker's shared demo database as we found it for the specs after this one.
  await door.call('contacts.delete', { ids: [hamada.id] })
})

test('a regular on a sign-in sheet: 「情報を補った人」 counts the registered person once, and only if filled', async ({
  door,
  shell,
  page,
}) => {
  const regular = (await door.call('contacts.create', {
    fields: { familyName: '汐入', givenName: '港太' },
  })) as { id: string }
  const importer = new ImportPage(page)
  await shell.open(door.url)
  await shell.goTo('import')
  await page.getByTestId('import-kind-visits').check()
  // Two events: the first row fills his blank 所属, the second has nothing new for him.
  const sheet = ['氏名,日付,イベント名,所属', '汐入 港太,2024/7/20,島まつり,漁協青年部', '汐入 港太,2024/7/21,海岸清掃,'].join(
    '\r\n',
  )
  await importer.upload({ name: '受付.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet + '\r\n') })
  await expect(importer.counts).toContainText('全2行')
  await importer.commitButton.click()
  await expect(page.getByTestId('import-result-visitsCreated')).toHaveText('2')
  await expect(page.getByTestId('import-result-created')).toHaveText('0')
  await expect(page.getByTestId('import-result-merged')).toHaveText('1')
  await importer.step('commit').screenshot({ path: shot('regular-done.png') })

  await importer.batches.first().getByTestId('import-undo').click()
  const dialog = page.getByTestId('import-undo-dialog')
  await expect(dialog).toContainText('情報を補った1人の値を、取り込み前に戻します。')
  await dialog.screenshot({ path: shot('regular-undo.png') })
  await page.getByTestId('import-undo-dialog-confirm').click()
  await expect(page.getByTestId('import-undo-message')).toHaveText(
    '取り込みを取り消しました（情報を補った1人の値を元に戻す、訪問・参加2件を削除）。',
  )
  // Leave the worker's shared demo database as we found it for the specs after this one.
  await door.call('contacts.delete', { ids: [regular.id] })
})

test('programs with sessions from an .xlsx: the kind’s fields, new or existing programs, commit', async ({
  door,
  shell,
  page,
}) => {
  const importer = new ImportPage(page)
  await shell.open(door.url)
  await shell.goTo('import')
  await page.getByTestId('import-kind-programs').check()
  await importer.upload(fixture('programs-sessions.xlsx'))
  const expected = [
    '年度',
    'プログラム名',
    '区分',
    '財源',
    '定員',
    '参加費',
    '担当',
    '対象市町村',
    '開催日',
    '時間',
    '会場',
    '開催形態',
  ]
  for (const [i, label] of expected.entries()) await expect(importer.mappingOf(i).locator('option:checked')).toHaveText(label)
  await expect(importer.mappingOf(0).locator('option', { hasText: '氏名（姓名）' })).toHaveCount(0)
  await expect(importer.step('mapping')).not.toContainText('氏名（または姓）の列が選ばれていません')
  await expect(page.getByTestId('import-target-2')).toHaveText('新しいプログラム・開催回を追加')
  await expect(page.getByTestId('import-target-3')).toHaveText('2行目と同じプログラム・開催回を追加')
  await expect(page.getByTestId('import-target-6')).toHaveText('5行目と同じプログラム・開催回は5行目と重複')
  await importer.shoot(shot('programs'))
  await importer.commitButton.click()
  await expect(page.getByTestId('import-result-programsCreated')).toHaveText('2')
  await expect(page.getByTestId('import-result-sessionsCreated')).toHaveText('4')
  await expect(page.getByTestId('import-result-sessionsExisting')).toHaveText('0')
  await expect(page.getByTestId('import-result-sessionsRepeated')).toHaveText('1')
  await importer.step('commit').screenshot({ path: shot('programs-done.png') })
  await page.getByTestId('import-to-programs').click()
  await expect(page.getByText('粟島 海ごみ拾いツアー').first()).toBeVisible()
})
