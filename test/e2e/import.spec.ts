import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from './fixtures'
import { ImportPage } from './pages/importPage'

const cp932File = path.resolve('test/fixtures/import/excel-cp932-title-rows.csv')
/** Screenshots land in the test's own output folder (looked at by hand; see the report). */
const shot = (name: string) => test.info().outputPath(`import-${name}.png`)

interface Contact {
  id: string
  familyName: string
  phone: string | null
  postalCode: string | null
  address: string | null
}
interface Page<T> {
  rows: T[]
  total: number
}

test('imports the CP932 Excel list: detection, suggested mapping, one merge, commit, then undo', async ({
  door,
  shell,
  participants,
  page,
}) => {
  // Already registered: the same e-mail as 浜田 一郎 in the file, with another phone and no address.
  const hamada = (await door.call('contacts.create', {
    fields: { familyName: '浜田', givenName: '一郎', email: 'ichiro.hamada@example.jp', phone: '080-9999-0001' },
  })) as Contact
  const importer = new ImportPage(page)
  await shell.open(door.url)
  await shell.goTo('import')
  await page.screenshot({ path: shot('0-empty') })

  // Step 1: the file, read as Shift_JIS, with the title rows above the header skipped.
  await importer.upload(cp932File)
  await expect(importer.format).toHaveText('CSV（カンマ区切り）')
  await expect(importer.encoding).toHaveValue('cp932')
  await expect(importer.encoding.locator('option:checked')).toHaveText('Shift_JIS（CP932）（自動判定）')
  await expect(importer.headerRow).toHaveValue('3')
  await expect(importer.headerRow.locator('option:checked')).toHaveText('4行目')
  await expect(importer.skippedRows).toHaveText('1〜3行目は表のタイトルとして読み飛ばします')
  // The wrong encoding chosen by hand is said to be the problem, with the way back.
  await importer.encoding.selectOption('utf8')
  await expect(importer.error).toContainText('このファイルはUTF-8としては読めませんでした')
  await page.getByTestId('import-read-again-default').click()
  await expect(importer.encoding).toHaveValue('cp932')
  await expect(importer.error).toHaveCount(0)

  // Step 2: the suggested mapping, as it is.
  const expected = ['取り込まない', '氏名（姓名）', 'フリガナ（姓名）', '生年月日', '電話', '郵便番号', '住所', 'メール', '性別']
  for (const [i, label] of expected.entries()) await expect(importer.mappingOf(i).locator('option:checked')).toHaveText(label)
  await expect(importer.step('mapping').getByRole('rowheader', { name: 'ﾌﾘｶﾞﾅ' })).toBeVisible()

  // Step 3: four rows, all readable; 浜田 (line 5) has the registered person as a candidate.
  await expect(importer.counts).toContainText('全4行')
  await expect(importer.row(5)).toContainText('浜田 一郎')
  await expect(importer.row(8)).toContainText('粟島 健')
  await importer.decision(5).selectOption('merge')
  const detail = await importer.compare(5)
  // The panel opens below the table: it is brought into view, with focus on its heading.
  await expect(detail.getByRole('heading', { name: /5行目/ })).toBeFocused()
  await expect(detail.getByRole('heading', { name: /5行目/ })).toBeInViewport()
  await expect(detail).toContainText('浜田 一郎')
  await expect(detail).toContainText('メールアドレスが一致')
  // Each candidate says what tells namesakes apart; with several, the user picks by it.
  const ours = detail.getByRole('listitem').filter({ hasText: '080-9999-0001' })
  await expect(ours).toContainText('ichiro.hamada@example.jp')
  if ((await ours.getByRole('radio').count()) > 0) await ours.getByRole('radio').check()
  // The differing phone is shown side by side and is NOT taken unless ticked.
  const phoneRow = detail.getByRole('row', { name: /電話/ })
  await expect(phoneRow).toContainText('080-9999-0001')
  await expect(phoneRow).toContainText('090-0011-2233')
  await expect(phoneRow.getByRole('checkbox')).not.toBeChecked()
  await importer.shoot(shot('1').replace('.png', ''))
  // 閉じる from the keyboard gives the focus back to the row's 比べる, not to the top of the page.
  await detail.getByRole('button', { name: '閉じる' }).press('Enter')
  await expect(detail).toHaveCount(0)
  await expect(page.getByTestId('import-compare-5')).toBeFocused()

  // Step 4: the button says what it will do; nothing was written before it.
  await expect(importer.commitSummary).toContainText('3人を新規登録、1行を重複として統合します')
  expect(((await door.call('contacts.list', { search: 'hanako.gotsu@example.jp' })) as Page<Contact>).total).toBe(0)
  await importer.commitButton.click()
  await expect(importer.result('created')).toHaveText('3')
  await expect(importer.result('merged')).toHaveText('1')
  await expect(importer.result('errors')).toHaveText('0')
  // The import button is gone: focus goes to the result, not back to the top of the page.
  await expect(page.getByTestId('import-result').getByRole('heading')).toBeFocused()
  await importer.step('commit').screenshot({ path: shot('2-done') })

  // The merge filled blanks and kept the differing stored phone.
  const merged = (await door.call('contacts.get', { id: hamada.id })) as Contact
  expect(merged).toMatchObject({ phone: '080-9999-0001', postalCode: '697-0024', address: '島根県浜田市殿町1' })

  // The new people are in the participants grid.
  await page.getByTestId('import-to-participants').click()
  await participants.waitForRows()
  await participants.searchFor('hanako.gotsu@example.jp')
  await expect(participants.rowCount).toHaveText(/^1人/)
  await expect(participants.cell(0, 'familyName')).toHaveText('江津')
  await page.screenshot({ path: shot('3-participants') })

  // Undo from the import screen: the dialog says what goes, then it is gone.
  await shell.goTo('import')
  const batch = importer.batches.first()
  await expect(batch).toContainText('excel-cp932-title-rows.csv')
  await expect(batch).toContainText('新規3人・統合1行')
  await batch.getByTestId('import-undo').click()
  const dialog = page.getByTestId('import-undo-dialog')
  await expect(dialog).toContainText('新規登録した3人')
  await expect(dialog).toContainText('統合した1行で変わった値を、取り込み前に戻します')
  await page.screenshot({ path: shot('4-undo-dialog') })
  await page.getByTestId('import-undo-dialog-confirm').click()
  await expect(page.getByTestId('import-undo-message')).toHaveText(
    '取り込みを取り消しました（新規登録した3人を削除、統合した1人の値を元に戻す）。',
  )
  await expect(page.getByTestId('import-undo-message')).toBeFocused()
  await expect(batch).toContainText('取り消し済み')
  await page.getByTestId('import-batches').screenshot({ path: shot('6-batches') })

  await shell.goTo('participants')
  await participants.searchFor('hanako.gotsu@example.jp')
  await expect(participants.emptyState).toBeVisible()
  expect(((await door.call('contacts.list', { search: 'hanako.gotsu@example.jp' })) as Page<Contact>).total).toBe(0)
  const restored = (await door.call('contacts.get', { id: hamada.id })) as Contact
  expect(restored).toMatchObject({ phone: '080-9999-0001', postalCode: null, address: null })
})

