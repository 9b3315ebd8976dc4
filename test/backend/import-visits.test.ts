import { randomUUID } from 'node:crypto'
import type { Database as Sqlite } from 'better-sqlite3'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import type { Client } from '../../shared/contract/client'
import { checksums, count, upload } from './importKindsHelpers'
import { freshBackend } from './tempDb'

/** The fixture list of people (浜田 一郎 and three others), registered as an earlier import. */
async function withPeople() {
  const backend = await freshBackend()
  const people = await backend.client.call('import.preview', { source: upload('excel-cp932-title-rows.csv') })
  await backend.client.call('import.commit', { previewId: people.previewId })
  return backend
}

const programsOf = (sqlite: Sqlite) => sqlite.prepare(`SELECT fiscal_year FROM programs`).all()
const personBy = (sqlite: Sqlite, where: string, value: string) =>
  sqlite.prepare(`SELECT * FROM contacts WHERE ${where} = ?`).all(value) as Record<string, unknown>[]
const visitsOf = (sqlite: Sqlite, contactId: unknown) =>
  sqlite
    .prepare(
      `SELECT program_id, session_id, visit_date, mode, municipality_code, nights, purpose, notes FROM visits WHERE contact_id = ? ORDER BY visit_date`,
    )
    .all(contactId)

