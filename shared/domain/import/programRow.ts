import { fiscalYearOf } from '../dates'
import { normalizeWidth } from '../kana'
import { fiscalYearLimits, programLimits, sessionLimits, tooLongMessage } from '../recordLimits'
import type { FundingSource, ProgramCategory, SessionMode } from '../vocabulary'
import {
  placeMunicipality,
  readAmount,
  readCategory,
  readEventDate,
  readFiscalYear,
  readFunding,
  readMunicipalityList,
  readSessionMode,
  readTimeRange,
} from './cellReaders'
import type { CellRead } from './cellReaders'
import type { AnyImportField } from './kinds'
import type { CellIssue } from './personRow'

/** The program a row names. Fields the row leaves empty are null (another row may give them). */
export interface ProgramDraft {
  name: string | null
  /** As written, or derived from the start or session date (fiscalYearOf). */
  fiscalYear: number | null
  category: ProgramCategory | null
  fundingSource: FundingSource | null
  startDate: string | null
  endDate: string | null
  capacity: number | null
  fee: number | null
  coordinator: string | null
  municipalityCodes: string[]
  description: string | null
}

/** The one session a row adds, if it has a date. */
export interface SessionDraft {
  date: string
  startTime: string | null
  endTime: string | null
  place: string | null
  municipalityCode: string | null
  /** Null: not given (stored as 現地). */
  mode: SessionMode | null
}

export interface ReadProgram {
  program: ProgramDraft
  session: SessionDraft | null
  /**
   * True when the row gives its 年度 itself (its 年度 or 開始日 cell); false when the 年度 was
   * only derived from its 開催日, so the row may belong to a program named on an earlier row.
   */
  ownFiscalYear: boolean
  issues: CellIssue[]
  ok: boolean
}