test('a preview read before people changed is refused at commit, and read again in one click', async ({ door, shell, page }) => {
  const importer = new ImportPage(page)
  await shell.open(door.url)
  await shell.goTo('import')
  await importer.upload(cp932File)
  await expect(importer.counts).toContainText('全4行')
  const summary = await importer.commitSummary.textContent()
  await page.getByTestId('import-skip-8').check()
  // Meanwhile someone registers 江津 花子 of the file by hand (another window, the grid).
  await door.call('contacts.create', {
    fields: { familyName: '江津', givenName: '花子', email: 'hanako.gotsu@example.jp' },
  })
  await importer.commitButton.click()
  const error = page.getByTestId('import-commit-error')
  await expect(error).toContainText('参加者の登録・編集・削除がありました')
  await expect(error).toContainText('ファイルのその行が変わっていなければ引き継ぎます')
  // The window itself never scrolls (the page scrolls inside the shell): nothing hidden sticks out.
  expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(0)
  await page.getByTestId('import-reread').click()
  await expect(error).toHaveCount(0)
  // The file did not change: the row's own choice (skip line 8) is carried over to the new reading.
  await expect(page.getByTestId('import-carry-notice')).toHaveText(
    '読み込み直しました。この画面での修正と行ごとの扱いを1行分引き継ぎました。',
  )
  await expect(page.getByTestId('import-skip-8')).toBeChecked()
  // Read again, she is a duplicate candidate, merged by default: one fewer new person.
  await expect(importer.commitSummary).not.toHaveText(summary!)
  await importer.commitButton.click()
  await expect(importer.result('merged')).not.toHaveText('0')
  expect(((await door.call('contacts.list', { search: 'hanako.gotsu@example.jp' })) as Page<Contact>).total).toBe(1)
})