describe('importing a sign-in sheet of visits', () => {
  it('reads the Excel CP932 sheet, links a known person, creates a new person once, and undo restores every table', async () => {
    const { client, context } = await withPeople()
    const sqlite = context.handle.sqlite
    const before = checksums(sqlite)
    const hamada = personBy(sqlite, 'email', 'ichiro.hamada@example.jp')[0]!

    const preview = await client.call('import.preview', { source: upload('signin-visits-cp932.csv'), kind: 'visits' })
    expect(preview).toMatchObject({
      kind: 'visits',
      encoding: 'cp932',
      headerRow: 2,
      mapping: ['visitDate', 'fullName', 'fullKana', 'affiliation', 'contactInfo', 'visitMode'],
      counts: { rows: 6, ok: 4, errors: 2 },
    })
    expect(preview.fields).toContain('visitDate')
    expect(preview.fields).not.toContain('programName')
    // The known person is proposed by e-mail; the second 粟島 row points at the first.
    expect(preview.rows[0]!.duplicates[0]).toMatchObject({ contactId: hamada.id, score: 100 })
    expect(preview.rows[3]!.duplicates[0]).toMatchObject({ row: 1 })
    expect(preview.rows[4]!.issues).toEqual([{ column: 1, severity: 'error', message: '氏名がありません' }])
    expect(preview.rows[5]!.issues[0]).toMatchObject({ column: 0, severity: 'error' })
    expect(preview.rows[5]!.issues[0]!.message).toContain('存在しない日付')

    const result = await client.call('import.commit', { previewId: preview.previewId })
    expect(result).toMatchObject({
      created: 2,
      merged: 0,
      skipped: 0,
      errors: 2,
      kindCounts: { visitsCreated: 4, alreadyAttended: 0, programsCreated: 0, sessionsCreated: 0 },
    })

    // The known person: one visit, and their own record untouched (no merge was asked for).
    expect(visitsOf(sqlite, hamada.id)).toEqual([
      {
        program_id: null,
        session_id: null,
        visit_date: '2024-06-01',
        mode: 'onsite',
        municipality_code: null,
        nights: 0,
        purpose: null,
        notes: null,
      },
    ])
    expect(personBy(sqlite, 'id', hamada.id as string)[0]).toEqual(hamada)

    // The new person who came twice: registered once, with both visits (和暦 with a weekday read).
    const kaito = personBy(sqlite, 'family_name', '粟島').filter((p) => p.given_name === '海斗')
    expect(kaito).toHaveLength(1)
    expect(kaito[0]).toMatchObject({
      family_name: '粟島',
      given_name: '海斗',
      family_kana: 'アワシマ',
      given_kana: 'カイト',
      phone: '090-1111-2222',
      email: null,
      affiliation: '新潟大学',
      stage: 'tsukamu',
    })
    expect(visitsOf(sqlite, kaito[0]!.id).map((v) => (v as { visit_date: string; mode: string }).visit_date)).toEqual([
      '2024-06-01',
      '2024-07-06',
    ])
    const sado = personBy(sqlite, 'email', 'minami.sado@example.com')
    expect(sado).toHaveLength(1)
    expect(sado[0]).toMatchObject({
      family_name: '佐渡',
      given_name: 'みなみ',
      family_kana: 'サド',
      given_kana: 'ミナミ',
      phone: null,
    })
    expect(visitsOf(sqlite, sado[0]!.id)).toMatchObject([{ visit_date: '2024-06-01', mode: 'online', nights: 0 }])
    // Error rows wrote nothing: 村上 is not registered.
    expect(personBy(sqlite, 'email', 'taichi.murakami@example.jp')).toHaveLength(0)

    const batches = await client.call('import.batches', {})
    expect(batches[0]).toMatchObject({ kind: 'visits', fileName: 'signin-visits-cp932.csv', counts: { visitsCreated: 4 } })
    expect(await client.call('import.undo', { batchId: result.batchId })).toEqual({
      removed: 2,
      reverted: 0,
      kindRemoved: { visits: 4, sessions: 0, programs: 0 },
    })
    expect(checksums(sqlite)).toEqual(before)
    await expect(client.call('import.undo', { batchId: result.batchId })).rejects.toMatchObject({ code: 'CONFLICT' })
  })

  it('merges the known person on request, and undo reverts the merge', async () => {
    const { client, context } = await withPeople()
    const sqlite = context.handle.sqlite
    const before = checksums(sqlite, ['updated_at'])
    const preview = await client.call('import.preview', { source: upload('signin-visits-cp932.csv'), kind: 'visits' })
    const result = await client.call('import.commit', { previewId: preview.previewId, onDuplicate: 'merge' })
    // 浜田 is merged (his blank 所属 filled); the second 粟島 row is the same new person, merged into
    // the first: he is counted as registered, not also as a registered person whose blanks were filled.
    expect(result).toMatchObject({ created: 2, merged: 1, kindCounts: { visitsCreated: 4 } })
    expect(personBy(sqlite, 'email', 'ichiro.hamada@example.jp')[0]).toMatchObject({ affiliation: '浜田市役所' })
    expect(await client.call('import.undo', { batchId: result.batchId })).toMatchObject({ reverted: 1 })
    expect(personBy(sqlite, 'email', 'ichiro.hamada@example.jp')[0]).toMatchObject({ affiliation: null })
    expect(checksums(sqlite, ['updated_at'])).toEqual(before)
  })

  it('a regular on several rows is merged once per new detail; undo takes every merge back', async () => {
    const { client, context } = await withPeople()
    const sqlite = context.handle.sqlite
    const before = checksums(sqlite, ['updated_at'])
    const hamada = personBy(sqlite, 'email', 'ichiro.hamada@example.jp')[0]!
    expect(hamada).toMatchObject({ affiliation: null, occupation: null })
    const sheet = [
      '日付\t氏名\tメール\t所属\t職業\t電話',
      '2024/6/1\t浜田 一郎\tichiro.hamada@example.jp\t浜田市役所\t\t',
      '2024/6/8\t浜田 一郎\tichiro.hamada@example.jp\t\t公務員\t',
      '2024/6/1\t見本 花子\thanako.mihon@example.jp\t\t\t',
      '2024/6/8\t見本 花子\thanako.mihon@example.jp\t\t\t090-0000-5678',
    ].join('\n')
    const preview = await client.call('import.preview', { source: { fileName: '出席.tsv', text: sheet }, kind: 'visits' })
    const result = await client.call('import.commit', { previewId: preview.previewId, onDuplicate: 'merge' })
    // merged counts people whose blanks were filled: 浜田 once for his two rows; 見本 is new.
    expect(result).toMatchObject({ created: 1, merged: 1, kindCounts: { visitsCreated: 4 } })
    expect(personBy(sqlite, 'email', 'ichiro.hamada@example.jp')[0]).toMatchObject({
      affiliation: '浜田市役所',
      occupation: '公務員',
    })
    expect(personBy(sqlite, 'email', 'hanako.mihon@example.jp')[0]).toMatchObject({ phone: '090-0000-5678' })
    expect(await client.call('import.undo', { batchId: result.batchId })).toMatchObject({ reverted: 1 })
    expect(personBy(sqlite, 'email', 'ichiro.hamada@example.jp')[0]).toMatchObject({ affiliation: null, occupation: null })
    expect(personBy(sqlite, 'email', 'hanako.mihon@example.jp')).toEqual([])
    expect(checksums(sqlite, ['updated_at'])).toEqual(before)
  })

  it('a sheet of only 氏名・日付 fills no one: 情報を補った人 is 0 when a registered person is matched', async () => {
    const { client, context } = await withPeople()
    const sqlite = context.handle.sqlite
    const hamada = personBy(sqlite, 'email', 'ichiro.hamada@example.jp')[0]!
    const sheet = ['氏名\t日付\tイベント名', '浜田 一郎\t2024/7/20\t島まつり', '浜田 一郎\t2024/7/21\t海岸清掃'].join('\n')
    const preview = await client.call('import.preview', { source: { fileName: '受付.tsv', text: sheet }, kind: 'visits' })
    expect(preview.rows[0]!.duplicates[0]).toMatchObject({ contactId: hamada.id })
    const result = await client.call('import.commit', { previewId: preview.previewId, onDuplicate: 'merge' })
    expect(result).toMatchObject({ created: 0, merged: 0, kindCounts: { visitsCreated: 2 } })
    expect(personBy(sqlite, 'email', 'ichiro.hamada@example.jp')[0]).toEqual(hamada)
    const batches = await client.call('import.batches', {})
    expect(batches[0]).toMatchObject({ counts: { merged: 0, visitsCreated: 2 } })
  })

  it('a person deleted after the preview gets no visit: the commit is refused and writes nothing', async () => {
    const { client, context } = await withPeople()
    const sqlite = context.handle.sqlite
    const hamada = personBy(sqlite, 'email', 'ichiro.hamada@example.jp')[0]!
    const preview = await client.call('import.preview', { source: upload('signin-visits-cp932.csv'), kind: 'visits' })
    await client.call('contacts.delete', { ids: [hamada.id as string] })
    const before = checksums(sqlite)
    const refusal = await client.call('import.commit', { previewId: preview.previewId }).then(
      () => null,
      (e: { code: string; message: string }) => e,
    )
    expect(refusal).toMatchObject({
      code: 'CONFLICT',
      message:
        '確認画面を開いた後に参加者の登録・編集・削除がありました。重複を正しく確かめるため、もう一度ファイルを読み込んでください。',
    })
    expect(checksums(sqlite)).toEqual(before)
  })

  it('a row can be skipped, or its person registered anew', async () => {
    const { client, context } = await withPeople()
    const sqlite = context.handle.sqlite
    const preview = await client.call('import.preview', { source: upload('signin-visits-cp932.csv'), kind: 'visits' })
    const result = await client.call('import.commit', {
      previewId: preview.previewId,
      decisions: { '0': { action: 'new' }, '2': { action: 'skip' } },
    })
    expect(result).toMatchObject({ created: 2, skipped: 1, kindCounts: { visitsCreated: 3 } })
    expect(personBy(sqlite, 'email', 'ichiro.hamada@example.jp')).toHaveLength(2)
    expect(personBy(sqlite, 'email', 'minami.sado@example.com')).toHaveLength(0)
  })
})

