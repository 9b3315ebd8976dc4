import type { Download, Page } from '@playwright/test'
import { localHeader, unzipProtected } from '../backend/protectedZipRead'
import { expect, test } from './fixtures'
import { ParticipantsActions } from './pages/participantsActions'

test.beforeEach(async ({ shell, participants, door }) => {
  await shell.open(door.url)
  await participants.waitForRows()
})

const actionsOf = (page: Page, participants: ConstructorParameters<typeof ParticipantsActions>[1]) =>
  new ParticipantsActions(page, participants)

/** Pastes tab-separated text (as Excel puts it on the clipboard) into the grid's first row; the preview dialog. */
async function pasteIntoGrid(page: Page, participants: ConstructorParameters<typeof ParticipantsActions>[1], text: string) {
  await participants.cell(0, 'familyName').click()
  await page.evaluate((data) => {
    const transfer = new DataTransfer()
    transfer.setData('text/plain', data)
    document
      .querySelector('.page-participants .ag-cell-focus')!
      .dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }))
  }, text)
  return page.getByTestId('paste-preview')
}

test('search sees through kana and width: やまだ, ﾔﾏﾀﾞ and ヤマダ give the same people', async ({ participants, door }) => {
  // A person of our own, so the expected hit does not depend on the demo's names.
  await door.call('contacts.create', {
    fields: { familyName: '山田', givenName: '未来', familyKana: 'ヤマダ', givenKana: 'ミライ', phone: '090-8765-4321' },
  })
  const results: string[][] = []
  for (const q of ['やまだ', 'ﾔﾏﾀﾞ', 'ヤマダ']) {
    await participants.searchFor(q)
    await participants.waitForRows()
    await expect(participants.rowCount).toContainText('絞り込み中')
    results.push([(await participants.rowCount.textContent()) ?? '', ...(await participants.texts('familyKana', 1))])
  }
  expect(results[1]).toEqual(results[0])
  expect(results[2]).toEqual(results[0])
  expect(results[0]![1]).toBe('ヤマダ')
  await participants.searchFor('09087654321')
  await expect(participants.rowCount).toHaveText('1人（絞り込み中）')
  await expect(participants.cell(0, 'givenName')).toHaveText('未来')
})

test('Japanese IME: composing in a cell arrives exactly as composed; Enter during composition does not end the edit', async ({
  participants,
  page,
}) => {
  const cdp = await page.context().newCDPSession(page)
  await participants.cell(0, 'occupation').click()
  // Typing with an IME on a focused cell: the key arrives as 'Process' (keyCode 229).
  await cdp.send('Input.dispatchKeyEvent', {
    type: 'rawKeyDown',
    key: 'Process',
    code: 'KeyK',
    windowsVirtualKeyCode: 229,
    nativeVirtualKeyCode: 229,
  })
  const editor = participants.cell(0, 'occupation').locator('input')
  await expect(editor).toBeFocused()
  await cdp.send('Input.imeSetComposition', { text: 'かいしゃいん', selectionStart: 6, selectionEnd: 6 })
  await expect(editor).toHaveValue('かいしゃいん')
  // Enter while composing confirms the conversion, not the edit.
  await cdp.send('Input.imeSetComposition', { text: '会社員', selectionStart: 3, selectionEnd: 3 })
  await cdp.send('Input.dispatchKeyEvent', {
    type: 'rawKeyDown',
    key: 'Enter',
    code: 'Enter',
    windowsVirtualKeyCode: 229,
    nativeVirtualKeyCode: 229,
  })
  await expect(editor).toBeVisible()
  await cdp.send('Input.insertText', { text: '会社員' })
  await expect(editor).toHaveValue('会社員')
  const reply = page.waitForResponse((r) => r.url().endsWith('/api/contacts.update'))
  await editor.press('Enter')
  expect((await reply).status()).toBe(200)
  await expect(participants.cell(0, 'occupation')).toHaveText('会社員')
  await page.reload()
  await participants.waitForRows()
  await expect(participants.cell(0, 'occupation')).toHaveText('会社員')
})