test('a binary file renamed .csv gets a Japanese explanation and changes nothing', async ({ door, shell, page }) => {
  const before = (await door.call('contacts.list', {})) as Page<Contact>
  const batchesBefore = (await door.call('import.batches', {})) as unknown[]
  const importer = new ImportPage(page)
  await shell.open(door.url)
  await shell.goTo('import')

  const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))
  await importer.upload({ name: '参加者名簿.csv', mimeType: 'text/csv', buffer: bytes })
  await expect(importer.error).toContainText('「参加者名簿.csv」は取り込めません')
  await expect(importer.error).toContainText('テキストのファイルではないようです')
  await expect(importer.error).toContainText('データベースは変更していません')
  await expect(importer.step('mapping')).toHaveCount(0)
  await expect(importer.fileInput).toBeEnabled() // the user can choose another file at once
  await page.screenshot({ path: shot('5-binary') })

  expect(((await door.call('contacts.list', {})) as Page<Contact>).total).toBe(before.total)
  expect(await door.call('import.batches', {})).toEqual(batchesBefore)
})

test('a list with only its header says there are no rows under it, and offers nothing to import', async ({
  door,
  shell,
  page,
}) => {
  const importer = new ImportPage(page)
  await shell.open(door.url)
  await shell.goTo('import')
  await page.getByTestId('import-paste').fill('氏名\tメール\n')
  await page.getByTestId('import-paste-read').click()
  await expect(page.getByTestId('import-review-empty')).toHaveText(
    '見出しの行の下にデータの行がありません。見出し行の選び方か、ファイルの中身を確認してください。',
  )
  await expect(importer.commitButton).toBeDisabled()
  await expect(importer.step('commit')).not.toContainText('取り消せます')
})

test('a field chosen for a second column is moved, and the screen says which column lost it', async ({ door, shell, page }) => {
  const importer = new ImportPage(page)
  await shell.open(door.url)
  await shell.goTo('import')
  const rows = [
    ['氏名', 'メール', '勤務先メール'],
    ['汐見 灯里', 'akari.home@example.jp', 'akari.work@example.jp'],
  ]
  await page.getByTestId('import-paste').fill(rows.map((r) => r.join('\t')).join('\n'))
  await page.getByTestId('import-paste-read').click()
  await expect(importer.mappingOf(1).locator('option:checked')).toHaveText('メール')
  const reply = page.waitForResponse((r) => r.url().endsWith('/api/import.preview'))
  await importer.mappingOf(2).selectOption('email')
  await reply
  await expect(page.getByTestId('import-mapping-moved')).toHaveText(
    '「メール」を2列目から3列目に移しました。2列目は取り込みません。',
  )
  await expect(importer.mappingOf(1).locator('option:checked')).toHaveText('取り込まない')
  await expect(importer.mappingOf(2).locator('option:checked')).toHaveText('メール')
})