describe('a preview read before people changed', () => {
  it('is refused, so an anonymized person is not given back their details nor a person added twice', async () => {
    for (const change of ['anonymize', 'add', 'edit'] as const) {
      const { client, context } = await freshBackend()
      const sqlite = context.handle.sqlite
      const stored = await client.call('contacts.create', {
        fields: { familyName: '浜田', givenName: '一郎', email: 'ichiro@example.jp' },
      })
      const text = '氏名,メールアドレス,電話番号\n浜田 一郎,ichiro@example.jp,090-1111-2222\n浜田 花子,hanako@example.jp,\n'
      const preview = await client.call('import.preview', { source: { fileName: 'people.csv', text } })
      if (change === 'anonymize') await client.call('privacy.anonymize', { contactId: stored.id })
      else if (change === 'add')
        await client.call('contacts.create', { fields: { familyName: '浜田', givenName: '花子', email: 'hanako@example.jp' } })
      else await client.call('contacts.update', { id: stored.id, patch: { phone: '090-3333-4444' } })
      const before = checksums(sqlite)
      const refusal = await client.call('import.commit', { previewId: preview.previewId, onDuplicate: 'merge' }).then(
        () => null,
        (e: { code: string; message: string }) => e,
      )
      expect(refusal).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('参加者の登録・編集・削除がありました'),
      })
      expect(checksums(sqlite)).toEqual(before)
    }
  })
})

describe('the program or session a sheet names', () => {
  const sheet = '日付\t氏名\tメールアドレス\t事業名\t回\n2024/6/8\t粟島 海斗\tkaito@example.jp\t海ごみ拾い\t第1回\n'
  const refusalOf = (client: Client, previewId: string) =>
    client.call('import.commit', { previewId }).then(
      () => null,
      (e: { code: string; message: string }) => e,
    )

  it('deleted after the preview: the commit is refused in Japanese and writes nothing', async () => {
    for (const remove of ['session', 'program'] as const) {
      const { client, context } = await freshBackend()
      const sqlite = context.handle.sqlite
      const program = await client.call('programs.create', {
        fields: { name: '海ごみ拾い', category: 'event', startDate: '2024-06-08', municipalityCodes: [] },
      })
      const session = await client.call('sessions.create', {
        programId: program.id,
        fields: { date: '2024-06-08', startTime: '13:00', mode: 'onsite' },
      })
      const preview = await client.call('import.preview', { source: { fileName: 'signin.tsv', text: sheet }, kind: 'visits' })
      expect(preview.rows[0]!.visit).toMatchObject({ target: 'attendance' })
      if (remove === 'session') await client.call('sessions.delete', { id: session.id })
      else await client.call('programs.delete', { id: program.id })
      const before = checksums(sqlite)
      expect(await refusalOf(client, preview.previewId)).toMatchObject({
        code: 'NOT_FOUND',
        message:
          remove === 'session'
            ? '2行目のプログラム「海ごみ拾い」の開催回が見つかりません（確認画面を開いた後に削除された可能性があります）。もう一度ファイルを読み込んでください。'
            : expect.stringContaining('2行目のプログラム「海ごみ拾い」が見つかりません'),
      })
      expect(checksums(sqlite)).toEqual(before)
    }
  })

  it('a visit recorded before its session was registered is not counted again when the sheet is imported again', async () => {
    const { client, context } = await freshBackend()
    const sqlite = context.handle.sqlite
    const program = await client.call('programs.create', {
      fields: { name: '海ごみ拾い', category: 'event', startDate: '2024-06-08', municipalityCodes: [] },
    })
    const text = '日付\t氏名\tメールアドレス\t事業名\n2024/6/8\t粟島 海斗\tkaito@example.jp\t海ごみ拾い\n'
    const importSheet = async () => {
      const preview = await client.call('import.preview', { source: { fileName: 'signin.tsv', text }, kind: 'visits' })
      return client.call('import.commit', { previewId: preview.previewId, onDuplicate: 'skip' })
    }
    expect((await importSheet()).kindCounts).toMatchObject({ visitsCreated: 1 })
    await client.call('sessions.create', {
      programId: program.id,
      fields: { date: '2024-06-08', startTime: '13:00', mode: 'onsite' },
    })
    expect((await importSheet()).kindCounts).toMatchObject({ visitsCreated: 0, alreadyAttended: 1 })
    expect(count(sqlite, 'visits')).toBe(1)
  })
})

