import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { Client } from '../../shared/contract/client'
import { planCommit } from '../../renderer/src/features/import/commitSummary'
import { freshBackend, tempDir } from './tempDb'

const fixture = (name: string) => path.resolve('test/fixtures/import', name)
const upload = (name: string) => ({ fileName: name, base64: fs.readFileSync(fixture(name)).toString('base64') })

async function importFile(client: Client, name: string, extra: Record<string, unknown> = {}) {
  const preview = await client.call('import.preview', { source: upload(name), ...extra })
  const result = await client.call('import.commit', { previewId: preview.previewId, onDuplicate: 'skip' })
  return { preview, result }
}

async function byEmail(client: Client, email: string) {
  const page = await client.call('contacts.list', { search: email })
  expect(page.total, email).toBe(1)
  return page.rows[0]!
}

/** Every table's rows, for "the database is exactly as before" checks. */
function snapshot(sqlite: import('better-sqlite3').Database, tables = ['contacts', 'stage_history', 'visits', 'enrollments']) {
  return Object.fromEntries(tables.map((t) => [t, sqlite.prepare(`SELECT * FROM ${t} ORDER BY id`).all()]))
}

/** A stored person the merge tests import again. */
const mihonHanako = {
  familyName: '見本',
  givenName: '花子',
  familyKana: 'ミホン',
  givenKana: 'ハナコ',
  email: 'hanako.mihon@example.jp',
}

describe('importing person lists', () => {
  it('an Excel-saved CP932 CSV with title rows, half-width kana, 全角 digits and 和暦 dates', async () => {
    const { client } = await freshBackend()
    const { preview, result } = await importFile(client, 'excel-cp932-title-rows.csv')
    expect(preview).toMatchObject({ encoding: 'cp932', format: 'csv', headerRow: 3, counts: { rows: 4, ok: 4, errors: 0 } })
    expect(preview.mapping).toEqual([
      'ignore',
      'fullName',
      'fullKana',
      'birth',
      'phone',
      'postalCode',
      'address',
      'email',
      'gender',
    ])
    expect(result).toMatchObject({ created: 4, merged: 0, skipped: 0, errors: 0 })
    // A verified backup of the state before the import was taken first.
    const backups = await client.call('safety.listBackups', {})
    expect(backups.find((b) => b.reason === 'before-import')).toMatchObject({ counts: { contacts: 0 } })
    expect(await byEmail(client, 'ichiro.hamada@example.jp')).toMatchObject({
      familyName: '浜田',
      givenName: '一郎',
      familyKana: 'ハマダ',
      givenKana: 'イチロウ',
      birthDate: '1985-04-01',
      birthYear: 1985,
      phone: '090-0011-2233',
      postalCode: '697-0024',
      prefectureCode: '32',
      municipalityCode: '322024',
      address: '島根県浜田市殿町1',
      gender: 'male',
      stage: 'tsukamu',
    })
    expect(await byEmail(client, 'hanako.gotsu@example.jp')).toMatchObject({
      familyKana: 'ゴウツ',
      birthDate: '1990-12-24',
      municipalityCode: '322075',
      gender: 'female',
    })
    expect(await byEmail(client, 'sakura.tono@example.com')).toMatchObject({
      birthDate: '1998-03-03',
      municipalityCode: '032085',
      gender: 'no_answer',
    })
    const awashima = (await client.call('contacts.list', { search: 'アワシマ' })).rows[0]
    expect(awashima).toMatchObject({
      birthDate: '1979-07-07',
      phone: '070-0044-5566',
      postalCode: '100-0001',
      prefectureCode: '13',
      municipalityCode: '131016',
      email: null,
    })
  })

  it('a Google Forms UTF-8 export with a timestamp column', async () => {
    const { client } = await freshBackend()
    const { preview, result } = await importFile(client, 'google-forms-utf8.csv')
    expect(preview.encoding).toBe('utf8')
    expect(preview.mapping).toEqual([
      'ignore',
      'fullName',
      'fullKana',
      'email',
      'phone',
      'prefecture',
      'age',
      'firstContact',
      'ignore',
    ])
    expect(result.created).toBe(3)
    // 34 today, by the app's age rule (a birth year alone counts a 7月1日 birthday).
    const now = new Date()
    const year = now.getFullYear() - (now.getMonth() + 1 < 7 ? 1 : 0)
    expect(await byEmail(client, 'taro.yamada@example.jp')).toMatchObject({
      familyName: '山田',
      givenName: '太郎',
      familyKana: 'ヤマダ',
      givenKana: 'タロウ',
      phone: '090-0011-2233',
      prefectureCode: '13',
      birthYear: year - 34,
      birthDate: null,
      firstContact: 'SNS',
    })
    // The name was typed without a space: split at a known family name, flagged as a guess.
    expect(preview.rows[1]!.issues).toContainEqual(
      expect.objectContaining({ severity: 'warning', message: expect.stringContaining('佐藤 花子') }),
    )
    expect(await byEmail(client, 'Hanako.Sato@example.jp')).toMatchObject({
      familyName: '佐藤',
      givenName: '花子',
      prefectureCode: '27',
    })
    expect(await byEmail(client, 'jiro@example.ne.jp')).toMatchObject({
      familyName: '鈴木',
      givenName: '次郎',
      prefectureCode: '14',
      firstContact: '移住フェア（東京）で話を聞いて',
    })
  })

  it('an .xlsx with two sheets: the chosen sheet, real date cells, formulas and rich text', async () => {
    const { client } = await freshBackend()
    const first = await client.call('import.preview', { source: upload('two-sheets.xlsx') })
    // The list, not the notes sheet before it, unless another is chosen; the notes say so.
    expect(first).toMatchObject({ format: 'xlsx', sheets: ['説明', '名簿'], sheet: '名簿' })
    expect(first.notes).toContain(
      'シートが2枚あります。表の形をしている「名簿」を読み込みました（ほかのシートは「シート」で選べます）。',
    )
    expect(await client.call('import.preview', { source: upload('two-sheets.xlsx'), sheet: '説明' })).toMatchObject({
      sheet: '説明',
      notes: [],
    })
    const { preview, result } = await importFile(client, 'two-sheets.xlsx', { sheet: '名簿' })
    expect(preview.mapping).toEqual([
      'familyName',
      'givenName',
      'familyKana',
      'givenKana',
      'birth',
      'email',
      'affiliation',
      'ignore',
    ])
    expect(preview.notes.join()).toContain('数式')
    expect(result.created).toBe(2)
    expect(await byEmail(client, 'minato.oki@example.jp')).toMatchObject({
      familyName: '隠岐',
      givenKana: 'ミナト',
      birthDate: '1992-08-15',
      affiliation: '隠岐観光協会',
    })
    expect(await byEmail(client, 'dai.suo@example.com')).toMatchObject({ birthDate: '2001-01-31' })
  })
})

