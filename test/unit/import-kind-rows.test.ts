import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  readAmount,
  readCategory,
  readEventDate,
  readFiscalYear,
  readFunding,
  readNights,
  readSessionMode,
  readTimeRange,
  readVisitMode,
} from '../../shared/domain/import/cellReaders'
import { detectHeaderRowFor, fieldsOfKind, suggestMappingFor } from '../../shared/domain/import/kinds'
import type { AnyImportField } from '../../shared/domain/import/kinds'
import { suggestMapping } from '../../shared/domain/import/headers'
import { readProgramRow } from '../../shared/domain/import/programRow'
import { readVisitRow } from '../../shared/domain/import/visitRow'

const TODAY = '2025-01-15'

describe('header suggestions per kind', () => {
  it('contacts keep their own suggestions; visits read sign-in sheet words first', () => {
    const headers = ['日付', '氏名', 'フリガナ', '所属', '連絡先', '参加形態', '備考']
    expect(suggestMappingFor('contacts', headers)).toEqual(suggestMapping(headers))
    expect(suggestMappingFor('visits', headers)).toEqual([
      'visitDate',
      'fullName',
      'fullKana',
      'affiliation',
      'contactInfo',
      'visitMode',
      'visitNotes',
    ])
    expect(
      suggestMappingFor('programs', ['年度', 'プログラム名', '開催日', '時間', '会場', '定員', '参加費', '担当者', '氏名']),
    ).toEqual([
      'fiscalYear',
      'programName',
      'sessionDate',
      'sessionTime',
      'sessionPlace',
      'capacity',
      'fee',
      'coordinator',
      'ignore',
    ])
  })
  it('finds the header row under a title row', () => {
    const rows = [['○○村 交流会 参加者名簿'], [], ['日付', '氏名', '連絡先', '参加形態'], ['R6.6.1', '浜田 一郎']]
    expect(detectHeaderRowFor('visits', rows)).toBe(2)
  })
  it('offers each kind its own fields', () => {
    expect(fieldsOfKind('programs')).not.toContain('fullName')
    expect(fieldsOfKind('visits')).toEqual(expect.arrayContaining(['visitDate', 'fullName', 'email', 'ignore']))
    expect(fieldsOfKind('contacts')).not.toContain('visitDate')
  })
})

describe('cell readers', () => {
  it('reads dates, years, modes, nights, amounts, times and vocabulary', () => {
    expect(readEventDate('令和6年7月6日(土)')).toEqual({ ok: true, value: '2024-07-06' })
    expect(readEventDate('2024/06/01 10:15:22')).toEqual({ ok: true, value: '2024-06-01' })
    expect(readEventDate('45474')).toEqual({ ok: true, value: '2024-07-01' })
    expect(readEventDate('R6.2.30').ok).toBe(false)
    // A sign-in sheet printed with 平成 and filled in after 令和 began.
    expect(readEventDate('H31.5.6(月)')).toEqual({
      ok: true,
      value: '2019-05-06',
      warning: '平成31年5月6日を令和元年5月6日（2019-05-06）として読みました',
    })
    expect([
      readFiscalYear('令和6年度'),
      readFiscalYear('R6'),
      readFiscalYear('2024年度'),
      readFiscalYear('令和元年度'),
      readFiscalYear('H30'),
    ]).toEqual([2024, 2024, 2024, 2019, 2018].map((value) => ({ ok: true, value })))
    expect(readFiscalYear('来年').ok).toBe(false)
    expect(['現地', 'onsite', 'ＯＮＬＩＮＥ', 'Zoom', '会場'].map((v) => readVisitMode(v))).toEqual(
      ['onsite', 'onsite', 'online', 'online', 'onsite'].map((value) => ({ ok: true, value })),
    )
    expect(readVisitMode('ハイブリッド').ok).toBe(false)
    expect(readSessionMode('ハイブリッド')).toEqual({ ok: true, value: 'hybrid' })
    expect(['2', '２泊３日', '日帰り'].map(readNights)).toEqual([2, 2, 0].map((value) => ({ ok: true, value })))
    expect(readAmount('40,000円', '円')).toEqual({ ok: true, value: 40000 })
    expect(readAmount('無料', '円')).toEqual({ ok: true, value: 0 })
    expect(readAmount('15名', '人')).toEqual({ ok: true, value: 15 })
    expect(readAmount('-3', '人').ok).toBe(false)
    expect(readTimeRange('13時〜15時30分')).toEqual({ ok: true, value: { start: '13:00', end: '15:30' } })
    expect(readTimeRange('9:00')).toEqual({ ok: true, value: { start: '09:00', end: null } })
    expect(readTimeRange('16:00-13:00').ok).toBe(false)
    expect(readCategory('スタディツアー')).toEqual({ ok: true, value: 'study_tour' })
    expect(readCategory('course')).toEqual({ ok: true, value: 'course' })
    expect(readCategory('謎の事業')).toMatchObject({ ok: true, value: 'other', warning: expect.stringContaining('その他') })
    expect(readFunding('総務省 関係人口創出・拡大事業')).toEqual({ ok: true, value: 'mic_kankei' })
    expect(readFunding('単費')).toEqual({ ok: true, value: 'own_funds' })
  })
})