test('the municipality picker finds 浜田市 (島根県) from はまだ', async ({ participants, page }) => {
  await participants.cell(3, 'municipalityCode').dblclick()
  const picker = page.getByTestId('municipality-editor')
  await picker.locator('input').fill('はまだ')
  await expect(picker.getByRole('option').first()).toContainText('浜田市')
  await expect(picker.getByRole('option').first()).toContainText('島根県')
  const reply = page.waitForResponse((r) => r.url().endsWith('/api/contacts.update'))
  await picker.locator('input').press('Enter')
  expect(JSON.parse((await reply).request().postData() ?? '{}')).toMatchObject({ patch: { municipalityCode: '322024' } })
  await expect(participants.cell(3, 'municipalityCode')).toHaveText('浜田市')
})

test('delete asks with the count, then undo brings the same people back, also after a reload', async ({ participants, page }) => {
  const actions = actionsOf(page, participants)
  const before = await participants.rowCount.textContent()
  const names = [...(await participants.texts('familyName', 2)), ...(await participants.texts('givenName', 2))]
  await actions.openDetail(0) // one of the two: the panel closes with them, under the delete's own notice
  await actions.select(0)
  await actions.select(1)
  await expect(actions.selectedCount).toHaveText('2人を選択中')
  await page.getByTestId('delete-selected').click()
  const dialog = page.getByTestId('delete-dialog')
  await expect(dialog).toContainText('選択した2人を削除しますか？')
  const deleted = actions.reply('contacts.delete')
  await dialog.getByRole('button', { name: '2人を削除' }).click()
  expect(await (await deleted).json()).toMatchObject({ result: { deleted: 2 } })
  await expect(participants.rowCount).not.toHaveText(before ?? '')
  await expect(actions.notice).toHaveText('2人を削除しました。（元に戻す：Ctrl+Z）')
  await expect(actions.panel).toBeHidden()
  // The delete button went disabled: focus is on the grid's first row, not lost to <body>.
  await expect(participants.cell(0, 'familyName')).toBeFocused()

  await page.reload()
  await participants.waitForRows()
  await expect(actions.undoButton).toBeEnabled()
  await expect(actions.undoButton).toHaveAttribute('title', /2人の削除/)
  await page.locator('body').press('Control+z')
  await expect(actions.notice).toContainText('2人の削除')
  await expect(participants.rowCount).toHaveText(before ?? '')
  expect([...(await participants.texts('familyName', 2)), ...(await participants.texts('givenName', 2))]).toEqual(names)
})

test('an edit is undone with the button, and the old value is back after reload', async ({ participants, page }) => {
  const actions = actionsOf(page, participants)
  const old = ((await participants.cell(2, 'affiliation').textContent()) ?? '').trim()
  expect((await participants.editCell(2, 'affiliation', '隠岐の島町役場')).status()).toBe(200)
  await expect(participants.cell(2, 'affiliation')).toHaveText('隠岐の島町役場')
  await actions.undoButton.click()
  await expect(participants.cell(2, 'affiliation')).toHaveText(old)
  await page.reload()
  await participants.waitForRows()
  await expect(participants.cell(2, 'affiliation')).toHaveText(old)
  // The person's change history tells the undo from the edit.
  await actions.openDetail(2)
  const trail = actions.panel.getByTestId('audit-trail')
  await expect(trail).toContainText('元に戻す')
  await expect(trail).toContainText('→ 隠岐の島町役場')
})