describe('a program whose sessions run past 4月1日', () => {
  it('a visit on a day of its session or within its dates in the next 年度 is linked to it', async () => {
    const { client, context } = await freshBackend()
    const sqlite = context.handle.sqlite
    const program = await client.call('programs.create', {
      fields: { name: '冬の移住体験', category: 'course', startDate: '2025-01-10', endDate: '2025-04-30', municipalityCodes: [] },
    })
    expect(programsOf(sqlite)).toEqual([{ fiscal_year: 2024 }])
    const april = await client.call('sessions.create', {
      programId: program.id,
      fields: { date: '2025-04-12', startTime: '10:00', mode: 'onsite' },
    })
    const text = [
      '日付\t氏名\tメールアドレス\t事業名',
      '2025/4/12\t林 太郎\th@example.jp\t冬の移住体験',
      '2025/4/20\t林 太郎\th@example.jp\t冬の移住体験',
      '2025/5/10\t林 太郎\th@example.jp\t冬の移住体験',
    ].join('\n')
    const preview = await client.call('import.preview', { source: { fileName: 'signin.tsv', text }, kind: 'visits' })
    expect(preview.rows.map((r) => [r.visit?.target, r.visit?.programId, r.visit?.sessionId])).toEqual([
      ['attendance', program.id, april.id],
      ['program', program.id, null],
      ['visit', null, null],
    ])
    expect(preview.rows.map((r) => r.issues.map((i) => i.message))).toEqual([
      [],
      ['「冬の移住体験」に2025-04-20の回がありません。回を指定せずにプログラムへの参加として取り込みます'],
      [
        '令和7年度（2025年度）の「冬の移住体験」は登録されていません。プログラムに結び付けない訪問記録として取り込みます。プログラムへの参加として記録するには、取り込む前に「プログラム」画面でこの年度に登録してから、ファイルを読み込み直してください',
      ],
    ])
    await client.call('import.commit', { previewId: preview.previewId })
    expect(sqlite.prepare(`SELECT program_id, session_id FROM visits ORDER BY visit_date`).all()).toEqual([
      { program_id: program.id, session_id: april.id },
      { program_id: program.id, session_id: null },
      { program_id: null, session_id: null },
    ])
  })
})

describe('a sheet imported before its program was registered', () => {
  it('imported again once the program is there: its visits are already recorded, not added linked a second time', async () => {
    const { client, context } = await freshBackend()
    const sqlite = context.handle.sqlite
    // 6/8 gets a session from the program list; 6/9 is a day of the program with no session.
    const text =
      '日付\t氏名\tメールアドレス\t事業名\n2024/6/8\t林 太郎\th@example.jp\tしまコト\n2024/6/9\t林 太郎\th@example.jp\tしまコト\n'
    const importSheet = async () => {
      const preview = await client.call('import.preview', { source: { fileName: 'signin.tsv', text }, kind: 'visits' })
      return { preview, result: await client.call('import.commit', { previewId: preview.previewId }) }
    }
    const first = await importSheet()
    expect(first.preview.rows.map((r) => r.visit?.target)).toEqual(['visit', 'visit'])
    expect(first.result.kindCounts).toMatchObject({ visitsCreated: 2 })
    const programs = await client.call('import.preview', {
      source: { fileName: 'programs.tsv', text: '事業名\t開始日\t開催日\nしまコト\t2024/6/1\t2024/6/8\n' },
      kind: 'programs',
    })
    await client.call('import.commit', { previewId: programs.previewId })
    const before = checksums(sqlite)

    const again = await importSheet()
    expect(again.preview.rows.map((r) => r.visit?.target)).toEqual(['attendance', 'program'])
    expect(again.preview.rows.map((r) => r.issues.at(-1)?.message)).toEqual([
      '林 太郎さんの2024-06-08の訪問記録が、プログラムなしですでに登録されています。同じ訪問として数え、この行は追加しません（「しまコト」に結び付けるには、その訪問記録を編集してください）',
      '林 太郎さんの2024-06-09の訪問記録が、プログラムなしですでに登録されています。同じ訪問として数え、この行は追加しません（「しまコト」に結び付けるには、その訪問記録を編集してください）',
    ])
    expect(again.result.kindCounts).toMatchObject({ visitsCreated: 0, alreadyAttended: 2 })
    // The earlier visits are left as they were (still with no program), and nothing was added.
    expect(checksums(sqlite)).toEqual(before)
    await client.call('import.undo', { batchId: again.result.batchId })
    expect(checksums(sqlite)).toEqual(before)
  })

  it('a visit with no program and a program session of the same person on the same day in one sheet are both kept', async () => {
    const { client, context } = await freshBackend()
    const sqlite = context.handle.sqlite
    const program = await client.call('programs.create', {
      fields: { name: 'しまコト', category: 'course', startDate: '2024-06-08', municipalityCodes: [] },
    })
    await client.call('sessions.create', {
      programId: program.id,
      fields: { date: '2024-06-08', startTime: '13:00', mode: 'onsite' },
    })
    const text =
      '日付\t氏名\tメールアドレス\t事業名\t目的\n2024/6/8\t林 太郎\th@example.jp\t\t移住相談\n2024/6/8\t林 太郎\th@example.jp\tしまコト\t\n'
    const preview = await client.call('import.preview', { source: { fileName: 'signin.tsv', text }, kind: 'visits' })
    const result = await client.call('import.commit', { previewId: preview.previewId })
    expect(result.kindCounts).toMatchObject({ visitsCreated: 2, alreadyAttended: 0 })
    expect(count(sqlite, 'visits')).toBe(2)
  })
})