describe('readVisitRow', () => {
  const mapping: AnyImportField[] = [
    'visitDate',
    'fullName',
    'contactInfo',
    'program',
    'session',
    'place',
    'visitMode',
    'nights',
    'purpose',
  ]
  it('reads the person through readPersonRow and the visit field by field', () => {
    const read = readVisitRow(
      ['R6.8.3', '粟島 海斗', 'kaito@example.jp', '海ごみ拾い', '第2回', '新潟県岩船郡粟島浦村', 'オンライン', '2泊', '=1+1'],
      mapping,
      TODAY,
    )
    expect(read.person.draft).toMatchObject({ familyName: '粟島', givenName: '海斗', email: 'kaito@example.jp', phone: null })
    expect(read.visit).toEqual({
      visitDate: '2024-08-03',
      programName: '海ごみ拾い',
      session: { number: 2 },
      place: '新潟県岩船郡粟島浦村',
      municipalityCode: '155861',
      mode: 'online',
      nights: 0,
      purpose: '=1+1',
      notes: null,
    })
    expect(read.issues.map((i) => [i.column, i.severity])).toEqual([
      [8, 'warning'],
      [7, 'warning'],
    ])
    expect(read.ok).toBe(true)
    // 連絡先 holding a phone number is read as the phone.
    expect(readVisitRow(['2024/6/1', '粟島 海斗', '090-1111-2222'], mapping, TODAY).person.draft.phone).toBe('090-1111-2222')
  })
  it('a 連絡先 cell fills the e-mail or phone the sheet’s own column leaves empty on that row, and never overrides it', () => {
    const withEmail: AnyImportField[] = ['visitDate', 'fullName', 'email', 'contactInfo']
    const person = (cells: string[]) => readVisitRow(cells, withEmail, TODAY).person.draft
    expect(person(['2024/6/8', '粟島 海斗', '', 'kaito@example.jp']).email).toBe('kaito@example.jp')
    expect(person(['2024/6/8', '粟島 海斗', 'own@example.jp', 'other@example.jp']).email).toBe('own@example.jp')
    expect(person(['2024/6/8', '粟島 海斗', 'own@example.jp', '090-1111-2222'])).toMatchObject({
      email: 'own@example.jp',
      phone: '090-1111-2222',
    })
  })
  it('refuses what the visit form refuses: long purpose or notes, more than 365 nights', () => {
    const errors = (cells: string[]) => readVisitRow(cells, mapping, TODAY).issues.filter((i) => i.severity === 'error')
    expect(errors(['2024/6/1', '粟島 海斗', '', '', '', '', '', '400泊', '目'.repeat(301)])).toEqual([
      { column: 8, severity: 'error', message: '目的は300文字以内にしてください（301文字あります）' },
      { column: 7, severity: 'error', message: '泊数は365泊以下にしてください' },
    ])
    expect(errors(['2024/6/1', '粟島 海斗', '', '', '', '', '', '365泊', '目'.repeat(300)])).toEqual([])
    // A place kept in the notes counts towards them.
    const withNotes: AnyImportField[] = ['visitDate', 'fullName', 'place', 'visitNotes']
    expect(readVisitRow(['2024/6/1', '粟島 海斗', '都内の会場', '備'.repeat(1995)], withNotes, TODAY).issues).toContainEqual({
      column: 3,
      severity: 'error',
      message: '備考は2,000文字以内にしてください（2,007文字あります）',
    })
  })
  it('reads a date with a time after it (an .xlsx date-time cell) as its day, the person’s dates too', () => {
    const withDates: AnyImportField[] = ['visitDate', 'fullName', 'birth', 'consentDate', 'session']
    const read = readVisitRow(
      ['2024-06-08 14:00', '粟島 海斗', '1990-05-01 10:30', '2024-05-20 09:15:42', '2024-06-08 14:00'],
      withDates,
      TODAY,
    )
    expect(read.issues).toEqual([])
    expect(read.visit).toMatchObject({ visitDate: '2024-06-08', session: { date: '2024-06-08' } })
    expect(read.person.draft).toMatchObject({ birthDate: '1990-05-01', consentDate: '2024-05-20' })
  })

  it('keeps what a place says after its municipality in the notes, and the municipality as its code', () => {
    const placeOf = (place: string, notes = '') =>
      readVisitRow(['2024/6/8', '粟島 海斗', place, notes], ['visitDate', 'fullName', 'place', 'visitNotes'], TODAY)
    expect(placeOf('粟島浦村 内浦港').visit).toMatchObject({ municipalityCode: '155861', notes: '場所: 内浦港' })
    expect(placeOf('新潟県岩船郡粟島浦村字内浦', '港で集合').visit).toMatchObject({
      municipalityCode: '155861',
      notes: '港で集合 / 場所: 字内浦',
    })
    expect(placeOf('遠野市  ふるさと村　本館').visit).toMatchObject({
      municipalityCode: '032085',
      notes: '場所: ふるさと村 本館',
    })
    // Only the municipality: nothing to add to the notes.
    expect(placeOf('粟島浦村').visit).toMatchObject({ municipalityCode: '155861', notes: null })
    expect(placeOf('新潟県岩船郡粟島浦村').visit).toMatchObject({ municipalityCode: '155861', notes: null })
    expect(placeOf('粟島浦村 内浦港').issues).toEqual([])
  })

  it('a row without a readable date is an error; a session date stands in for a missing visit date', () => {
    expect(readVisitRow(['', '粟島 海斗'], mapping, TODAY).issues).toContainEqual({
      column: 0,
      severity: 'error',
      message: '参加日・訪問日がありません',
    })
    expect(readVisitRow(['R6.13.1', '粟島 海斗'], mapping, TODAY).issues.filter((i) => i.severity === 'error')).toHaveLength(1)
    expect(readVisitRow(['', '粟島 海斗', '', 'x', '2024/6/1'], mapping, TODAY).visit.visitDate).toBe('2024-06-01')
  })
})