test('pasting three tab-separated rows from Excel creates three people', async ({ participants, page }) => {
  const actions = actionsOf(page, participants)
  const text =
    '姓\t名\tセイ\tメイ\t電話\t市区町村\r\n海野\t一郎\tうみの\tいちろう\t090-1111-0001\t浜田市\r\n海野\t二郎\tｳﾐﾉ\tｼﾞﾛｳ\t09011110002\t隠岐の島町\r\n海野\t"三郎\t(タブ入り)"\tウミノ\tサブロウ\t\t\r\n'
  const preview = await pasteIntoGrid(page, participants, text)
  await expect(preview).toContainText('3行 × 6列')
  await expect(preview.getByTestId('paste-map-0')).toHaveValue('familyName')
  await expect(preview.getByTestId('paste-map-5')).toHaveValue('municipalityCode')
  const pasted = actions.reply('contacts.paste')
  await preview.getByRole('button', { name: '3行を反映' }).click()
  expect(await (await pasted).json()).toMatchObject({ result: { created: 3, updated: 0 } })
  await expect(actions.notice).toContainText('追加 3人')

  await participants.searchFor('うみの')
  await expect(participants.rowCount).toHaveText('3人（絞り込み中）')
  const given = await participants.texts('givenName', 3)
  expect(given).toContain('一郎')
  expect(given).toContain('二郎')
  // The tab inside Excel's quoted cell came through as part of one cell, not a new column.
  expect(given.some((g) => /^三郎\s\(タブ入り\)$/.test(g))).toBe(true)
  expect(await participants.texts('municipalityCode', 3)).toContain('浜田市')
})

test('a paste says which row lacks a family name before anything is sent, and skips blank lines', async ({
  participants,
  page,
}) => {
  const actions = actionsOf(page, participants)
  const paste = (text: string) => pasteIntoGrid(page, participants, text)
  let preview = await paste('姓\t名\tメール\r\n海野\t四郎\tshiro@example.jp\r\n\t\t\r\n\t五郎\tgoro@example.jp\r\n')
  await expect(preview.getByRole('alert')).toContainText('3行目：姓がありません')
  await expect(preview.getByRole('button', { name: /行を反映/ })).toBeDisabled()
  await preview.getByRole('button', { name: 'キャンセル' }).click()

  preview = await paste('姓\t名\r\n海野\t四郎\r\n\t\r\n海野\t六郎\r\n')
  const pasted = actions.reply('contacts.paste')
  await preview.getByRole('button', { name: '2行を反映' }).click()
  expect(await (await pasted).json()).toMatchObject({ result: { created: 2, updated: 0 } })
})

test('a saved view keeps columns, sort and filters, is listed in the sidebar and is restored after reload', async ({
  participants,
  page,
}) => {
  await participants.filterByChoice('stage', 'つながる')
  await participants.sortBy('birthDate')
  const count = await participants.rowCount.textContent()
  await page.getByTestId('save-view').click()
  await page.locator('dialog[open] input').fill('浜田市 講座修了者')
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/views.save'))
  await page.locator('dialog[open]').getByRole('button', { name: 'ビューを保存' }).click()
  await saved
  const link = page.getByTestId('saved-views').getByRole('link', { name: '浜田市 講座修了者' })
  await expect(link).toBeVisible()

  await page.reload()
  await participants.waitForRows()
  await expect(participants.rowCount).not.toHaveText(count ?? '')
  await link.click()
  await participants.waitForRows()
  await expect(participants.rowCount).toHaveText(count ?? '')
  await expect(participants.header('birthDate')).toHaveAttribute('aria-sort', 'ascending')
  await expect(page.locator('#participants-title')).toContainText('浜田市 講座修了者')
  expect(new Set(await participants.texts('stage', 5))).toEqual(new Set(['つながる']))
})