test('pasted cells: errors and warnings per cell, filters, and a skipped row', async ({ door, shell, page }) => {
  const importer = new ImportPage(page)
  await shell.open(door.url)
  await shell.goTo('import')
  const rows = [
    ['氏名', 'メール', '性別'],
    ['汐見 灯里', 'akari.shiomi@example.jp', '女性'],
    ['雲居 凪', 'メールなし', '男性'],
    ['霧島 透子', 'toko.kirishima@example.jp', 'ひみつ'],
    ['稲穂 実', 'minoru.inaho@example.jp', '男'],
  ]
  await page.getByTestId('import-paste').fill(rows.map((r) => r.join('\t')).join('\n'))
  const reply = page.waitForResponse((r) => r.url().endsWith('/api/import.preview'))
  await page.getByTestId('import-paste-read').click()
  await reply
  await expect(importer.format).toHaveText('貼り付けた表')
  await expect(importer.encoding).toHaveCount(0) // pasted text has no encoding to choose
  await expect(importer.counts).toContainText('全4行')
  await expect(importer.counts).toContainText('エラー 1')
  await expect(importer.counts).toContainText('警告 1')

  // The bad e-mail: red cell, the message on focus and in the side list; the row is not imported.
  const bad = importer.row(3)
  await expect(bad).toContainText('取り込みません')
  const badCell = bad.locator('.review-cell-error')
  await expect(badCell).toHaveText(/^メールなし/)
  await badCell.focus()
  await expect(badCell.locator('.review-cell-message')).toBeVisible()
  const message = (await badCell.locator('.review-cell-message').textContent()) ?? ''
  expect(message).toMatch(/メール/)
  const issueList = page.getByTestId('import-issues')
  await expect(issueList.locator('.issue-error')).toContainText('3行目・メール')
  await expect(issueList.locator('.issue-error')).toContainText(message)
  await expect(issueList.locator('.issue-warning')).toContainText('4行目・性別')
  await expect(importer.row(4).locator('.review-cell-warning')).toHaveText(/^ひみつ/)
  await importer.step('review').screenshot({ path: shot('7-issues') })

  // The whole list can be downloaded for fixing in Excel (UTF-8 with BOM).
  const downloading = page.waitForEvent('download')
  await page.getByTestId('import-issues-download').click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('貼り付けた表_エラーと警告.csv')
  const csv = fs.readFileSync(await download.path(), 'utf8')
  expect(csv.split('\r\n')).toEqual([
    '\uFEFF行,種類,列,ファイルの値,内容',
    `3,エラー,メール,メールなし,${message}`,
    '4,警告,性別,ひみつ,性別「ひみつ」は読み取れないため空欄にします',
    '',
  ])

  // Filters use the whole file: only the error row, then only the warning row.
  await page.getByTestId('import-filter-errors').click()
  await expect(page.locator('[data-testid^="import-row-"]')).toHaveCount(1)
  await expect(importer.row(3)).toBeVisible()
  await page.getByTestId('import-filter-warnings').click()
  await expect(page.locator('[data-testid^="import-row-"]')).toHaveCount(1)
  await expect(importer.row(4)).toBeVisible()
  await page.getByTestId('import-filter-all').click()
  await expect(page.locator('[data-testid^="import-row-"]')).toHaveCount(4)

  // Skip one good row by choice: it is not written; the error row never is.
  await page.getByTestId('import-skip-5').check()
  await expect(importer.commitSummary).toContainText('2人を新規登録します')
  await expect(importer.commitSummary).toContainText('1行はスキップ、エラーの1行は取り込みません')
  await importer.commitButton.click()
  await expect(importer.result('created')).toHaveText('2')
  await expect(importer.result('skipped')).toHaveText('1')
  await expect(importer.result('errors')).toHaveText('1')
  const count = async (search: string) => ((await door.call('contacts.list', { search })) as Page<Contact>).total
  expect(await count('akari.shiomi@example.jp')).toBe(1)
  expect(await count('toko.kirishima@example.jp')).toBe(1)
  expect(await count('minoru.inaho@example.jp')).toBe(0)
  expect(await count('雲居')).toBe(0)
})