describe('what a visit row is attached to, said on the row', () => {
  it('nights of a visit that becomes online by its online session are 0 with a warning; a day of two sessions names the one chosen', async () => {
    const { client, context } = await freshBackend()
    const sqlite = context.handle.sqlite
    const program = await client.call('programs.create', {
      fields: { name: 'しまコト', category: 'course', startDate: '2024-06-08', municipalityCodes: [] },
    })
    const session = (date: string, startTime: string, mode: 'onsite' | 'online') =>
      client.call('sessions.create', { programId: program.id, fields: { date, startTime, mode } })
    const morning = await session('2024-06-08', '10:00', 'onsite')
    const afternoon = await session('2024-06-08', '14:00', 'online')
    const july = await session('2024-07-13', '13:00', 'online')
    const text = [
      '日付\t氏名\tメールアドレス\t事業名\t回\t泊数\t参加形態',
      '2024/7/13\t甲 一\ta@example.jp\tしまコト\t\t2\t',
      '2024/6/8\t乙 二\tb@example.jp\tしまコト\t第2回\t\t',
      '2024/6/8\t丙 三\tc@example.jp\tしまコト\t\t\t',
      '2024/7/13\t丁 四\td@example.jp\tしまコト\t\t1\t現地',
    ].join('\n')
    const preview = await client.call('import.preview', { source: { fileName: 'signin.tsv', text }, kind: 'visits' })
    expect(preview.rows.map((r) => r.visit?.sessionId)).toEqual([july.id, afternoon.id, morning.id, july.id])
    expect(preview.rows.map((r) => r.issues)).toEqual([
      [{ column: 5, severity: 'warning', message: 'オンラインの開催回（2024-07-13）への参加のため泊数は0にします' }],
      [],
      [
        {
          column: 0,
          severity: 'warning',
          message:
            '「しまコト」は2024-06-08に開催回が2回あるため、最初の第1回（10:00開始）への参加として取り込みます。別の回なら「回」の列に第何回かを入れてください',
        },
      ],
      [],
    ])
    await client.call('import.commit', { previewId: preview.previewId })
    expect(sqlite.prepare(`SELECT visit_date, mode, nights FROM visits ORDER BY visit_date, mode, nights`).all()).toEqual([
      { visit_date: '2024-06-08', mode: 'online', nights: 0 },
      { visit_date: '2024-06-08', mode: 'onsite', nights: 0 },
      { visit_date: '2024-07-13', mode: 'online', nights: 0 },
      { visit_date: '2024-07-13', mode: 'onsite', nights: 1 },
    ])
  })
})

describe('two visits of one person on one day', () => {
  it('to different places or for different purposes are both kept; the same sheet again adds neither', async () => {
    const { client, context } = await freshBackend()
    const sqlite = context.handle.sqlite
    const text = [
      '日付\t氏名\tメールアドレス\t訪問先\t目的',
      '2024/8/3\t林 太郎\th@example.jp\t東京会場\t相談会',
      '2024/8/3\t林 太郎\th@example.jp\t大阪会場\t交流会',
      '2024/8/4\t林 太郎\th@example.jp\t\t相談会',
      '2024/8/4\t林 太郎\th@example.jp\t\t交流会',
    ].join('\n')
    const importSheet = async () => {
      const preview = await client.call('import.preview', { source: { fileName: 'visits.tsv', text }, kind: 'visits' })
      return client.call('import.commit', { previewId: preview.previewId })
    }
    expect((await importSheet()).kindCounts).toMatchObject({ visitsCreated: 4, alreadyAttended: 0 })
    expect(sqlite.prepare(`SELECT visit_date, purpose, notes FROM visits ORDER BY visit_date, purpose`).all()).toEqual([
      { visit_date: '2024-08-03', purpose: '交流会', notes: '場所: 大阪会場' },
      { visit_date: '2024-08-03', purpose: '相談会', notes: '場所: 東京会場' },
      { visit_date: '2024-08-04', purpose: '交流会', notes: null },
      { visit_date: '2024-08-04', purpose: '相談会', notes: null },
    ])
    expect((await importSheet()).kindCounts).toMatchObject({ visitsCreated: 0, alreadyAttended: 4 })
    expect(count(sqlite, 'visits')).toBe(4)
  })
})

describe('undoing a visits import', () => {
  it('refuses while a visit it created was edited since, and changes nothing', async () => {
    const { client, context } = await freshBackend()
    const sqlite = context.handle.sqlite
    const text = '日付\t氏名\tメールアドレス\n2024/6/8\t粟島 海斗\tkaito@example.jp\n'
    const preview = await client.call('import.preview', { source: { fileName: 'signin.tsv', text }, kind: 'visits' })
    const { batchId } = await client.call('import.commit', { previewId: preview.previewId })
    const [visit] = sqlite.prepare(`SELECT id FROM visits`).all() as { id: string }[]
    await new Promise((resolve) => setTimeout(resolve, 5))
    await client.call('visits.update', { id: visit!.id, patch: { nights: 2 } })
    const before = checksums(sqlite)
    const refusal = await client.call('import.undo', { batchId }).then(
      () => null,
      (e: { code: string; message: string }) => e,
    )
    expect(refusal).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('取り込み後の編集 1件') })
    expect(checksums(sqlite)).toEqual(before)
  })
})