test('bulk actions on a selection: stage, tag (then filter by it) and CSV export', async ({ participants, page }) => {
  const actions = actionsOf(page, participants)
  await actions.select(4)
  await actions.select(5)
  await actions.bulk('段階を変更')
  await page.locator('dialog[open] select').selectOption({ label: '移住済' })
  await page.locator('dialog[open]').getByRole('button', { name: '適用' }).click()
  await expect(actions.notice).toContainText('2人の段階を変更しました')
  await expect(participants.cell(4, 'stage')).toHaveText('移住済')
  await expect(participants.cell(5, 'stage')).toHaveText('移住済')

  await actions.bulk('タグを付ける')
  await page.locator('dialog[open] input').fill('2025しまコト')
  await page.locator('dialog[open]').getByRole('button', { name: '適用' }).click()
  await expect(actions.notice).toContainText('2人にタグを付けました')
  await expect(participants.cell(4, 'tags')).toContainText('2025しまコト')
  await participants.filterByChoice('tags', '2025しまコト')
  await expect(participants.rowCount).toHaveText('2人（絞り込み中）')

  await actions.select(0)
  await actions.select(1)
  await actions.bulk('プログラムに登録')
  const program = page.locator('dialog[open] select option').nth(1)
  await page.locator('dialog[open] select').selectOption({ label: (await program.textContent()) ?? '' })
  const enrolled = actions.reply('enrollments.add')
  await page.locator('dialog[open]').getByRole('button', { name: '適用' }).click()
  expect(JSON.parse((await enrolled).request().postData() ?? '{}').contactIds).toHaveLength(2)
  await expect(actions.notice).toContainText('人を登録しました')

  // Personal data leaves the app: the dialog warns while protection is off.
  await actions.bulk('CSVで書き出す')
  const dialog = page.getByTestId('export-dialog')
  await expect(dialog).toContainText('個人情報がそのまま書き出されます')
  // Only the columns ticked leave the app: none ticked, nothing can be written.
  const columns = dialog.getByTestId('export-columns')
  await expect(columns).toContainText('書き出す項目（23 / 23）')
  await columns.getByRole('button', { name: 'すべて外す' }).click()
  await expect(columns.getByRole('alert')).toHaveText('書き出す項目を1つ以上選んでください。')
  await expect(dialog.getByTestId('export-submit')).toBeDisabled()
  for (const name of ['姓', '名', 'タグ']) await columns.getByRole('checkbox', { name, exact: true }).check()
  await expect(columns).toContainText('書き出す項目（3 / 23）')
  const download = page.waitForEvent('download')
  await dialog.getByTestId('export-submit').click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^参加者_\d{8}_2人\.csv$/)
  const body = (await readDownload(file)).toString('utf8')
  const lines = body.replace('\uFEFF', '').trim().split('\r\n')
  expect(lines[0]).toBe('姓,名,タグ')
  expect(lines.slice(1).every((line) => line.split(',').length === 3 && line.includes('2025しまコト'))).toBe(true)
  expect(body).not.toContain('@')

  // The same people as a password-protected zip: the password is checked before anything is written.
  // The columns chosen last time are chosen again.
  await actions.bulk('CSVで書き出す')
  await expect(columns).toContainText('書き出す項目（3 / 23）')
  await dialog.getByTestId('export-protect').check()
  await dialog.getByTestId('export-password').fill('mura-2026')
  await expect(dialog.getByTestId('export-submit')).toBeDisabled()
  await dialog.getByTestId('export-password-confirm').fill('mura-2025')
  await expect(dialog.getByTestId('export-password-problem')).not.toHaveText('')
  await dialog.getByTestId('export-password-confirm').fill('mura-2026')
  const protectedDownload = page.waitForEvent('download')
  await dialog.getByTestId('export-submit').click()
  const zip = await protectedDownload
  expect(zip.suggestedFilename()).toMatch(/^参加者_\d{8}_2人\.zip$/)
  const zipped = {
    fileName: zip.suggestedFilename(),
    mimeType: 'application/zip',
    base64: (await readDownload(zip)).toString('base64'),
  }
  expect(localHeader(zipped).aes?.strength).toBe(3)
  await expect(unzipProtected(zipped, 'wrong-pass')).rejects.toThrow()
  const inside = await unzipProtected(zipped, 'mura-2026')
  expect(inside.bytes.toString('utf8')).toBe(body)
})

async function readDownload(file: Download): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of await file.createReadStream()) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