test('a row with an error is fixed in place from the keyboard, then imported with the fixed value', async ({
  door,
  shell,
  page,
}) => {
  const importer = new ImportPage(page)
  await shell.open(door.url)
  await shell.goTo('import')
  const rows = [
    ['氏名', 'メール'],
    ['汐留 澪', 'mio.shiodome@example.jp'],
    ['潮田 湊', 'minato.ushioda＠example'],
  ]
  await page.getByTestId('import-paste').fill(rows.map((r) => r.join('\t')).join('\n'))
  const reply = page.waitForResponse((r) => r.url().endsWith('/api/import.preview'))
  await page.getByTestId('import-paste-read').click()
  await reply
  await expect(importer.counts).toContainText('エラー 1')
  await expect(importer.row(3)).toContainText('取り込みません')

  // 修正 opens the row with its problem; the field with the error has the focus.
  await page.getByTestId('import-fix-3').click()
  const editor = page.getByTestId('import-row-editor')
  await expect(editor).toContainText('3行目を修正')
  const email = editor.getByTestId('import-fix-cell-1')
  await expect(email).toBeFocused()
  await expect(email).toHaveAttribute('aria-invalid', 'true')
  await email.fill('minato.ushioda@example.jp')
  await importer.step('review').screenshot({ path: shot('8-fix') })
  await email.press('Enter')
  await expect(editor).toHaveCount(0)
  await expect(page.getByTestId('import-fix-notice')).toHaveText('3行目を修正しました。')
  // The row's 修正 link went away with its error: focus is on the notice.
  await expect(page.getByTestId('import-fix-notice')).toBeFocused()
  await expect(importer.counts).toContainText('エラー 0')
  await expect(importer.row(3)).toContainText('取り込めます')
  await expect(importer.commitSummary).toContainText('2人を新規登録します')
  await importer.commitButton.click()
  await expect(importer.result('created')).toHaveText('2')
  expect(((await door.call('contacts.list', { search: 'minato.ushioda@example.jp' })) as Page<Contact>).total).toBe(1)
})

test('a row skipped and then fixed forgets the skip: the button counts what the commit does', async ({ door, shell, page }) => {
  const importer = new ImportPage(page)
  await shell.open(door.url)
  await shell.goTo('import')
  const rows = [
    ['氏名', 'メール', '性別'],
    // Names and addresses no other test of this file uses: the tests share one database.
    ['久米 澄', 'sumi.kume@example.jp', '？？'],
    ['立石 凪', 'nagi.tateishi@example.jp', ''],
  ]
  await page.getByTestId('import-paste').fill(rows.map((r) => r.join('\t')).join('\n'))
  const reply = page.waitForResponse((r) => r.url().endsWith('/api/import.preview'))
  await page.getByTestId('import-paste-read').click()
  await reply
  await page.getByTestId('import-skip-2').check()
  await expect(importer.commitSummary).toContainText('1人を新規登録します')
  await expect(importer.commitSummary).toContainText('1行はスキップ')
  // Fixed into a row with an error: it is not imported, and the skip chosen before is gone.
  await page.getByTestId('import-fix-2').click()
  const editor = page.getByTestId('import-row-editor')
  await editor.getByTestId('import-fix-cell-1').fill('sumi.kume＠example')
  await editor.getByTestId('import-fix-cell-1').press('Enter')
  await expect(page.getByTestId('import-fix-notice')).toContainText('2行目')
  await expect(importer.counts).toContainText('エラー 1')
  await expect(importer.commitSummary).toContainText('1人を新規登録します')
  // Only the parts that are not 0: no 「0行はスキップ」.
  await expect(importer.commitSummary).toContainText('（エラーの1行は取り込みません）')
  await importer.commitButton.click()
  await expect(importer.result('created')).toHaveText('1')
  await expect(importer.result('skipped')).toHaveText('0')
  expect(((await door.call('contacts.list', { search: 'nagi.tateishi@example.jp' })) as Page<Contact>).total).toBe(1)
  expect(((await door.call('contacts.list', { search: 'sumi.kume' })) as Page<Contact>).total).toBe(0)
})