describe('a new person on several rows is registered once', () => {
  const sheet =
    '日付\t氏名\tメールアドレス\n2024/2/30\t粟島 海斗\tkaito@example.jp\n2024/6/1\t粟島 海斗\tkaito@example.jp\n2024/7/6\t粟島 海斗\tkaito@example.jp\n'
  const commit = async (extra: Record<string, unknown>, text = sheet) => {
    const { client, context } = await freshBackend()
    const preview = await client.call('import.preview', { source: { fileName: 'signin.tsv', text }, kind: 'visits' })
    const result = await client.call('import.commit', { previewId: preview.previewId, ...extra })
    return { result, people: personBy(context.handle.sqlite, 'email', 'kaito@example.jp'), sqlite: context.handle.sqlite }
  }

  it('even when the row the others point at is an error or skipped', async () => {
    // Row 1's date does not exist: rows 2 and 3 both name it as their best match.
    const withError = await commit({})
    expect(withError.result).toMatchObject({ created: 1, errors: 1, kindCounts: { visitsCreated: 2 } })
    expect(withError.people).toHaveLength(1)
    expect(visitsOf(withError.sqlite, withError.people[0]!.id)).toHaveLength(2)
    const skipped = await commit({ decisions: { '0': { action: 'skip' } } }, sheet.replace('2024/2/30', '2024/5/11'))
    expect(skipped.result).toMatchObject({ created: 1, skipped: 1, kindCounts: { visitsCreated: 2 } })
    expect(skipped.people).toHaveLength(1)
  })

  it('even when the bulk choice for matches is to register them new', async () => {
    const { result, people, sqlite } = await commit({ onDuplicate: 'new' })
    expect(result).toMatchObject({ created: 1, kindCounts: { visitsCreated: 2 } })
    expect(people).toHaveLength(1)
    expect(visitsOf(sqlite, people[0]!.id)).toHaveLength(2)
  })
})

describe('a sign-in sheet with family names only', () => {
  it('registers the new person with a blank 名 and records the visit', async () => {
    const { client, context } = await freshBackend()
    const text = '日付\t氏名\tメールアドレス\n2024/6/8\t林\thayashi@example.jp\n'
    const preview = await client.call('import.preview', { source: { fileName: 'signin.tsv', text }, kind: 'visits' })
    expect(await client.call('import.commit', { previewId: preview.previewId })).toMatchObject({
      created: 1,
      kindCounts: { visitsCreated: 1 },
    })
    const [person] = personBy(context.handle.sqlite, 'email', 'hayashi@example.jp')
    expect(person).toMatchObject({ family_name: '林', given_name: '' })
  })
})

/** A registered program (FY2024) with two sessions, and a pasted visit log naming it. */
async function withProgram(client: Client) {
  const program = await client.call('programs.create', {
    fields: { name: 'しまコトアカデミー', category: 'course', startDate: '2024-06-08', municipalityCodes: [] },
  })
  const first = await client.call('sessions.create', {
    programId: program.id,
    fields: { date: '2024-06-08', startTime: '13:00', endTime: '16:00', mode: 'onsite' },
  })
  const second = await client.call('sessions.create', {
    programId: program.id,
    fields: { date: '2024-07-13', startTime: '13:00', mode: 'online' },
  })
  return { program, first, second }
}

const visitLog = [
  ['日付', '氏名', 'メールアドレス', '事業名', '回', '訪問先', '泊数', '目的', '備考'],
  ['2024/6/8', '浜田 一郎', 'ichiro.hamada@example.jp', 'しまコト アカデミー', '', '', '', '', ''],
  ['R6.7.13', '隠岐 渚', 'nagisa.oki@example.jp', 'しまコトアカデミー', '第2回', '', '', '', ''],
  ['2024/6/8', '浜田 一郎', 'ichiro.hamada@example.jp', 'しまコトアカデミー', '第1回', '', '', '', '同じ回の二重記入'],
  ['2024/8/3', '隠岐 渚', 'nagisa.oki@example.jp', '', '', '粟島浦村', '2泊3日', '海ごみ拾い', ''],
  ['2024/9/1', '隠岐 渚', 'nagisa.oki@example.jp', '存在しない事業', '', '都内の交流会場', '', '', ''],
  ['2024/6/9', '浜田 一郎', 'ichiro.hamada@example.jp', 'しまコトアカデミー', '', '', '', '', ''],
]
  .map((r) => r.join('\t'))
  .join('\n')