describe('readProgramRow', () => {
  const mapping: AnyImportField[] = [
    'programName',
    'fiscalYear',
    'startDate',
    'endDate',
    'targetMunicipality',
    'sessionDate',
    'sessionTime',
    'sessionMode',
    'fee',
  ]
  it('reads the program and its one session', () => {
    const read = readProgramRow(
      [
        'しまコト  アカデミー',
        '',
        '2024/6/1',
        '2025/2/28',
        '浜田市、どこか村',
        '2025/3/8',
        '13:00～15:00',
        'ハイブリッド',
        '4万円',
      ],
      mapping,
    )
    expect(read.program).toMatchObject({
      name: 'しまコト アカデミー',
      fiscalYear: 2024,
      startDate: '2024-06-01',
      endDate: '2025-02-28',
      municipalityCodes: ['322024'],
    })
    expect(read.session).toEqual({
      date: '2025-03-08',
      startTime: '13:00',
      endTime: '15:00',
      place: null,
      municipalityCode: null,
      mode: 'hybrid',
    })
    expect(read.issues.map((i) => [i.column, i.severity])).toEqual([
      [4, 'warning'],
      [8, 'error'],
    ])
  })
  it('derives 年度 from the session date (a March session belongs to the year before) and needs a name', () => {
    expect(readProgramRow(['講座', '', '', '', '', '2025/3/8'], mapping).program.fiscalYear).toBe(2024)
    expect(readProgramRow(['', '2024'], mapping).issues).toEqual([
      { column: 0, severity: 'error', message: 'プログラム名がありません' },
    ])
    expect(readProgramRow(['講座', '', '2024/6/2', '2024/6/1'], mapping).ok).toBe(false)
  })

  it('takes a session’s start from a time written in its 開催日 cell when no 時間 column gives one', () => {
    const withTime: AnyImportField[] = ['programName', 'sessionDate', 'sessionTime']
    expect(readProgramRow(['講座', '2024/6/8 13:00', ''], withTime).session).toMatchObject({
      date: '2024-06-08',
      startTime: '13:00',
    })
    expect(readProgramRow(['講座', '2024/6/8(土) 9:30', ''], withTime).session).toMatchObject({ startTime: '09:30' })
    expect(readProgramRow(['講座', '2024/6/8 13:00', '14:00～16:00'], withTime).session).toMatchObject({
      startTime: '14:00',
      endTime: '16:00',
    })
    // A session outside its program's 年度 is read, with a warning.
    expect(readProgramRow(['講座', '2025/4/12', '', '2024'], [...withTime, 'fiscalYear']).issues).toEqual([
      {
        column: 1,
        severity: 'warning',
        message: '開催日（2025-04-12）は2025年度ですが、このプログラムは2024年度です。年度か日付に誤りがないか確認してください',
      },
    ])
    // A date cell's midnight is no time.
    expect(readProgramRow(['講座', '2024/6/8 0:00', ''], withTime).session).toMatchObject({ startTime: null })
  })

  it('refuses what the program and session forms refuse: long text, huge numbers, 年度 out of range', () => {
    const limited: AnyImportField[] = [
      'programName',
      'fiscalYear',
      'capacity',
      'fee',
      'sessionDate',
      'sessionPlace',
      'coordinator',
    ]
    const errors = (cells: string[]) => readProgramRow(cells, limited).issues.filter((i) => i.severity === 'error')
    expect(errors(['講'.repeat(201), '2024', '200000', '999999999', '2024/6/1', '会'.repeat(201), '担'.repeat(101)])).toEqual([
      { column: 0, severity: 'error', message: 'プログラム名は200文字以内にしてください（201文字あります）' },
      { column: 6, severity: 'error', message: '担当は100文字以内にしてください（101文字あります）' },
      { column: 5, severity: 'error', message: '会場は200文字以内にしてください（201文字あります）' },
      { column: 2, severity: 'error', message: '定員は100,000人以下にしてください' },
      { column: 3, severity: 'error', message: '参加費は100,000,000円以下にしてください' },
    ])
    expect(errors(['講'.repeat(200), '2024', '100000', '100000000', '2024/6/1', '会'.repeat(200)])).toEqual([])
    expect(errors(['講座', '1950'])).toEqual([
      { column: 1, severity: 'error', message: '年度は1989〜2200年度にしてください（1950年度です）' },
    ])
    // Derived from an old session date: the date's column is named.
    expect(errors(['講座', '', '', '', '1985/6/1'])).toEqual([
      { column: 4, severity: 'error', message: '年度は1989〜2200年度にしてください（1985年度です）' },
    ])
  })
})