describe('duplicates', () => {
  it('the same person with e-mail in one file and kana only in another is proposed as a match', async () => {
    const { client } = await freshBackend()
    await importFile(client, 'google-forms-utf8.csv')
    const text = 'お名前,フリガナ,電話\n山田太郎,ヤマダ タロウ,\n'
    const preview = await client.call('import.preview', { source: { fileName: 'paste.tsv', text } })
    const taro = await byEmail(client, 'taro.yamada@example.jp')
    expect(preview.rows[0]!.duplicates[0]).toMatchObject({
      contactId: taro.id,
      reasons: expect.arrayContaining(['氏名とフリガナが一致']),
    })
    expect(preview.rows[0]!.duplicates[0]!.score).toBeGreaterThanOrEqual(70)
  })

  it('finds a person whose family and given names were entered the other way round', async () => {
    const { client } = await freshBackend()
    await importFile(client, 'google-forms-utf8.csv')
    const preview = await client.call('import.preview', {
      source: { fileName: 'swapped.csv', text: '姓,名,セイ,メイ,メール\n太郎,山田,タロウ,ヤマダ,\n' },
    })
    expect(preview.rows[0]!.duplicates[0]?.reasons).toContain('姓と名が入れ替わっている可能性')
  })

  it('finds a stored person from a swapped name with no reading, in a small file and in a big one', async () => {
    const { client } = await freshBackend()
    const stored = await client.call('contacts.create', {
      fields: { familyName: '隠岐', givenName: '港', birth: '1990-04-01' },
    })
    const swapped = '港,隠岐,1990-04-01\n'
    // A big file reads the people once instead of probing (SCAN_FROM_ROWS): both must find them.
    const filler = Array.from({ length: 5000 }, (_, i) => `見本,${i}号,\n`).join('')
    for (const text of [`姓,名,生年月日\n${swapped}`, `姓,名,生年月日\n${swapped}${filler}`]) {
      const preview = await client.call('import.preview', { source: { fileName: 'swapped.csv', text } })
      expect(preview.rows[0]!.duplicates[0]).toMatchObject({
        contactId: stored.id,
        reasons: expect.arrayContaining(['姓と名が入れ替わっている可能性', '生年月日（生年）が一致']),
      })
    }
  })

  it('a person repeated below a row that cannot be imported is registered once', async () => {
    const { client } = await freshBackend()
    const text =
      '氏名,メール,生年月日\n隠岐 港,minato@example.jp,1990-02-30\n隠岐 港,minato@example.jp,\n隠岐 港,minato@example.jp,1990-02-03\n'
    const preview = await client.call('import.preview', { source: { fileName: 'dup.csv', text } })
    expect(preview.rows[2]!.duplicates.map((d) => d.row)).toEqual([0, 1])
    // The review screen marks the error row, so the button promises what the commit does.
    expect(preview.rows[1]!.duplicates).toMatchObject([{ row: 0, rowError: true }])
    const duplicateRows = preview.rows.filter((r) => r.duplicates.length > 0)
    const plan = planCommit(preview, duplicateRows, {}, 'merge')
    expect(plan.best.get(1)).toBeUndefined()
    expect(plan.best.get(2)).toMatchObject({ row: 1 })
    const result = await client.call('import.commit', { previewId: preview.previewId, onDuplicate: 'merge' })
    expect(result).toMatchObject({ created: 1, merged: 1, errors: 1 })
    expect(plan.summary).toEqual({ created: 1, merged: 1, skipped: 0, errors: 1 })
    expect(await byEmail(client, 'minato@example.jp')).toMatchObject({ birthDate: '1990-02-03' })
  })

  it('refuses a merge target the row no longer matches (a choice made before the row was fixed)', async () => {
    const { client, context } = await freshBackend()
    const stored = await client.call('contacts.create', {
      fields: { familyName: '隠岐', givenName: '港', email: 'a@example.jp', birth: '1980-01-01' },
    })
    const text = '氏名,メール,生年月日\n隠岐 港,a@example.jp,1990-02-03\n'
    const preview = await client.call('import.preview', { source: { fileName: 'fix.csv', text } })
    expect(preview.rows[0]!.duplicates[0]).toMatchObject({ contactId: stored.id })
    // Fixed into someone else: 隠岐 港 is no longer a candidate of the row.
    await client.call('import.fixRow', {
      previewId: preview.previewId,
      index: 0,
      cells: ['山田 太郎', 'b@example.jp', '1990-02-03'],
    })
    const before = context.handle.sqlite.prepare('SELECT * FROM contacts ORDER BY id').all()
    const refused = await client
      .call('import.commit', {
        previewId: preview.previewId,
        onDuplicate: 'merge',
        decisions: { 0: { action: 'merge', targetId: stored.id, takeFromFile: ['birthDate'] } },
      })
      .catch((e: unknown) => e)
    expect(refused).toMatchObject({ code: 'INVALID_ARGS', message: expect.stringContaining('2行目の統合先は') })
    expect(context.handle.sqlite.prepare('SELECT * FROM contacts ORDER BY id').all()).toEqual(before)
  })

  it('finds duplicates inside one file, and a different birth date counts against', async () => {
    const { client } = await freshBackend()
    const preview = await client.call('import.preview', {
      source: {
        fileName: 'dup.csv',
        text: '氏名,フリガナ,メール,生年月日\n隠岐 港,オキ ミナト,a@example.jp,1990-01-01\n隠岐 港,オキ ミナト,,1990-01-01\n隠岐 港,オキ ミナト,,1970-05-05\n',
      },
    })
    expect(preview.rows[1]!.duplicates[0]).toMatchObject({ row: 0 })
    expect(preview.rows[2]!.duplicates).toEqual([])
  })

  it('a merge takes a new place whole and leaves a birth date that contradicts the stored year; undo restores both', async () => {
    const { client } = await freshBackend()
    const stored = await client.call('contacts.create', {
      fields: {
        familyName: '宮崎',
        givenName: '和也',
        email: 'kazuya.m@example.jp',
        postalCode: '245-0016',
        prefectureCode: '14',
        municipalityCode: '141160',
        address: '神奈川県横浜市泉区和泉町1',
        birth: '2006',
      },
    })
    const text = '氏名,メール,住所,生年月日\n宮崎 和也,kazuya.m@example.jp,島根県浜田市殿町1-2,1989-03-03\n'
    const preview = await client.call('import.preview', { source: { fileName: 'moved.csv', text } })
    const result = await client.call('import.commit', {
      previewId: preview.previewId,
      onDuplicate: 'merge',
      decisions: { '0': { action: 'merge', targetId: stored.id, takeFromFile: ['address'] } },
    })
    expect(result).toMatchObject({ merged: 1 })
    expect(await client.call('contacts.get', { id: stored.id })).toMatchObject({
      postalCode: null,
      prefectureCode: '32',
      municipalityCode: '322024',
      address: '島根県浜田市殿町1-2',
      birthDate: null,
      birthYear: 2006,
    })
    await client.call('import.undo', { batchId: result.batchId })
    expect(await client.call('contacts.get', { id: stored.id })).toMatchObject({
      postalCode: '245-0016',
      prefectureCode: '14',
      municipalityCode: '141160',
      address: '神奈川県横浜市泉区和泉町1',
      birthYear: 2006,
    })
  })

  it('a merge fills blanks, keeps differing stored values unless chosen, and touches nothing else', async () => {
    const { client, context } = await freshBackend()
    await importFile(client, 'google-forms-utf8.csv')
    const taro = await byEmail(client, 'taro.yamada@example.jp')
    const others = snapshot(context.handle.sqlite, ['contacts']).contacts!.filter((c) => (c as { id: string }).id !== taro.id)
    const text = '氏名,メール,電話,職業,所属\n山田 太郎,taro.yamada@example.jp,080-9999-0000,デザイナー,株式会社サンプル\n'
    const preview = await client.call('import.preview', { source: { fileName: 'more.csv', text } })
    const result = await client.call('import.commit', {
      previewId: preview.previewId,
      onDuplicate: 'merge',
      decisions: { '0': { action: 'merge', takeFromFile: ['affiliation'] } },
    })
    expect(result).toMatchObject({ created: 0, merged: 1 })
    const after = await client.call('contacts.get', { id: taro.id })
    expect(after).toMatchObject({
      phone: '090-0011-2233',
      occupation: 'デザイナー',
      affiliation: '株式会社サンプル',
      familyKana: 'ヤマダ',
      email: taro.email,
    })
    expect(snapshot(context.handle.sqlite, ['contacts']).contacts!.filter((c) => (c as { id: string }).id !== taro.id)).toEqual(
      others,
    )
  })
})