test('the person panel shows fields, stage history, timeline and the audit trail of an edit', async ({ participants, page }) => {
  const actions = actionsOf(page, participants)
  expect((await participants.editCell(6, 'occupation', '漁師')).status()).toBe(200)
  expect((await participants.editCell(6, 'birthDate', '1940')).status()).toBe(200)
  await actions.openDetail(6)
  const name = `${(await participants.texts('familyName', 7))[6]} ${(await participants.texts('givenName', 7))[6]}`
  await expect(actions.panel.getByRole('heading', { level: 2 })).toHaveText(name)
  await expect(actions.panel).toContainText('基本情報')
  await expect(actions.panel.getByTestId('stage-history').locator('li').first()).toBeVisible()
  await expect(actions.panel.getByTestId('audit-trail')).toContainText('職業')
  await expect(actions.panel.getByTestId('audit-trail')).toContainText('→ 漁師')
  // Fields that are not grid columns still read in Japanese, never as raw keys.
  await expect(actions.panel.getByTestId('audit-trail')).toContainText('生まれ年：')
  await expect(actions.panel.getByTestId('audit-trail')).toContainText('→ 1940')
  await expect(actions.panel.getByTestId('audit-trail')).not.toContainText('birthYear')
  // The line is named as on the 監査ログ screen and in the 開示 file (変更, not a panel-only 編集).
  await expect(actions.panel.getByTestId('audit-trail').locator('.audit-head').first()).toContainText('変更')
  await expect(actions.panel.getByTestId('audit-trail')).not.toContainText('編集')
  await expect(actions.panel).toContainText('関わりの記録')
})

test('adding a person with the form: an invalid email is shown in place and nothing is saved', async ({ participants, page }) => {
  const actions = actionsOf(page, participants)
  await page.getByTestId('add-person').click()
  const form = page.getByTestId('add-person').and(page.locator('dialog'))
  await form.locator('input[name="familyName"]').fill('波多野')
  await form.locator('input[name="givenName"]').fill('結衣')
  await form.locator('input[name="familyKana"]').fill('はたの')
  await form.locator('input[name="email"]').fill('yui@@example')
  await form.getByRole('button', { name: '追加する' }).click()
  await expect(form.locator('.field-error')).toContainText('メールアドレス')
  await expect(form.locator('input[name="email"]')).toBeFocused()
  await form.locator('input[name="email"]').fill('yui@example.jp')
  const created = actions.reply('contacts.create')
  await form.getByRole('button', { name: '追加する' }).click()
  expect((await created).status()).toBe(200)
  await expect(actions.panel.getByRole('heading', { level: 2 })).toHaveText('波多野 結衣')
  await expect(actions.notice).toHaveText('波多野結衣さんを追加しました。')
  await participants.searchFor('ハタノ')
  await expect(participants.cell(0, 'email')).toHaveText('yui@example.jp')
})

test('a search or filter clears the selection: the count, export and delete only see visible ticks', async ({
  participants,
  page,
}) => {
  const actions = actionsOf(page, participants)
  await actions.select(0)
  await actions.select(1)
  await expect(actions.selectedCount).toHaveText('2人を選択中')
  await participants.searchFor('ヤマ')
  await participants.waitForRows()
  await expect(actions.selectedCount).toBeHidden()
  await expect(page.getByTestId('delete-selected')).toBeDisabled()
  await actions.select(0)
  await expect(actions.selectedCount).toHaveText('1人を選択中')
  await page.getByTestId('delete-selected').click()
  await expect(page.getByTestId('delete-dialog')).toContainText('選択した1人を削除しますか？')
  await page.getByTestId('delete-dialog').getByRole('button', { name: 'キャンセル' }).click()

  await participants.searchFor('')
  await expect(participants.rowCount).not.toContainText('絞り込み中')
  await participants.waitForRows()
  await actions.select(0)
  await actions.select(1)
  await expect(actions.selectedCount).toHaveText('2人を選択中')
  await participants.filterByChoice('stage', 'つかむ')
  await expect(actions.selectedCount).toBeHidden()
})

