import type { Database as Sqlite } from 'better-sqlite3'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { checksums, count, upload } from './importKindsHelpers'
import { freshBackend } from './tempDb'

const programsNamed = (sqlite: Sqlite, name: string) =>
  sqlite.prepare(`SELECT * FROM programs WHERE name = ?`).all(name) as Record<string, unknown>[]
const sessionsOf = (sqlite: Sqlite, programId: unknown) =>
  sqlite
    .prepare(
      `SELECT starts_at, ends_at, place, municipality_code, mode FROM program_sessions WHERE program_id = ? ORDER BY starts_at`,
    )
    .all(programId)
const municipalitiesOf = (sqlite: Sqlite, programId: unknown) =>
  (
    sqlite.prepare(`SELECT municipality_code FROM program_municipalities WHERE program_id = ? ORDER BY 1`).all(programId) as {
      municipality_code: string
    }[]
  ).map((r) => r.municipality_code)

describe('importing programs with sessions', () => {
  it('groups rows into programs by name and 年度, stores every field and session, and undo restores every table', async () => {
    const { client, context } = await freshBackend()
    const sqlite = context.handle.sqlite
    const before = checksums(sqlite)
    const preview = await client.call('import.preview', { source: upload('programs-sessions.xlsx'), kind: 'programs' })
    expect(preview).toMatchObject({
      kind: 'programs',
      format: 'xlsx',
      headerRow: 0,
      mapping: [
        'fiscalYear',
        'programName',
        'category',
        'funding',
        'capacity',
        'fee',
        'coordinator',
        'targetMunicipality',
        'sessionDate',
        'sessionTime',
        'sessionPlace',
        'sessionMode',
      ],
      counts: { rows: 6, ok: 5, errors: 1, warnings: 1 },
    })
    expect(preview.fields).not.toContain('fullName')
    expect(preview.rows.map((r) => r.program?.sessionOutcome)).toEqual(['new', 'new', 'new', 'new', 'repeat', 'none'])
    expect(preview.rows.map((r) => r.program?.firstOfProgram)).toEqual([true, false, false, true, false, false])
    expect(preview.rows.map((r) => r.program?.programLine)).toEqual([2, 2, 2, 5, 5, 7])
    expect(preview.rows[5]!.issues).toEqual([{ column: 1, severity: 'error', message: 'プログラム名がありません' }])
    expect(preview.rows[4]!.program?.sessionLine).toBe(5)
    expect(preview.rows[4]!.issues).toContainEqual({
      column: 8,
      severity: 'warning',
      message: '5行目と同じ開催回のため、この回は重ねて追加しません',
    })

    const result = await client.call('import.commit', { previewId: preview.previewId })
    expect(result).toMatchObject({
      created: 0,
      errors: 1,
      kindCounts: { programsCreated: 2, sessionsCreated: 4, sessionsExisting: 0, sessionsRepeated: 1, visitsCreated: 0 },
    })

    // 「しまコト アカデミー」 (with a space) is the same program; its fields come from its first row.
    const [academy, ...others] = programsNamed(sqlite, 'しまコトアカデミー')
    expect(others).toHaveLength(0)
    expect(academy).toMatchObject({
      fiscal_year: 2024,
      category: 'course',
      funding_source: 'cao_convection',
      status: 'finished',
      start_date: '2024-06-08',
      end_date: '2024-09-14',
      capacity: 15,
      fee: 40000,
      coordinator: '島根 花子',
      description: null,
      deleted_at: null,
    })
    expect(municipalitiesOf(sqlite, academy!.id)).toEqual(['322024', '322075'])
    expect(sessionsOf(sqlite, academy!.id)).toEqual([
      {
        starts_at: '2024-06-08T04:00:00.000Z',
        ends_at: '2024-06-08T07:00:00.000Z',
        place: '東京都千代田区 交流スペース',
        municipality_code: '131016',
        mode: 'onsite',
      },
      {
        starts_at: '2024-07-13T04:00:00.000Z',
        ends_at: '2024-07-13T07:00:00.000Z',
        place: 'オンライン(Zoom)',
        municipality_code: null,
        mode: 'online',
      },
      {
        starts_at: '2024-09-14T01:00:00.000Z',
        ends_at: '2024-09-14T03:00:00.000Z',
        place: '島根県浜田市殿町1',
        municipality_code: '322024',
        mode: 'onsite',
      },
    ])
    const [tour] = programsNamed(sqlite, '粟島 海ごみ拾いツアー')
    expect(tour).toMatchObject({
      fiscal_year: 2024,
      category: 'study_tour',
      funding_source: 'own_funds',
      capacity: 10,
      fee: 0,
      coordinator: '粟島 浦子',
      start_date: '2024-08-03',
      end_date: '2024-08-03',
    })
    expect(municipalitiesOf(sqlite, tour!.id)).toEqual(['155861'])
    // A session without a time starts at midnight in Japan; the repeated row added nothing.
    expect(sessionsOf(sqlite, tour!.id)).toEqual([
      {
        starts_at: '2024-08-02T15:00:00.000Z',
        ends_at: null,
        place: '粟島浦村 内浦港',
        municipality_code: '155861',
        mode: 'onsite',
      },
    ])
    // The programs screen shows them.
    const listed = await client.call('programs.list', { fiscalYear: 2024 })
    expect(listed.map((p) => p.name).sort()).toEqual(['しまコトアカデミー', '粟島 海ごみ拾いツアー'])

    expect(await client.call('import.batches', {})).toMatchObject([{ kind: 'programs', counts: { programsCreated: 2 } }])
    expect(await client.call('import.undo', { batchId: result.batchId })).toEqual({
      removed: 0,
      reverted: 0,
      kindRemoved: { visits: 0, sessions: 4, programs: 2 },
    })
    expect(checksums(sqlite)).toEqual(before)
  })

  it('undo refuses while later enrollments or visits hang on its programs, and changes nothing', async () => {
    const { client, context } = await freshBackend()
    const sqlite = context.handle.sqlite
    const preview = await client.call('import.preview', { source: upload('programs-sessions.xlsx'), kind: 'programs' })
    const result = await client.call('import.commit', { previewId: preview.previewId })
    const [tour] = programsNamed(sqlite, '粟島 海ごみ拾いツアー')
    const person = await client.call('contacts.create', { fields: { familyName: '試験', givenName: '花子' } })
    await client.call('enrollments.add', { programId: tour!.id as string, contactIds: [person.id] })
    await client.call('visits.create', {
      contactIds: [person.id],
      programId: tour!.id as string,
      fields: { visitDate: '2024-08-03', mode: 'onsite' },
    })
    const before = checksums(sqlite)
    const refusal = await client.call('import.undo', { batchId: result.batchId }).then(
      () => null,
      (e: { code: string; message: string }) => e,
    )
    expect(refusal).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('参加申込 1件、参加・訪問 1件') })
    expect(checksums(sqlite)).toEqual(before)
    expect((await client.call('import.batches', {}))[0]).toMatchObject({ undoneAt: null })
  })

  it('undo refuses while its programs have sessions added since, or what it created was edited since', async () => {
    const { client, context } = await freshBackend()
    const sqlite = context.handle.sqlite
    const importText = async (text: string) => {
      const preview = await client.call('import.preview', { source: { fileName: 'programs.csv', text }, kind: 'programs' })
      return (await client.call('import.commit', { previewId: preview.previewId })).batchId
    }
    const refusalOf = (batchId: string) =>
      client.call('import.undo', { batchId }).then(
        () => null,
        (e: { code: string; message: string }) => e,
      )
    const first = await importText('事業名,年度,開催日,時間\n海ごみ拾い,2024,2024/6/8,13:00\n')
    const [program] = programsNamed(sqlite, '海ごみ拾い')
    // A session added by hand, and one by a later list naming the same program.
    await client.call('sessions.create', {
      programId: program!.id as string,
      fields: { date: '2024-07-13', startTime: '13:00', mode: 'onsite' },
    })
    const second = await importText('事業名,年度,開催日,時間\n海ごみ拾い,2024,2024/8/8,13:00\n')
    expect(sessionsOf(sqlite, program!.id)).toHaveLength(3)
    let before = checksums(sqlite)
    expect(await refusalOf(first)).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('後から追加した開催回 2件'),
    })
    expect(checksums(sqlite)).toEqual(before)
    // The later list's own undo takes back only its session.
    expect(await client.call('import.undo', { batchId: second })).toMatchObject({ kindRemoved: { sessions: 1, programs: 0 } })
    expect(sessionsOf(sqlite, program!.id)).toHaveLength(2)

    // A program edited after it was imported keeps the edit: undo refuses.
    const third = await importText('事業名,年度,開催日\n星空観察会,2024,2024/9/1\n')
    const [stars] = programsNamed(sqlite, '星空観察会')
    await new Promise((resolve) => setTimeout(resolve, 5))
    await client.call('programs.update', { id: stars!.id as string, patch: { capacity: 20 } })
    before = checksums(sqlite)
    expect(await refusalOf(third)).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('取り込み後の編集 1件') })
    expect(checksums(sqlite)).toEqual(before)
  })

  it('a list without times meets the session of that day at whatever time it is, and adds no second one', async () => {
    const { client, context } = await freshBackend()
    const sqlite = context.handle.sqlite
    const program = await client.call('programs.create', {
      fields: { name: '海ごみ拾い', category: 'event', startDate: '2024-06-08', municipalityCodes: [] },
    })
    await client.call('sessions.create', {
      programId: program.id,
      fields: { date: '2024-06-08', startTime: '13:00', endTime: '16:00', mode: 'onsite' },
    })
    const text = '事業名,年度,開催日\n海ごみ拾い,2024,2024/6/8\n海ごみ拾い,2024,2024/7/13\n海ごみ拾い,2024,2024/7/13\n'
    const preview = await client.call('import.preview', { source: { fileName: 'no-times.csv', text }, kind: 'programs' })
    expect(preview.rows.map((r) => r.program?.sessionOutcome)).toEqual(['exists', 'new', 'repeat'])
    expect(preview.rows[2]!.program?.sessionLine).toBe(3)
    const result = await client.call('import.commit', { previewId: preview.previewId })
    expect(result.kindCounts).toMatchObject({ programsCreated: 0, sessionsCreated: 1, sessionsExisting: 1, sessionsRepeated: 1 })
    expect(sessionsOf(sqlite, program.id)).toHaveLength(2) // 6/8 13:00 as it was, and 7/13
  })

  it('a session registered without a time is met by a later list that gives its time, in one file or two', async () => {
    const { client, context } = await freshBackend()
    const sqlite = context.handle.sqlite
    const read = async (text: string) =>
      client.call('import.preview', {
        source: { fileName: 'programs.csv', text: `事業名,年度,開催日,時間\n${text}` },
        kind: 'programs',
      })
    const oneFile = await read('海ごみ拾い,2024,2024/6/8,\n海ごみ拾い,2024,2024/6/8,13:00-15:00\n')
    expect(oneFile.rows.map((r) => r.program?.sessionOutcome)).toEqual(['new', 'repeat'])
    expect(oneFile.rows[1]!.issues).toContainEqual({
      column: 2,
      severity: 'warning',
      message: '2行目に同じ日の時間のない開催回があるため、この回は追加しません（時間はプログラムの画面で入れられます）',
    })
    await client.call('import.commit', { previewId: oneFile.previewId })
    const [program] = programsNamed(sqlite, '海ごみ拾い')
    expect(sessionsOf(sqlite, program!.id)).toHaveLength(1)
    const later = await read('海ごみ拾い,2024,2024/6/8,13:00\n')
    expect(later.rows.map((r) => r.program?.sessionOutcome)).toEqual(['exists'])
    expect((await client.call('import.commit', { previewId: later.previewId })).kindCounts).toMatchObject({
      sessionsCreated: 0,
      sessionsExisting: 1,
    })
    expect(sessionsOf(sqlite, program!.id)).toHaveLength(1)
  })

  it('reuses a registered program of the same name and 年度, adds only the sessions it lacks, and leaves it as it was', async () => {
    const { client, context } = await freshBackend()
    const sqlite = context.handle.sqlite
    const program = await client.call('programs.create', {
      fields: { name: 'しまコトアカデミー', category: 'event', startDate: '2024-05-01', capacity: 20, municipalityCodes: [] },
    })
    await client.call('sessions.create', {
      programId: program.id,
      fields: { date: '2024-06-08', startTime: '13:00', endTime: '16:00', mode: 'hybrid' },
    })
    // A program of the same name in another 年度 is a different program.
    await client.call('programs.create', {
      fields: { name: 'しまコトアカデミー', category: 'course', startDate: '2023-06-01', municipalityCodes: [] },
    })
    const stored = programsNamed(sqlite, 'しまコトアカデミー').find((p) => p.id === program.id)
    const before = checksums(sqlite)

    const preview = await client.call('import.preview', { source: upload('programs-sessions.xlsx'), kind: 'programs' })
    expect(preview.rows[0]!.program).toMatchObject({ existingProgramId: program.id, sessionOutcome: 'exists' })
    const result = await client.call('import.commit', { previewId: preview.previewId })
    expect(result.kindCounts).toMatchObject({ programsCreated: 1, sessionsCreated: 3, sessionsExisting: 1, sessionsRepeated: 1 })
    expect(programsNamed(sqlite, 'しまコトアカデミー').find((p) => p.id === program.id)).toEqual(stored)
    expect(sessionsOf(sqlite, program.id)).toHaveLength(3)

    // The same file again adds nothing.
    const again = await client.call('import.preview', { source: upload('programs-sessions.xlsx'), kind: 'programs' })
    expect((await client.call('import.commit', { previewId: again.previewId })).kindCounts).toMatchObject({
      programsCreated: 0,
      sessionsCreated: 0,
      sessionsExisting: 5,
    })
    expect(count(sqlite, 'programs')).toBe(3)

    // Undoing the first import takes back only its own sessions and program.
    await client.call('import.undo', { batchId: result.batchId })
    expect(checksums(sqlite)).toEqual(before)
  })

  it('a program registered after the preview was read is reused at commit, and its sessions are not added twice', async () => {
    const { client, context } = await freshBackend()
    const sqlite = context.handle.sqlite
    const preview = await client.call('import.preview', { source: upload('programs-sessions.xlsx'), kind: 'programs' })
    expect(preview.rows[0]!.program).toMatchObject({ existingProgramId: null, sessionOutcome: 'new' })
    // Meanwhile someone registers the same program and one of its sessions by hand.
    const program = await client.call('programs.create', {
      fields: { name: 'しまコトアカデミー', category: 'event', startDate: '2024-05-01', capacity: 20, municipalityCodes: [] },
    })
    await client.call('sessions.create', {
      programId: program.id,
      fields: { date: '2024-06-08', startTime: '13:00', endTime: '16:00', mode: 'hybrid' },
    })
    const result = await client.call('import.commit', { previewId: preview.previewId })
    expect(result.kindCounts).toMatchObject({ programsCreated: 1, sessionsCreated: 3, sessionsExisting: 1, sessionsRepeated: 1 })
    expect(programsNamed(sqlite, 'しまコトアカデミー')).toHaveLength(1)
    expect(sessionsOf(sqlite, program.id)).toHaveLength(3)
  })

  it('a preview read before another import was committed is refused, and read again it adds nothing', async () => {
    const { client, context } = await freshBackend()
    const sqlite = context.handle.sqlite
    const first = await client.call('import.preview', { source: upload('programs-sessions.xlsx'), kind: 'programs' })
    const second = await client.call('import.preview', { source: upload('programs-sessions.xlsx'), kind: 'programs' })
    await client.call('import.commit', { previewId: first.previewId })
    const programs = count(sqlite, 'programs')
    const sessions = count(sqlite, 'program_sessions')
    await expect(client.call('import.commit', { previewId: second.previewId })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('もう一度ファイルを読み込んでください'),
    })
    const again = await client.call('import.preview', { source: upload('programs-sessions.xlsx'), kind: 'programs' })
    expect((await client.call('import.commit', { previewId: again.previewId })).kindCounts).toMatchObject({
      programsCreated: 0,
      sessionsCreated: 0,
    })
    expect(count(sqlite, 'programs')).toBe(programs)
    expect(count(sqlite, 'program_sessions')).toBe(sessions)
  })

  it('a program whose rows together end before they start is an error on each of its rows and is not written', async () => {
    const { client, context } = await freshBackend()
    const sqlite = context.handle.sqlite
    const text = [
      '事業名,年度,開始日,終了日,開催日',
      '講座X,2024,2024/9/1,,2024/9/1',
      '講座X,2024,,2024/6/1,',
      '講座Y,2024,2024/6/1,2024/9/30,2024/7/1',
    ].join('\n')
    const preview = await client.call('import.preview', { source: { fileName: 'programs.csv', text }, kind: 'programs' })
    expect(preview.counts).toMatchObject({ rows: 3, ok: 1, errors: 2 })
    for (const row of preview.rows.slice(0, 2))
      expect(row.issues).toContainEqual({
        column: 3,
        severity: 'error',
        message:
          'このプログラム（2行目・3行目）をまとめると、終了日（2024-06-01）が開始日（2024-09-01）より前になります。日付を直してください',
      })
    const result = await client.call('import.commit', { previewId: preview.previewId })
    expect(result).toMatchObject({ errors: 2, kindCounts: { programsCreated: 1, sessionsCreated: 1 } })
    expect(programsNamed(sqlite, '講座X')).toEqual([])
    expect(programsNamed(sqlite, '講座Y')).toHaveLength(1)
  })

  it('a session before the 開始日 or after the 終了日 of its program is added with a warning on its row', async () => {
    const { client, context } = await freshBackend()
    const text = [
      '事業名\t開始日\t終了日\t開催日',
      'X\t2024/6/1\t2024/6/30\t2024/6/8',
      'X\t\t\t2024/9/15',
      'X\t\t\t2024/5/20',
      'X\t\t\t2024/6/30',
    ].join('\n')
    const preview = await client.call('import.preview', { source: { fileName: 'programs.tsv', text }, kind: 'programs' })
    expect(preview.counts).toMatchObject({ rows: 4, ok: 4, errors: 0, warnings: 2 })
    expect(preview.rows.map((r) => r.issues)).toEqual([
      [],
      [
        {
          column: 3,
          severity: 'warning',
          message:
            '開催日（2024-09-15）が、このプログラムの終了日（2024-06-30）より後です。開催日か終了日に誤りがないか確認してください',
        },
      ],
      [
        {
          column: 3,
          severity: 'warning',
          message:
            '開催日（2024-05-20）が、このプログラムの開始日（2024-06-01）より前です。開催日か開始日に誤りがないか確認してください',
        },
      ],
      [],
    ])
    const result = await client.call('import.commit', { previewId: preview.previewId })
    expect(result.kindCounts).toMatchObject({ programsCreated: 1, sessionsCreated: 4 })
    expect(programsNamed(context.handle.sqlite, 'X')[0]).toMatchObject({ start_date: '2024-06-01', end_date: '2024-06-30' })
  })

  it('a skipped row adds no session, and a program whose rows are all skipped is not created', async () => {
    const { client, context } = await freshBackend()
    const sqlite = context.handle.sqlite
    const preview = await client.call('import.preview', { source: upload('programs-sessions.xlsx'), kind: 'programs' })
    const result = await client.call('import.commit', {
      previewId: preview.previewId,
      decisions: { '1': { action: 'skip' }, '3': { action: 'skip' }, '4': { action: 'skip' } },
    })
    expect(result).toMatchObject({ skipped: 3, kindCounts: { programsCreated: 1, sessionsCreated: 2 } })
    expect(programsNamed(sqlite, '粟島 海ごみ拾いツアー')).toHaveLength(0)
  })

  it('rows with only 開催日 join the program an earlier row gave dates for, across 4月1日', async () => {
    const { client, context } = await freshBackend()
    const sqlite = context.handle.sqlite
    const text = [
      '事業名\t開始日\t終了日\t開催日',
      '冬の移住体験\t2025/1/10\t2025/5/31\t2025/1/10',
      '冬の移住体験\t\t\t2025/3/15',
      '冬の移住体験\t\t\t2025/4/12',
    ].join('\n')
    const preview = await client.call('import.preview', { source: { fileName: 'programs.tsv', text }, kind: 'programs' })
    expect(preview.counts).toMatchObject({ rows: 3, ok: 3, errors: 0, warnings: 0 })
    expect(preview.rows.map((r) => r.program?.programLine)).toEqual([2, 2, 2])
    expect(preview.rows.map((r) => r.program?.program.fiscalYear)).toEqual([2024, 2024, 2024])
    const result = await client.call('import.commit', { previewId: preview.previewId })
    expect(result.kindCounts).toMatchObject({ programsCreated: 1, sessionsCreated: 3 })
    const [program] = programsNamed(sqlite, '冬の移住体験')
    expect(programsNamed(sqlite, '冬の移住体験')).toHaveLength(1)
    expect(program).toMatchObject({ fiscal_year: 2024, start_date: '2025-01-10', end_date: '2025-05-31' })
    expect(sessionsOf(sqlite, program!.id)).toHaveLength(3)
  })

  it('a row with only 開催日 in the next 年度 of a program with no 終了日 joins it with a warning; rows with 開催日 only stay apart by 年度', async () => {
    const { client, context } = await freshBackend()
    const sqlite = context.handle.sqlite
    const text = [
      '事業名\t年度\t開催日',
      '冬の移住体験\t2024\t2025/3/15',
      '冬の移住体験\t\t2025/4/12',
      // No row of this one gives a 年度 or 開始日: each 年度 is a program of its own, as before.
      '夏の海ごみ拾い\t\t2024/7/6',
      '夏の海ごみ拾い\t\t2025/7/5',
    ].join('\n')
    const preview = await client.call('import.preview', { source: { fileName: 'programs.tsv', text }, kind: 'programs' })
    expect(preview.rows.map((r) => r.program?.programLine)).toEqual([2, 2, 4, 5])
    expect(preview.rows[1]!.issues).toEqual([
      {
        column: 2,
        severity: 'warning',
        message:
          '開催日（2025-04-12）は2025年度ですが、年度も開始日もない行のため、前の行の「冬の移住体験」（2024年度）の開催回にします。2025年度の別のプログラムなら年度を入れてください',
      },
    ])
    const result = await client.call('import.commit', { previewId: preview.previewId })
    expect(result.kindCounts).toMatchObject({ programsCreated: 3, sessionsCreated: 4 })
    expect(programsNamed(sqlite, '冬の移住体験')).toHaveLength(1)
    expect(programsNamed(sqlite, '夏の海ごみ拾い').map((p) => p.fiscal_year)).toEqual([2024, 2025])
  })

  it('.xlsx date-time 開催日 cells keep their time: two sessions on one day are two sessions', async () => {
    const { client, context } = await freshBackend()
    const sqlite = context.handle.sqlite
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('日程')
    sheet.addRow(['事業名', '年度', '開催日'])
    sheet.addRow(['しまコト', 2024, new Date(Date.UTC(2024, 5, 8, 10, 0))])
    sheet.addRow(['しまコト', 2024, new Date(Date.UTC(2024, 5, 8, 14, 0))])
    sheet.addRow(['しまコト', 2024, new Date(Date.UTC(2024, 6, 13))])
    sheet.getColumn(3).numFmt = 'yyyy/m/d h:mm'
    const base64 = Buffer.from(await book.xlsx.writeBuffer()).toString('base64')
    const preview = await client.call('import.preview', { source: { fileName: '日程.xlsx', base64 }, kind: 'programs' })
    // A midnight is a day alone, as a date cell.
    expect(preview.rows.map((r) => r.cells[2])).toEqual(['2024-06-08 10:00', '2024-06-08 14:00', '2024-07-13'])
    expect(preview.rows.map((r) => r.program?.session?.startTime)).toEqual(['10:00', '14:00', null])
    expect(preview.rows.map((r) => r.program?.sessionOutcome)).toEqual(['new', 'new', 'new'])
    expect(preview.counts).toMatchObject({ ok: 3, warnings: 0 })
    const result = await client.call('import.commit', { previewId: preview.previewId })
    expect(result.kindCounts).toMatchObject({ programsCreated: 1, sessionsCreated: 3, sessionsExisting: 0 })
    const [program] = programsNamed(sqlite, 'しまコト')
    expect((sessionsOf(sqlite, program!.id) as { starts_at: string }[]).map((s) => s.starts_at)).toEqual([
      '2024-06-08T01:00:00.000Z',
      '2024-06-08T05:00:00.000Z',
      '2024-07-12T15:00:00.000Z',
    ])
  })

  it('a program list with only its header is refused at preview in Japanese, and records no import', async () => {
    const { client, context } = await freshBackend()
    const sqlite = context.handle.sqlite
    await expect(
      client.call('import.preview', { source: { fileName: 'programs.tsv', text: '事業名\t開催日\n' }, kind: 'programs' }),
    ).rejects.toMatchObject({
      code: 'IMPORT_UNREADABLE',
      message: '取り込める行がありません（見出しの行だけで、その下にデータの行がありません）。',
    })
    expect(count(sqlite, 'import_batches')).toBe(0)
  })

  it('a file that is not a program list is refused or read with errors, and writes nothing', async () => {
    const { client, context } = await freshBackend()
    const sqlite = context.handle.sqlite
    const before = checksums(sqlite)
    await expect(
      client.call('import.preview', { source: { fileName: 'old.xls', base64: 'AAAA' }, kind: 'programs' }),
    ).rejects.toMatchObject({ code: 'IMPORT_UNREADABLE' })
    const preview = await client.call('import.preview', {
      source: {
        fileName: 'bad.tsv',
        text: '事業名\t年度\t開催日\t時間\t定員\n講座A\t令和百年度\t2024/2/30\t25:00\t十五人\n講座B\n',
      },
      kind: 'programs',
    })
    expect(preview.counts).toMatchObject({ rows: 2, ok: 0, errors: 2 })
    expect(preview.rows[0]!.issues.map((i) => i.column)).toEqual([1, 2, 3, 4])
    expect(preview.rows[1]!.issues.map((i) => i.message)).toEqual(['年度・開始日・開催日のいずれもありません'])
    const result = await client.call('import.commit', { previewId: preview.previewId })
    expect(result).toMatchObject({ errors: 2, kindCounts: { programsCreated: 0, sessionsCreated: 0 } })
    expect(checksums(sqlite)).toEqual(before)
  })
})