test('fixes and row choices survive reading the file again where the line is unchanged, and only there', async ({
  door,
  shell,
  page,
}) => {
  const importer = new ImportPage(page)
  await shell.open(door.url)
  await shell.goTo('import')
  // UTF-8: the ASCII lines read the same as Shift_JIS too, the Japanese line 3 does not.
  const csv = 'name,email\nOki Kaito,kaito.oki@example\n潮見 湊,minato.shiomi@example\nAma Nagisa,nagisa.ama@example.jp\n'
  await importer.upload({ name: 'carry.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') })
  await expect(importer.encoding).toHaveValue('utf8')
  await expect(importer.counts).toContainText('エラー 2')
  for (const [line, email] of [
    [2, 'kaito.oki@example.jp'],
    [3, 'minato.shiomi@example.jp'],
  ] as const) {
    await page.getByTestId(`import-fix-${line}`).click()
    const editor = page.getByTestId('import-row-editor')
    await editor.getByTestId('import-fix-cell-1').fill(email)
    await editor.getByTestId('import-fix-cell-1').press('Enter')
    await expect(editor).toHaveCount(0)
  }
  await page.getByTestId('import-skip-4').check()
  await expect(importer.counts).toContainText('エラー 0')

  // Read as Shift_JIS by hand: the ASCII lines decode to the same cells and keep their fix and
  // choice; line 3 now reads as other characters, so its fix is dropped, and the screen says so.
  await importer.encoding.selectOption('cp932')
  const notice = page.getByTestId('import-carry-notice')
  await expect(notice).toContainText('この画面での修正と行ごとの扱いを2行分引き継ぎました。')
  await expect(notice).toContainText('1行分は、ファイルのその行の内容が変わったため引き継げませんでした（3行目）。')
  await expect(page.getByTestId('import-fix-notice')).toHaveCount(0) // 「3行目を修正しました」 no longer holds
  await expect(importer.counts).toContainText('エラー 1')
  await expect(importer.row(2)).toContainText('kaito.oki@example.jp')
  await expect(page.getByTestId('import-skip-4')).toBeChecked()
  await importer.step('review').screenshot({ path: shot('9-carried-partly') })

  // Back to UTF-8: what was kept is kept again; nothing is left to drop.
  await importer.encoding.selectOption('utf8')
  await expect(notice).toHaveText('読み込み直しました。この画面での修正と行ごとの扱いを2行分引き継ぎました。')
  await expect(importer.row(2)).toContainText('kaito.oki@example.jp')
  await expect(importer.row(3)).toContainText('潮見 湊')
  await expect(page.getByTestId('import-skip-4')).toBeChecked()
  await expect(importer.counts).toContainText('エラー 1')

  // The commit writes the fix kept (the backend's preview holds it), skips line 4, leaves out line 3.
  await importer.commitButton.click()
  await expect(importer.result('created')).toHaveText('1')
  await expect(importer.result('skipped')).toHaveText('1')
  expect(((await door.call('contacts.list', { search: 'kaito.oki@example.jp' })) as Page<Contact>).total).toBe(1)
  expect(((await door.call('contacts.list', { search: 'nagisa.ama@example.jp' })) as Page<Contact>).total).toBe(0)
})

test('an .xlsx with two sheets: the sheet can be chosen and its columns are suggested', async ({ door, shell, page }) => {
  const importer = new ImportPage(page)
  await shell.open(door.url)
  await shell.goTo('import')
  await importer.upload(path.resolve('test/fixtures/import/two-sheets.xlsx'))
  await expect(importer.format).toHaveText('Excel（.xlsx）')
  await expect(importer.encoding).toHaveCount(0)
  // It opens on the list, not on the notes sheet before it, and says there are others.
  const sheet = page.getByTestId('import-sheet')
  await expect(sheet).toHaveValue('名簿')
  await expect(page.getByTestId('import-notes')).toContainText('シートが2枚あります')
  let reply = page.waitForResponse((r) => r.url().endsWith('/api/import.preview'))
  await sheet.selectOption('説明')
  await reply
  await expect(importer.counts).toContainText('全1行')
  reply = page.waitForResponse((r) => r.url().endsWith('/api/import.preview'))
  await sheet.selectOption('名簿')
  await reply
  await expect(sheet).toHaveValue('名簿')
  const labels = ['姓', '名', 'セイ', 'メイ', '生年月日', 'メール', '所属']
  for (const [i, label] of labels.entries()) await expect(importer.mappingOf(i).locator('option:checked')).toHaveText(label)
  await expect(page.getByTestId('import-notes')).toContainText('数式')
  await expect(importer.counts).toContainText('全2行')
  await importer.step('source').screenshot({ path: shot('8-xlsx') })
})