describe('undo and bad input', () => {
  it('undo removes exactly what an import created and reverts its merges, keeping unrelated later edits', async () => {
    const { client, context } = await freshBackend()
    const { sqlite } = context.handle
    await importFile(client, 'excel-cp932-title-rows.csv')
    const hamada = await byEmail(client, 'ichiro.hamada@example.jp')
    const tono = await byEmail(client, 'sakura.tono@example.com')
    const before = snapshot(sqlite)
    const text = '氏名,メール,職業\n浜田 一郎,ichiro.hamada@example.jp,漁師\n新人 一人,new.person@example.jp,学生\n'
    const preview = await client.call('import.preview', { source: { fileName: 'second.csv', text } })
    const result = await client.call('import.commit', { previewId: preview.previewId, onDuplicate: 'merge' })
    expect(result).toMatchObject({ created: 1, merged: 1 })
    // Unrelated edits after the import, to a person the import never touched.
    await client.call('contacts.update', { id: tono.id, patch: { notes: '取り込み後のメモ' } })
    expect(await client.call('import.undo', { batchId: result.batchId })).toEqual({ removed: 1, reverted: 1 })
    const expected = structuredClone(before) as Record<string, Record<string, unknown>[]>
    const now = snapshot(sqlite) as Record<string, Record<string, unknown>[]>
    const tonoNow = now.contacts!.find((c) => c.id === tono.id)!
    expect(tonoNow.notes).toBe('取り込み後のメモ')
    // Everything equals the pre-import state except the unrelated edit (and hamada's updated_at).
    const strip = (rows: Record<string, unknown>[]) => rows.map(({ updated_at: _u, notes: _n, search_key: _s, ...rest }) => rest)
    expect(strip(now.contacts!)).toEqual(strip(expected.contacts!))
    expect(now.stage_history).toEqual(expected.stage_history)
    expect((await client.call('contacts.get', { id: hamada.id })).occupation).toBeNull()
    await expect(client.call('import.undo', { batchId: result.batchId })).rejects.toMatchObject({ code: 'CONFLICT' })
  })

  it('undo refuses, and says why, while something was recorded about the people it created', async () => {
    const { client, context } = await freshBackend()
    const { sqlite } = context.handle
    const { result } = await importFile(client, 'excel-cp932-title-rows.csv')
    const hamada = await byEmail(client, 'ichiro.hamada@example.jp')
    const tono = await byEmail(client, 'sakura.tono@example.com')
    // After the import: a visit for one of its people, a hand edit to another.
    const visit = await client.call('visits.create', {
      contactIds: [hamada.id],
      fields: { visitDate: '2024-08-03', mode: 'onsite' },
    })
    await new Promise((r) => setTimeout(r, 5)) // the edit's time is after the import's
    await client.call('contacts.update', { id: tono.id, patch: { notes: '取り込み後のメモ' } })
    const before = snapshot(sqlite)
    const refusal = client.call('import.undo', { batchId: result.batchId })
    await expect(refusal).rejects.toMatchObject({ code: 'CONFLICT', details: { visits: 1, edited: 1 } })
    await expect(refusal).rejects.toThrow(
      'この取り込みで登録した人に、その後の記録（参加・訪問 1件、編集 1人）があるため取り消せません。',
    )
    expect(snapshot(sqlite)).toEqual(before) // nothing removed, the visit and the note kept
    // Once those records are gone the undo goes through.
    await client.call('visits.delete', { ids: visit.ids })
    await client.call('contacts.delete', { ids: [tono.id] })
    expect(await client.call('import.undo', { batchId: result.batchId })).toMatchObject({ removed: 4 })
    expect((await client.call('contacts.list', {})).total).toBe(0)
  })

  it('a preview read before another import or an undo is refused at commit, so nobody is registered twice', async () => {
    const { client, context } = await freshBackend()
    const { sqlite } = context.handle
    const people = () => sqlite.prepare('SELECT count(*) FROM contacts').pluck().get() as number
    const first = await client.call('import.preview', { source: upload('google-forms-utf8.csv') })
    const second = await client.call('import.preview', { source: upload('google-forms-utf8.csv') })
    const done = await client.call('import.commit', { previewId: first.previewId, onDuplicate: 'skip' })
    const afterFirst = people()
    // The second preview saw none of the people the first one just registered.
    await expect(client.call('import.commit', { previewId: second.previewId, onDuplicate: 'skip' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message:
        '確認画面を開いた後に別の取り込み（または取り消し）が行われました。重複を正しく確かめるため、もう一度ファイルを読み込んでください。',
    })
    expect(people()).toBe(afterFirst)
    // Read again, every row finds its person.
    const again = await client.call('import.preview', { source: upload('google-forms-utf8.csv') })
    expect(again.counts.duplicates).toBe(again.counts.ok)
    // An undo makes earlier previews stale too (they may merge into people it removed).
    await client.call('import.undo', { batchId: done.batchId })
    await expect(client.call('import.commit', { previewId: again.previewId, onDuplicate: 'merge' })).rejects.toMatchObject({
      code: 'CONFLICT',
    })
    expect(people()).toBe(afterFirst - done.created)
  })

  it('refuses empty, binary, truncated and old-format files with Japanese messages and writes nothing', async () => {
    const { client, context } = await freshBackend()
    await importFile(client, 'google-forms-utf8.csv')
    const before = snapshot(context.handle.sqlite)
    const xlsx = fs.readFileSync(fixture('two-sheets.xlsx'))
    const bad = [
      { fileName: 'empty.csv', base64: '' },
      { fileName: 'photo.csv', base64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]).toString('base64') },
      { fileName: 'cut.xlsx', base64: xlsx.subarray(0, xlsx.length / 2).toString('base64') },
      { fileName: 'old.xls', base64: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).toString('base64') },
      { fileName: 'renamed.csv', base64: xlsx.toString('base64') },
    ]
    for (const source of bad) {
      const error = await client.call('import.preview', { source }).catch((e: unknown) => e)
      expect(error, source.fileName).toMatchObject({
        code: 'IMPORT_UNREADABLE',
        message: expect.stringMatching(/[ぁ-んァ-ヶ一-龠]/),
      })
    }
    expect(snapshot(context.handle.sqlite)).toEqual(before)
  })

  it('rows with errors are never written, ragged rows and very long cells are handled', async () => {
    const { client } = await freshBackend()
    const long = 'あ'.repeat(200_000)
    const text = `氏名,メール,備考\n正しい 人,ok@example.jp,${long}\n,no-name@example.jp\n誤り 人,abc\n短い行\n`
    const preview = await client.call('import.preview', { source: { fileName: 'mixed.csv', text } })
    expect(preview.counts).toMatchObject({ rows: 4, ok: 1, errors: 3 })
    // A cell longer than the app takes (備考 5,000 characters) is an error on its cell, as in the form.
    expect(preview.rows[0]!.issues).toContainEqual({
      column: 2,
      severity: 'error',
      message: '備考は5,000文字以内にしてください（200,000文字あります）',
    })
    const result = await client.call('import.commit', { previewId: preview.previewId, onDuplicate: 'skip' })
    expect(result).toMatchObject({ created: 1, errors: 3 })
    expect((await client.call('contacts.list', {})).total).toBe(1)
  })
})