describe('attendance versus standalone visits', () => {
  it('rows naming a registered program and session become attendance, once per person and session', async () => {
    const { client, context } = await withPeople()
    const sqlite = context.handle.sqlite
    const { program, first, second } = await withProgram(client)
    const preview = await client.call('import.preview', {
      source: { fileName: '訪問記録.tsv', text: visitLog },
      kind: 'visits',
    })
    expect(preview.mapping).toEqual([
      'visitDate',
      'fullName',
      'email',
      'program',
      'session',
      'place',
      'nights',
      'purpose',
      'visitNotes',
    ])
    expect(preview.rows.map((r) => r.visit?.target)).toEqual([
      'attendance',
      'attendance',
      'attendance',
      'visit',
      'visit',
      'program',
    ])
    expect(preview.rows[4]!.issues.map((i) => i.message)).toEqual([
      '「都内の交流会場」を市区町村として読み取れませんでした。場所は備考に残します',
      '令和6年度（2024年度）の「存在しない事業」は登録されていません。プログラムに結び付けない訪問記録として取り込みます。プログラムへの参加として記録するには、取り込む前に「プログラム」画面でこの年度に登録してから、ファイルを読み込み直してください',
    ])
    expect(preview.rows[5]!.issues.map((i) => i.message)).toEqual([
      '「しまコトアカデミー」に2024-06-09の回がありません。回を指定せずにプログラムへの参加として取り込みます',
    ])
    const result = await client.call('import.commit', { previewId: preview.previewId })
    expect(result).toMatchObject({ created: 1, errors: 0, kindCounts: { visitsCreated: 5, alreadyAttended: 1 } })

    const hamada = personBy(sqlite, 'email', 'ichiro.hamada@example.jp')[0]!
    const oki = personBy(sqlite, 'email', 'nagisa.oki@example.jp')[0]!
    expect(visitsOf(sqlite, hamada.id)).toEqual([
      {
        program_id: program.id,
        session_id: first.id,
        visit_date: '2024-06-08',
        mode: 'onsite',
        municipality_code: null,
        nights: 0,
        purpose: null,
        notes: null,
      },
      {
        program_id: program.id,
        session_id: null,
        visit_date: '2024-06-09',
        mode: 'onsite',
        municipality_code: null,
        nights: 0,
        purpose: null,
        notes: null,
      },
    ])
    expect(visitsOf(sqlite, oki.id)).toEqual([
      {
        program_id: program.id,
        session_id: second.id,
        visit_date: '2024-07-13',
        mode: 'online',
        municipality_code: null,
        nights: 0,
        purpose: null,
        notes: null,
      },
      {
        program_id: null,
        session_id: null,
        visit_date: '2024-08-03',
        mode: 'onsite',
        municipality_code: '155861',
        nights: 2,
        purpose: '海ごみ拾い',
        notes: null,
      },
      {
        program_id: null,
        session_id: null,
        visit_date: '2024-09-01',
        mode: 'onsite',
        municipality_code: null,
        nights: 0,
        purpose: null,
        notes: '場所: 都内の交流会場',
      },
    ])
    // The roster sees the imported attendance.
    const roster = await client.call('roster.get', { sessionId: first.id })
    expect(JSON.stringify(roster)).toContain(hamada.id as string)

    // The same log again: every attendance is already there; nobody is registered twice.
    const again = await client.call('import.preview', { source: { fileName: '訪問記録.tsv', text: visitLog }, kind: 'visits' })
    const second2 = await client.call('import.commit', { previewId: again.previewId })
    expect(second2).toMatchObject({ created: 0, kindCounts: { alreadyAttended: 6, visitsCreated: 0 } })
    expect(count(sqlite, 'visits')).toBe(5)
  })
})