describe('row readers under random cells', () => {
  const cell = fc.oneof(
    fc.constantFrom(
      '',
      ' ',
      '=SUM(A1)',
      'R6.6.1',
      '令和元年5月1日',
      '45383',
      '第3回',
      '0回',
      '13:00〜',
      '25:61',
      '2泊3日',
      '¥1,000',
      '無料',
      'オンライン',
      'ﾊｲﾌﾞﾘｯﾄﾞ',
      '粟島浦村',
      '令和百年度',
      '-1',
      '浜田 一郎',
      'a@example.jp',
    ),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
  )
  const visitField = fc.constantFrom(...fieldsOfKind('visits'))
  const programField = fc.constantFrom(...fieldsOfKind('programs'))
  const checkIssues = (issues: { column: number; severity: string; message: string }[], ok: boolean, width: number) => {
    for (const i of issues) {
      expect(['error', 'warning']).toContain(i.severity)
      expect(i.message.length).toBeGreaterThan(0)
      expect(i.column).toBeGreaterThanOrEqual(-1)
      expect(i.column).toBeLessThan(Math.max(width, 1))
    }
    expect(ok).toBe(!issues.some((i) => i.severity === 'error'))
  }
  it('readVisitRow answers typed issues for any cells and mapping, never an exception', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 10 }), fc.array(visitField, { maxLength: 10 }), (cells, mapping) => {
        const read = readVisitRow(cells, mapping, TODAY)
        checkIssues(read.issues, read.ok, Math.max(mapping.length, cells.length))
        if (read.ok) expect(read.visit.visitDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      }),
      { numRuns: 500 },
    )
  })
  it('readProgramRow answers typed issues for any cells and mapping, never an exception', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 10 }), fc.array(programField, { maxLength: 10 }), (cells, mapping) => {
        const read = readProgramRow(cells, mapping)
        checkIssues(read.issues, read.ok, Math.max(mapping.length, cells.length))
        if (read.ok) {
          expect(read.program.name).toBeTruthy()
          expect(Number.isInteger(read.program.fiscalYear)).toBe(true)
        }
      }),
      { numRuns: 500 },
    )
  })
})