describe('family members', () => {
  it('someone on a stored person’s landline under another name is registered, not merged, unless chosen', async () => {
    const { client, context } = await freshBackend()
    const stored = await client.call('contacts.create', {
      fields: { familyName: '見本', givenName: '太郎', familyKana: 'ミホン', givenKana: 'タロウ', phone: '0855-22-1234' },
    })
    const text = '氏名,フリガナ,電話,生年月日\n見本 花子,ミホン ハナコ,0855-22-1234,1990-05-05\n'
    const preview = await client.call('import.preview', { source: { fileName: 'family.csv', text } })
    const rows = await client.call('import.previewRows', { previewId: preview.previewId, filter: 'duplicates' })
    expect(rows.rows[0]!.duplicates[0]).toMatchObject({ contactId: stored.id, otherName: true })
    // The screen's bulk choice is merge: she is still registered as herself.
    expect(await client.call('import.commit', { previewId: preview.previewId, onDuplicate: 'merge' })).toMatchObject({
      created: 1,
      merged: 0,
    })
    const taro = context.handle.sqlite.prepare(`SELECT birth_date FROM contacts WHERE id = ?`).get(stored.id)
    expect(taro).toEqual({ birth_date: null }) // his blank is not filled with her birth date
    // Chosen on the row, the merge still happens.
    const again = await client.call('import.preview', { source: { fileName: 'family.csv', text } })
    const result = await client.call('import.commit', {
      previewId: again.previewId,
      onDuplicate: 'merge',
      decisions: { '0': { action: 'merge', targetId: stored.id } },
    })
    expect(result).toMatchObject({ created: 0, merged: 1 })
  })
})