describe('bad visit files write nothing', () => {
  it('empty, binary, unknown encodings and unknown kinds are refused in Japanese; a failing commit rolls back', async () => {
    const { client, context } = await withPeople()
    const sqlite = context.handle.sqlite
    const before = checksums(sqlite)
    const batches = count(sqlite, 'import_batches')
    const refuse = async (args: Record<string, unknown>, code: string, text: string) => {
      const error = await client.call('import.preview', args as never).catch((e: unknown) => e)
      expect(error).toMatchObject({ code })
      expect((error as Error).message).toContain(text)
    }
    await refuse({ source: { fileName: 'empty.csv', base64: '' }, kind: 'visits' }, 'IMPORT_UNREADABLE', 'ファイルが空です')
    await refuse(
      { source: { fileName: 'x.csv', base64: Buffer.from([0, 1, 2, 0, 0, 0xff, 0xfe, 0]).toString('base64') }, kind: 'visits' },
      'IMPORT_UNREADABLE',
      'テキストのファイルではない',
    )
    await refuse({ source: upload('signin-visits-cp932.csv'), kind: 'visits', encoding: 'latin1' }, 'INVALID_ARGS', '')
    await refuse({ source: upload('signin-visits-cp932.csv'), kind: 'people' }, 'INVALID_ARGS', '')

    // Ragged rows and formulas: read cell by cell, formulas kept as text with a warning.
    const ragged = iconv.encode(
      '日付,氏名,目的\r\n2024/6/1,浜田 一郎\r\n2024/6/2,江津 花子,=HYPERLINK("x"),余分,列\r\n',
      'Shift_JIS',
    )
    const preview = await client.call('import.preview', {
      source: { fileName: 'ragged.csv', base64: ragged.toString('base64') },
      kind: 'visits',
    })
    expect(preview.counts).toMatchObject({ rows: 2, ok: 2, warnings: 1 })
    // The formula is kept as text; the two values past the last header are named, not dropped silently.
    const messages = preview.rows[1]!.issues.map((i) => `${i.column}:${i.message}`)
    expect(messages.filter((m) => m.includes('数式'))).toHaveLength(1)
    expect(messages.filter((m) => m.includes('見出しのない列')).map((m) => m.split(':')[0])).toEqual(['3', '4'])

    // A merge into someone who is not a candidate of the row (here no one at all) is refused:
    // nothing of it stays. (A commit failing half-way rolls back: see the cancel test below.)
    await expect(
      client.call('import.commit', {
        previewId: preview.previewId,
        decisions: { '0': { action: 'merge', targetId: '01900000-0000-7000-8000-000000000000' } },
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGS',
      message: expect.stringContaining('統合先は、この行の重複の候補にありません'),
    })
    expect(checksums(sqlite)).toEqual(before)
    expect(count(sqlite, 'import_batches')).toBe(batches)
  })
})

describe('a sign-in sheet with only its header', () => {
  it('is refused at preview in Japanese, so nothing can be committed and no empty import is recorded', async () => {
    const { client, context } = await freshBackend()
    const sqlite = context.handle.sqlite
    for (const text of ['日付\t氏名\n', '日付\t氏名\n\t\n \t \n']) {
      await expect(
        client.call('import.preview', { source: { fileName: 'signin.tsv', text }, kind: 'visits' }),
      ).rejects.toMatchObject({
        code: 'IMPORT_UNREADABLE',
        message: '取り込める行がありません（見出しの行だけで、その下にデータの行がありません）。',
      })
    }
    expect(count(sqlite, 'import_batches')).toBe(0)
  })
})

describe('a names-only sign-in sheet', () => {
  const tsv = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\n') + '\n'
  async function importVisits(client: Client, text: string) {
    const preview = await client.call('import.preview', { source: { fileName: 'sheet.tsv', text }, kind: 'visits' })
    return { preview, result: await client.call('import.commit', { previewId: preview.previewId }) }
  }

  it('is one person per name, and the same sheet again records nothing twice', async () => {
    const { client, context } = await freshBackend()
    const sqlite = context.handle.sqlite
    const sheet = tsv([
      ['日付', '氏名'],
      ['2024/6/8', '林 太郎'],
      ['2024/6/9', '林　太郎'],
      ['2024/6/8', '佐藤 花子'],
    ])
    const first = await importVisits(client, sheet)
    expect(first.preview.rows[1]!.duplicates[0]).toMatchObject({ row: 0, score: 60, reasons: ['氏名が一致'] })
    expect(first.result).toMatchObject({ created: 2, kindCounts: { visitsCreated: 3 } })
    const again = await importVisits(client, sheet)
    expect(again.preview.rows[0]!.duplicates[0]).toMatchObject({ name: '林 太郎', score: 60 })
    expect(again.result).toMatchObject({ created: 0, kindCounts: { visitsCreated: 0, alreadyAttended: 3 } })
    expect([count(sqlite, 'contacts'), count(sqlite, 'visits')]).toEqual([2, 3])
  })

  it('keeps people apart when their e-mails differ, and asks which one when namesakes are registered', async () => {
    const { client, context } = await freshBackend()
    const sqlite = context.handle.sqlite
    const differ = await importVisits(
      client,
      tsv([
        ['日付', '氏名', 'メール'],
        ['2024/6/8', '林 太郎', 'taro.a@example.jp'],
        ['2024/6/9', '林 太郎', 'taro.b@example.jp'],
      ]),
    )
    expect(differ.preview.rows[1]!.duplicates).toEqual([])
    expect(differ.result).toMatchObject({ created: 2 })

    const names = await importVisits(
      client,
      tsv([
        ['日付', '氏名'],
        ['2024/7/1', '林 太郎'],
      ]),
    )
    const warnings = names.preview.rows[0]!.issues.filter((i) => i.severity === 'warning').map((i) => i.message)
    expect(warnings).toEqual([expect.stringContaining('同じ氏名の方が2人登録されています')])
    // Recorded for one of them (the first candidate), not as a third 林 太郎.
    expect(names.result).toMatchObject({ created: 0, kindCounts: { visitsCreated: 1 } })
    expect(count(sqlite, 'contacts')).toBe(2)
  })
})

describe('a visits commit is a job', () => {
  it('reports progress, and a cancel mid-way leaves every table as it was; the preview can then be committed', async () => {
    const { client, context } = await withPeople()
    const sqlite = context.handle.sqlite
    const rows = 4000
    const log = [
      '日付,氏名,メールアドレス',
      ...Array.from({ length: rows }, (_, i) => `2024/6/${(i % 28) + 1},試験 花子${i},h${i}@example.jp`),
    ]
    const preview = await client.call('import.preview', { source: { fileName: 'big.csv', text: log.join('\n') }, kind: 'visits' })
    const before = checksums(sqlite)
    const batches = count(sqlite, 'import_batches')
    const jobId = randomUUID()
    const progress: number[] = []
    let seenInside = 0
    client.on('job.progress', (p) => {
      if (p.jobId !== jobId) return
      progress.push(p.done)
      if (p.done !== 0) return
      setImmediate(() => {
        seenInside = count(sqlite, 'visits')
        void client.call('job.cancel', { jobId })
      })
    })
    await expect(client.call('import.commit', { previewId: preview.previewId, jobId })).rejects.toMatchObject({
      code: 'JOB_CANCELLED',
    })
    expect(seenInside).toBeGreaterThan(0)
    expect(seenInside).toBeLessThan(rows)
    expect(progress[0]).toBe(0)
    expect(checksums(sqlite)).toEqual(before)
    expect(count(sqlite, 'import_batches')).toBe(batches)
    const result = await client.call('import.commit', { previewId: preview.previewId })
    expect(result).toMatchObject({ created: rows, kindCounts: { visitsCreated: rows } })
  })
})