test('after 完全に削除 the panel closes, says so, and focus is back on the grid', async ({ participants, page, door }) => {
  const actions = actionsOf(page, participants)
  for (const [givenName, phone] of [
    ['試子', '090-5555-0101'],
    ['残子', '090-5555-0102'],
  ]) {
    await door.call('contacts.create', { fields: { familyName: '消去', givenName, familyKana: 'ショウキョ', phone } })
  }
  await participants.searchFor('0905555010')
  await expect(participants.rowCount).toHaveText('2人（絞り込み中）')
  await participants.waitForRows()
  const row = (await participants.texts('givenName', 2)).indexOf('試子')
  await actions.openDetail(row)
  await expect(actions.panel).toContainText('090-5555-0101')
  await actions.panel.getByTestId('privacy-delete').click()
  const dialog = page.getByTestId('privacy-delete-dialog')
  const deleted = actions.reply('privacy.delete')
  await dialog.getByRole('button', { name: '完全に削除する' }).click()
  expect((await deleted).status()).toBe(200)
  await expect(actions.panel).toBeHidden()
  await expect(page.getByText('090-5555-0101')).toHaveCount(0)
  await expect(actions.notice).toHaveText('消去試子さんのデータを削除しました。')
  await expect(participants.rowCount).toHaveText('1人（絞り込み中）')
  await expect(participants.cell(0, 'givenName')).toHaveText('残子')
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.ag-root-wrapper') !== null)).toBe(true)
})

test('都道府県 follows 市区町村: 浜田市 on a 埼玉県 person shows 島根県; another prefecture clears the municipality', async ({
  participants,
  page,
  door,
}) => {
  await door.call('contacts.create', {
    fields: { familyName: '県境', givenName: '越子', prefectureCode: '11', phone: '090-5555-0201' },
  })
  await participants.searchFor('09055550201')
  await expect(participants.rowCount).toHaveText('1人（絞り込み中）')
  await participants.waitForRows()
  await expect(participants.cell(0, 'prefectureCode')).toHaveText('埼玉県')
  await participants.cell(0, 'municipalityCode').dblclick()
  const picker = page.getByTestId('municipality-editor')
  await picker.locator('input').fill('はまだ')
  await expect(picker.getByRole('option').first()).toContainText('浜田市')
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/contacts.update'))
  await picker.locator('input').press('Enter')
  await saved
  await expect(participants.cell(0, 'municipalityCode')).toHaveText('浜田市')
  await expect(participants.cell(0, 'prefectureCode')).toHaveText('島根県')

  await participants.cell(0, 'prefectureCode').dblclick()
  const changed = page.waitForResponse((r) => r.url().endsWith('/api/contacts.update'))
  await participants.cell(0, 'prefectureCode').getByRole('combobox').click()
  await page.getByRole('listbox').getByRole('option', { name: '東京都', exact: true }).click()
  expect(JSON.parse((await changed).request().postData() ?? '{}')).toMatchObject({ patch: { prefectureCode: '13' } })
  await expect(participants.cell(0, 'prefectureCode')).toHaveText('東京都')
  await expect(participants.cell(0, 'municipalityCode')).toHaveText('')
})

test('leaving a saved view (絞り込みを解除 or the sidebar 参加者 link) leaves its name, search and filters', async ({
  participants,
  page,
}) => {
  const title = page.locator('#participants-title')
  await participants.searchFor('ヤマ')
  await participants.filterByChoice('stage', 'つかむ')
  await page.getByTestId('save-view').click()
  await page.locator('dialog[open] input').fill('離れるビュー')
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/views.save'))
  await page.locator('dialog[open]').getByRole('button', { name: 'ビューを保存' }).click()
  await saved
  const link = page.getByTestId('saved-views').getByRole('link', { name: '離れるビュー' })
  await page.reload()
  await participants.waitForRows()
  await link.click()
  await expect(title).toHaveText('参加者：離れるビュー')
  await expect(participants.search).toHaveValue('ヤマ')
  await expect(participants.rowCount).toContainText('絞り込み中')

  await page.getByRole('button', { name: '絞り込みを解除' }).click()
  await expect(title).toHaveText('参加者')
  await expect(participants.search).toHaveValue('')
  await expect(participants.rowCount).not.toContainText('絞り込み中')

  await link.click()
  await expect(title).toHaveText('参加者：離れるビュー')
  await expect(participants.search).toHaveValue('ヤマ')
  await page.getByTestId('nav-participants').click()
  await expect(title).toHaveText('参加者')
  await expect(participants.search).toHaveValue('')
  await expect(participants.rowCount).not.toContainText('絞り込み中')
})