describe('people with a family name only', () => {
  it('「林」 alone, or a sheet with only a 姓 column, is registered with a blank 名 (not refused at commit)', async () => {
    const { client, context } = await freshBackend()
    for (const text of ['氏名,メール\n林,hayashi@example.jp\n', '姓,メール\n森,mori@example.jp\n']) {
      const preview = await client.call('import.preview', { source: { fileName: 'family-only.csv', text } })
      expect(preview.counts).toMatchObject({ rows: 1, ok: 1, errors: 0 })
      expect(await client.call('import.commit', { previewId: preview.previewId })).toMatchObject({ created: 1 })
    }
    const names = context.handle.sqlite.prepare(`SELECT family_name, given_name FROM contacts ORDER BY email`).all()
    expect(names).toEqual([
      { family_name: '林', given_name: '' },
      { family_name: '森', given_name: '' },
    ])
    // A later list that has the 名 fills the blank one, as any blank is filled.
    const later = await client.call('import.preview', {
      source: { fileName: 'later.csv', text: '氏名,メール\n林 一郎,hayashi@example.jp\n' },
    })
    expect(await client.call('import.commit', { previewId: later.previewId, onDuplicate: 'merge' })).toMatchObject({
      merged: 1,
    })
    expect(await byEmail(client, 'hayashi@example.jp')).toMatchObject({ familyName: '林', givenName: '一郎' })
  })
})