/** The time written after a date (「2024/6/8 13:00」 → '13:00'); null without one, or at 00:00 (a date cell's midnight). */
function timeAfterDate(raw: string): string | null {
  const m = /\s(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(normalizeWidth(raw).trim())
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null
  const time = `${m[1]!.padStart(2, '0')}:${m[2]}`
  return time === '00:00' ? null : time
}

/**
 * Reads one row of a program list: the program's fields (repeated on each of its rows, or
 * given once) and at most one session. Rows are later grouped into programs by name and
 * fiscal year. Pure; every unreadable cell is an issue, never an exception.
 */
export function readProgramRow(cells: readonly string[], mapping: readonly AnyImportField[]): ReadProgram {
  const program: ProgramDraft = {
    name: null,
    fiscalYear: null,
    category: null,
    fundingSource: null,
    startDate: null,
    endDate: null,
    capacity: null,
    fee: null,
    coordinator: null,
    municipalityCodes: [],
    description: null,
  }
  let sessionDate: string | null = null
  const session = { startTime: null as string | null, endTime: null as string | null, place: null as string | null }
  let sessionMunicipality: string | null = null
  let sessionMode: SessionMode | null = null
  let fiscalYearWritten = false
  /** 「2024/6/8 13:00」 in the 開催日 column: the session's start when no 時間 column gives one. */
  let timeInDate: string | null = null
  const issues: CellIssue[] = []
  const issue = (column: number, severity: CellIssue['severity'], message: string) => issues.push({ column, severity, message })

  mapping.forEach((field, column) => {
    const raw = (cells[column] ?? '').trim()
    if (raw === '' || field === 'ignore') return
    const read = <T>(r: CellRead<T>, set: (v: T) => void) => {
      if (!r.ok) return issue(column, 'error', r.message)
      set(r.value)
      if (r.warning) issue(column, 'warning', r.warning)
    }
    const text = () => {
      if (/^[=+@]/.test(raw)) issue(column, 'warning', '数式のような値です。計算はせず、文字としてそのまま取り込みます')
      return normalizeWidth(raw).replace(/\s+/g, ' ')
    }
    switch (field) {
      case 'programName':
        program.name = text()
        break
      case 'fiscalYear':
        read(readFiscalYear(raw), (v) => {
          program.fiscalYear = v
          fiscalYearWritten = true
        })
        break
      case 'category':
        read(readCategory(raw), (v) => (program.category = v))
        break
      case 'funding':
        read(readFunding(raw), (v) => (program.fundingSource = v))
        break
      case 'startDate':
        read(readEventDate(raw), (v) => (program.startDate = v))
        break
      case 'endDate':
        read(readEventDate(raw), (v) => (program.endDate = v))
        break
      case 'capacity':
        read(readAmount(raw, '人'), (v) => (program.capacity = v))
        break
      case 'fee':
        read(readAmount(raw, '円'), (v) => (program.fee = v))
        break
      case 'coordinator':
        program.coordinator = text()
        break
      case 'description':
        program.description = text()
        break
      case 'targetMunicipality': {
        const { codes, unknown } = readMunicipalityList(raw)
        program.municipalityCodes = codes
        if (unknown.length > 0) issue(column, 'warning', `「${unknown.join('、')}」を市区町村として読み取れませんでした`)
        break
      }
      case 'sessionDate':
        read(readEventDate(raw), (v) => (sessionDate = v))
        timeInDate = timeAfterDate(raw)
        break
      case 'sessionTime':
        read(readTimeRange(raw), (v) => {
          session.startTime = v.start
          session.endTime = v.end
        })
        break
      case 'sessionPlace':
        session.place = text()
        sessionMunicipality = placeMunicipality(raw)
        break
      case 'sessionMode':
        read(readSessionMode(raw), (v) => (sessionMode = v))
        break
    }
  })
  if (session.startTime === null && timeInDate !== null) session.startTime = timeInDate
  if (!program.name) issue(mapping.indexOf('programName'), 'error', 'プログラム名がありません')
  if (program.startDate && program.endDate && program.endDate < program.startDate)
    issue(mapping.indexOf('endDate'), 'error', '終了日が開始日より前です')
  const dated = program.startDate ?? sessionDate
  if (!fiscalYearWritten && dated) program.fiscalYear = fiscalYearOf(dated)
  if (program.fiscalYear === null && !issues.some((i) => i.severity === 'error'))
    issue(mapping.indexOf('fiscalYear'), 'error', '年度・開始日・開催日のいずれもありません')
  // What the program and session forms would refuse is an error here too (recordLimits).
  const tooLong = (field: AnyImportField, label: string, value: string | null, limit: number) => {
    if (value !== null && value.length > limit) issue(mapping.indexOf(field), 'error', tooLongMessage(label, limit, value.length))
  }
  tooLong('programName', 'プログラム名', program.name, programLimits.name)
  tooLong('coordinator', '担当', program.coordinator, programLimits.coordinator)
  tooLong('description', '内容', program.description, programLimits.description)
  tooLong('sessionPlace', '会場', session.place, sessionLimits.place)
  const tooMany = (field: AnyImportField, label: string, value: number | null, max: number, unit: string) => {
    if (value !== null && value > max)
      issue(mapping.indexOf(field), 'error', `${label}は${max.toLocaleString()}${unit}以下にしてください`)
  }
  tooMany('capacity', '定員', program.capacity, programLimits.capacity, '人')
  tooMany('fee', '参加費', program.fee, programLimits.fee, '円')
  const { min, max } = fiscalYearLimits
  if (program.fiscalYear !== null && (program.fiscalYear < min || program.fiscalYear > max)) {
    const from: AnyImportField = fiscalYearWritten ? 'fiscalYear' : program.startDate ? 'startDate' : 'sessionDate'
    issue(mapping.indexOf(from), 'error', `年度は${min}〜${max}年度にしてください（${program.fiscalYear}年度です）`)
  }
  // A session in another 年度 than the one written for its program is most often a typo (a
  // sign-in sheet still finds the program by the session's day: kindsPreview.visitTarget).
  if (sessionDate && program.fiscalYear !== null && fiscalYearOf(sessionDate) !== program.fiscalYear)
    issue(
      mapping.indexOf('sessionDate'),
      'warning',
      `開催日（${sessionDate}）は${fiscalYearOf(sessionDate)}年度ですが、このプログラムは${program.fiscalYear}年度です。年度か日付に誤りがないか確認してください`,
    )
  const hasSessionCells = session.startTime !== null || session.place !== null || sessionMode !== null
  if (!sessionDate && hasSessionCells)
    issue(mapping.indexOf('sessionDate'), 'warning', '開催日がないため、この行の時間・会場・形態は開催回になりません')
  return {
    program,
    session: sessionDate ? { date: sessionDate, ...session, municipalityCode: sessionMunicipality, mode: sessionMode } : null,
    ownFiscalYear: fiscalYearWritten || program.startDate !== null,
    issues,
    ok: !issues.some((i) => i.severity === 'error'),
  }
}