describe('duplicate candidate lookup', () => {
  it('probes the expression indexes of migration 0004, never scanning all people', async () => {
    const { context } = await freshBackend()
    const { sqlite } = context.handle
    const { candidateProbeSql } = await import('../../electron/backend/db/repos/importRepo')
    const expected = {
      email: 'contacts_email_lower',
      phone: 'contacts_phone_digits',
      name: 'contacts_name_key',
      kana: 'contacts_kana_key',
      kanaReversed: 'contacts_kana_key',
      nameReversed: 'contacts_name_key',
    } as const
    for (const [key, index] of Object.entries(expected)) {
      const plan = (
        sqlite.prepare(`EXPLAIN QUERY PLAN ${candidateProbeSql(key as keyof typeof expected)}`).all('x') as { detail: string }[]
      )
        .map((r) => r.detail)
        .join('\n')
      expect(plan).toContain(index)
      expect(plan).not.toMatch(/SCAN contacts(?! USING)/)
    }
  })

  it('stamps a preview with the people as they are without reading every row', async () => {
    const { context } = await freshBackend()
    const { peopleFingerprintSql } = await import('../../electron/backend/db/repos/importRepo')
    const plan = (context.handle.sqlite.prepare(`EXPLAIN QUERY PLAN ${peopleFingerprintSql}`).all() as { detail: string }[])
      .map((r) => r.detail)
      .join('\n')
    expect(plan).toContain('contacts_sort_updated_at')
    expect(plan).not.toMatch(/SCAN contacts(?! USING)/)
  })

  it('probes each distinct key once and reads each person once for a whole file', async () => {
    const { client, context } = await freshBackend()
    const made = await client.call('contacts.create', {
      fields: { familyName: '試験', givenName: '花子', familyKana: 'シケン', givenKana: 'ハナコ' },
    })
    const { sqlite } = context.handle
    const { candidateFinder } = await import('../../electron/backend/db/repos/importRepo')
    const find = candidateFinder(sqlite)
    const keys = {
      email: null,
      phone: null,
      name: '試験花子',
      kana: 'シケンハナコ',
      kanaReversed: 'ハナコシケン',
      nameReversed: '花子試験',
    }
    const first = find(keys)
    expect(first.map((c) => c.id)).toEqual([made.id])
    // The next row with the same name is answered from memory (the same object, no new probe):
    // a change made behind the finder's back is not seen by it, but is by a new finder.
    sqlite.prepare(`UPDATE contacts SET given_name = '桜子' WHERE id = ?`).run(made.id)
    expect(find(keys)[0]).toBe(first[0])
    expect(find(keys)[0]!.givenName).toBe('花子')
    expect(candidateFinder(sqlite)(keys)[0]!.givenName).toBe('桜子')
    expect(candidateFinder(sqlite)({ ...keys, kana: null, kanaReversed: null, nameReversed: null })).toEqual([])
  })

  it('a big file scans the people once and finds exactly what the index probes find', async () => {
    const { client, context } = await freshBackend()
    const families = [
      ['試験', 'シケン'],
      ['見本', 'ミホン'],
    ] as const
    const givens = [
      ['花子', 'ハナコ'],
      ['太郎', 'タロウ'],
      ['桜', null],
    ] as const
    const ids: string[] = []
    for (let i = 0; i < 90; i++) {
      const [familyName, familyKana] = families[i % 2]!
      const [givenName, givenKana] = givens[i % 3]!
      const made = await client.call('contacts.create', {
        fields: {
          familyName,
          givenName,
          familyKana,
          givenKana,
          email: i % 4 === 0 ? `Person${i % 8}@Example.jp` : null,
          phone: i % 5 === 0 ? `090-0000-${String(i % 10).padStart(4, '0')}` : null,
        },
      })
      ids.push(made.id)
    }
    await client.call('contacts.delete', { ids: ids.filter((_, i) => i % 7 === 0) })
    for (let i = 0; i < 30; i++)
      await client.call('contacts.create', {
        fields: { familyName: '山田', givenName: '一郎', familyKana: 'ヤマダ', givenKana: 'イチロウ' },
      })
    const { sqlite } = context.handle
    const { candidateFinder, SCAN_FROM_ROWS } = await import('../../electron/backend/db/repos/importRepo')
    const probe = candidateFinder(sqlite, { rows: 1 })
    const scan = candidateFinder(sqlite, { rows: SCAN_FROM_ROWS })
    const keySets = [
      ...families.flatMap(([f, fk]) =>
        givens.map(([g, gk]) => ({
          email: null,
          phone: null,
          name: f + g,
          kana: gk ? fk + gk : fk,
          kanaReversed: gk ? gk + fk : null,
          nameReversed: g + f,
        })),
      ),
      ...Array.from({ length: 8 }, (_, i) => ({
        email: `person${i}@example.jp`,
        phone: null,
        name: null,
        kana: null,
        kanaReversed: null,
        nameReversed: null,
      })),
      ...Array.from({ length: 10 }, (_, i) => ({
        email: null,
        phone: `09000000${String(i).padStart(3, '0')}`.slice(0, 11),
        name: null,
        kana: null,
        kanaReversed: null,
        nameReversed: null,
      })),
      { email: 'nobody@example.jp', phone: '0000', name: '不在', kana: 'フザイ', kanaReversed: null, nameReversed: null },
      {
        email: null,
        phone: null,
        name: '山田一郎',
        kana: 'ヤマダイチロウ',
        kanaReversed: 'イチロウヤマダ',
        nameReversed: '一郎山田',
      },
      // Only a swapped name: it finds the people stored the right way round, probed or scanned.
      { email: null, phone: null, name: null, kana: null, kanaReversed: null, nameReversed: '山田一郎' },
    ]
    let nonEmpty = 0
    for (const keys of keySets) {
      const probed = probe(keys)
        .map((c) => c.id)
        .sort()
      expect(
        scan(keys)
          .map((c) => c.id)
          .sort(),
      ).toEqual(probed)
      if (probed.length > 0) nonEmpty++
      // At most 25 people per key; never a deleted person.
      expect(probed.length).toBeLessThanOrEqual(25 * 5)
      for (const id of probed) expect(ids.indexOf(id) % 7).not.toBe(0)
    }
    expect(nonEmpty).toBeGreaterThan(10)
    // A name and reading shared by 30 people: the same first 25 either way.
    expect(probe(keySets.at(-1)!).length).toBe(25)
  })

  it('new people are written last, complete and in reading order; each one’s history reads created, then merged', async () => {
    const { client, context } = await freshBackend()
    const { sqlite } = context.handle
    const text = [
      '氏名,フリガナ,メールアドレス,職業',
      '例示 和子,レイジ カズコ,,', // created…
      '試験 一郎,シケン イチロウ,,',
      '青木 見本,アオキ ミホン,,',
      '例示 和子,レイジ カズコ,kazuko.reiji@example.jp,会社員', // …and completed by a later row
    ].join('\n')
    const preview = await client.call('import.preview', { source: { fileName: 'paste.txt', text } })
    const result = await client.call('import.commit', { previewId: preview.previewId, onDuplicate: 'merge' })
    expect(result).toMatchObject({ created: 3, merged: 1 })

    const written = sqlite.prepare('SELECT id, family_kana, email, occupation FROM contacts ORDER BY rowid').all() as {
      id: string
      family_kana: string
      email: string | null
      occupation: string | null
    }[]
    expect(written.map((p) => p.family_kana)).toEqual(['アオキ', 'シケン', 'レイジ'])
    const kazuko = written[2]!
    expect(kazuko).toMatchObject({ email: 'kazuko.reiji@example.jp', occupation: '会社員' })
    // Ids are taken in the same order (every sort index ends with the id).
    expect([...written].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(written)
    const trail = await client.call('audit.list', { entity: 'contact', entityId: kazuko.id, limit: 10 })
    expect(trail.rows.map((r) => r.action)).toEqual(['merge', 'import']) // newest first
    expect(await client.call('contacts.list', { search: 'kazuko.reiji' })).toMatchObject({ total: 1 })
    const items = sqlite.prepare('SELECT action FROM import_batch_items WHERE batch_id = ?').pluck().all(result.batchId)
    expect(items).toEqual(['created', 'created', 'created'])

    await client.call('import.undo', { batchId: result.batchId })
    expect(sqlite.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(0)
  })

  it('the search index is filled in bulk: new and merged people are found, the triggers are back on', async () => {
    const { client, context } = await freshBackend()
    const { sqlite } = context.handle
    const existing = await client.call('contacts.create', {
      fields: { familyName: '見本', givenName: '一郎', familyKana: 'ミホン', givenKana: 'イチロウ' },
    })
    const text = [
      '氏名,フリガナ,メールアドレス,電話番号',
      '見本 一郎,ミホン イチロウ,ichiro.mihon@example.jp,', // fills the blank e-mail of the stored person
      '試験 花子,シケン ハナコ,hanako.shiken@example.jp,',
      '例示 次郎,レイジ ジロウ,,',
      '例示 次郎,レイジ ジロウ,jiro.reiji@example.jp,', // merged into the row above, created by this import
      '見本 一郎,ミホン イチロウ,,090-0000-1234', // the stored person again: their blank phone
    ].join('\n')
    const preview = await client.call('import.preview', { source: { fileName: 'paste.txt', text } })
    const result = await client.call('import.commit', { previewId: preview.previewId, onDuplicate: 'merge' })
    expect(result).toMatchObject({ created: 2, merged: 3 })
    const found = async (search: string) => (await client.call('contacts.list', { search })).rows.map((r) => r.id)
    expect(await found('ichiro.mihon@example.jp')).toEqual([existing.id])
    expect(await found('ミホンイチロウ')).toEqual([existing.id])
    const [hanako] = await found('しけんはなこ')
    expect(hanako).toBeDefined()
    expect(await found('hanako.shiken')).toEqual([hanako])
    const jiro = await found('れいじじろう')
    expect(jiro).toHaveLength(1)
    expect(await found('jiro.reiji@example.jp')).toEqual(jiro)
    // Exactly one index entry per person, and the switch is off again for everyone else's writes.
    expect(sqlite.prepare('SELECT deferred FROM search_index_mode').pluck().get()).toBe(0)
    expect(sqlite.prepare('SELECT count(*) FROM contact_search_keys').pluck().get()).toBe(3)
    const later = await client.call('contacts.create', {
      fields: { familyName: '後日', givenName: '三郎', familyKana: 'ゴジツ', givenKana: 'サブロウ' },
    })
    expect(await found('ごじつさぶろう')).toEqual([later.id])

    // Undo: both merges into the stored person are taken back, the new people are gone.
    await client.call('import.undo', { batchId: result.batchId })
    expect(await client.call('contacts.get', { id: existing.id })).toMatchObject({ email: null, phone: null })
    expect(await found('ichiro.mihon@example.jp')).toEqual([])
    expect(await found('しけんはなこ')).toEqual([])
    expect(await found('ミホンイチロウ')).toEqual([existing.id])
  })

  it("a file chosen in the desktop app's dialog is read by id; other ids read nothing", async () => {
    const grants = new Map([
      ['11111111-1111-4111-8111-111111111111', { path: fixture('excel-cp932-title-rows.csv'), access: 'read' as const }],
      ['22222222-2222-4222-8222-222222222222', { path: fixture('google-forms-utf8.csv'), access: 'write' as const }],
      ['33333333-3333-4333-8333-333333333333', { path: fixture('moved-away.csv'), access: 'read' as const }],
    ])
    // A 61 MB file (sparse: nothing is written): refused before it is read.
    const big = path.join(tempDir(), 'granted-big.csv')
    fs.writeFileSync(big, '')
    fs.truncateSync(big, 61 * 1024 * 1024)
    grants.set('55555555-5555-4555-8555-555555555555', { path: big, access: 'read' as const })
    const { client } = await freshBackend({ files: grants })
    const preview = await client.call('import.preview', { source: { fileId: '11111111-1111-4111-8111-111111111111' } })
    expect(preview).toMatchObject({ fileName: 'excel-cp932-title-rows.csv', encoding: 'cp932', counts: { rows: 4, ok: 4 } })
    const refused = async (fileId: string) =>
      client.call('import.preview', { source: { fileId } }).then(
        () => null,
        (e: { code: string; message: string }) => e,
      )
    // Unknown, or granted for saving only: nothing is read.
    expect(await refused('44444444-4444-4444-8444-444444444444')).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('もう一度ファイルを選んで'),
    })
    expect(await refused('22222222-2222-4222-8222-222222222222')).toMatchObject({ code: 'NOT_FOUND' })
    expect(await refused('33333333-3333-4333-8333-333333333333')).toMatchObject({
      code: 'IMPORT_UNREADABLE',
      message: expect.stringContaining('moved-away.csv'),
    })
    expect(await refused('not-an-id')).toMatchObject({ code: 'INVALID_ARGS' })
    expect(await refused('55555555-5555-4555-8555-555555555555')).toMatchObject({
      code: 'IMPORT_UNREADABLE',
      message: expect.stringContaining('60MB'),
    })
    // The browser door and the CLI have no dialog: an id reads nothing there either.
    const plain = await freshBackend()
    await expect(
      plain.client.call('import.preview', { source: { fileId: '11111111-1111-4111-8111-111111111111' } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('a row found by e-mail or phone is that person: its namesakes are not offered beside it', async () => {
    const { client } = await freshBackend()
    const make = (email: string | null) =>
      client.call('contacts.create', {
        fields: { familyName: '見本', givenName: '花子', familyKana: 'ミホン', givenKana: 'ハナコ', email },
      })
    const known = await make('hanako.mihon@example.jp')
    const namesakes = [await make(null), await make(null)]
    const text = [
      '氏名,フリガナ,メールアドレス',
      '見本 花子,ミホン ハナコ,hanako.mihon@example.jp',
      '見本 花子,ミホン ハナコ,',
    ].join('\n')
    const preview = await client.call('import.preview', { source: { fileName: 'list.txt', text } })
    const [byEmail, byName] = preview.rows
    expect(byEmail!.duplicates.map((d) => d.contactId)).toEqual([known.id])
    expect(byEmail!.duplicates[0]).toMatchObject({ score: 100 })
    // Without a contact detail, every namesake is a candidate (and the first row of the file too).
    expect(new Set(byName!.duplicates.map((d) => d.contactId ?? `row${d.row}`))).toEqual(
      new Set([known.id, ...namesakes.map((n) => n.id), 'row0']),
    )
  })

  it('a merge writes only the columns it changes (each named column rewrites its indexes)', async () => {
    const { client, context } = await freshBackend()
    const { sqlite } = context.handle
    const stored = await client.call('contacts.create', { fields: mihonHanako })
    const prepared: string[] = []
    const prepare = sqlite.prepare.bind(sqlite)
    const spy = vi
      .spyOn(sqlite, 'prepare')
      .mockImplementation(((source: string) => (prepared.push(source), prepare(source))) as never)
    const text = ['氏名,メールアドレス,職業,所属', '見本 花子,hanako.mihon@example.jp,会社員,'].join('\n')
    const preview = await client.call('import.preview', { source: { fileName: 'list.txt', text } })
    await client.call('import.commit', { previewId: preview.previewId, onDuplicate: 'merge' })
    spy.mockRestore()
    expect(prepared.filter((sql) => sql.startsWith('UPDATE contacts'))).toEqual([
      'UPDATE contacts SET occupation = ?, updated_at = ? WHERE id = ?',
    ])
    expect(await client.call('contacts.get', { id: stored.id })).toMatchObject({
      occupation: '会社員',
      email: 'hanako.mihon@example.jp',
    })
  })

  it('a row whose best match is an earlier row merged into a stored person goes to that person too', async () => {
    const { client } = await freshBackend()
    const stored = await client.call('contacts.create', { fields: mihonHanako })
    // Row 2 has no e-mail: it matches the stored person only by name (75) but row 1 by name,
    // reading and birth date (95), so its best match is row 1 — which was merged, not created.
    const text = [
      '氏名,フリガナ,メールアドレス,生年月日,職業',
      '見本 花子,ミホン ハナコ,hanako.mihon@example.jp,1990-05-05,',
      '見本 花子,ミホン ハナコ,,1990-05-05,会社員',
    ].join('\n')
    const preview = await client.call('import.preview', { source: { fileName: 'list.txt', text } })
    expect(preview.rows[1]!.duplicates[0]).toMatchObject({ row: 0 })
    const result = await client.call('import.commit', { previewId: preview.previewId, onDuplicate: 'merge' })
    expect(result).toMatchObject({ created: 0, merged: 2 })
    expect(await client.call('contacts.get', { id: stored.id })).toMatchObject({ birthDate: '1990-05-05', occupation: '会社員' })
    expect((await client.call('contacts.list', {})).total).toBe(1)
  })
})
