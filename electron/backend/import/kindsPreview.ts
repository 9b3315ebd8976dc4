import { randomUUID } from 'node:crypto'
import type { Database as Sqlite } from 'better-sqlite3'
import type { ProgramRowView, VisitRowView } from '../../../shared/contract/importKinds'
import { fiscalYearOf, formatFiscalYear } from '../../../shared/domain/dates'
import { normalizeForSearch } from '../../../shared/domain/kana'
import { detectHeaderRowFor, mappingForKind, suggestMappingFor } from '../../../shared/domain/import/kinds'
import { splitNameOverTwoColumns } from '../../../shared/domain/import/headers'
import type { AnyImportField } from '../../../shared/domain/import/kinds'
import { readProgramRow } from '../../../shared/domain/import/programRow'
import type { ProgramDraft, ReadProgram } from '../../../shared/domain/import/programRow'
import { readVisitRow } from '../../../shared/domain/import/visitRow'
import type { ReadVisit } from '../../../shared/domain/import/visitRow'
import { jstParts, sessionsInFile, sessionsOnRecord } from '../../../shared/domain/sessionSeries'
import type { SessionsInFile } from '../../../shared/domain/sessionSeries'
import { livePrograms, sessionsOf, unlinkedVisitOn } from '../db/repos/importKindsRepo'
import type { ProgramKey, SessionKey } from '../db/repos/importKindsRepo'
import { countsOf } from './contactsPreview'
import type { DuplicateMatch } from './contactsPreview'
import { personMatches } from './personMatches'
import { CERTAIN_SCORE, NAME_ONLY_SCORE } from '../../../shared/domain/import/dedupe'
import type { SourceTable } from './source'

interface PreviewBase {
  previewId: string
  source: SourceTable
  headerRow: number
  headers: string[]
  mapping: AnyImportField[]
  counts: { rows: number; ok: number; errors: number; warnings: number; duplicates: number }
}

export interface VisitPreviewRow {
  index: number
  line: number
  read: ReadVisit
  duplicates: DuplicateMatch[]
  target: VisitRowView
}
export interface VisitsPreview extends PreviewBase {
  kind: 'visits'
  rows: VisitPreviewRow[]
}

export interface ProgramPreviewRow {
  index: number
  line: number
  read: ReadProgram
  /** Index into `groups`; null for rows with errors. */
  group: number | null
  view: ProgramRowView
}
/** One program of the file: its rows, its fields (first row that gives each) and its match. */
export interface ProgramGroup {
  program: ProgramDraft
  existingProgramId: string | null
  rows: number[]
}
export interface ProgramsPreview extends PreviewBase {
  kind: 'programs'
  rows: ProgramPreviewRow[]
  groups: ProgramGroup[]
}

export type KindPreview = VisitsPreview | ProgramsPreview

type Options = { headerRow?: number; mapping?: AnyImportField[]; today: string }

function layout(kind: 'visits' | 'programs', source: SourceTable, options: Options) {
  const headerRow = options.headerRow ?? detectHeaderRowFor(kind, source.rows)
  const headers = source.rows[headerRow] ?? []
  const dataRows = source.rows.slice(headerRow + 1).map((cells, i) => ({ cells, line: headerRow + i + 2 }))
  const mapping = options.mapping
    ? mappingForKind(kind, options.mapping)
    : splitNameOverTwoColumns(
        suggestMappingFor(kind, headers),
        headers,
        dataRows.map((r) => r.cells),
      )
  const nonEmpty = dataRows.filter((r) => r.cells.some((c) => c.trim() !== ''))
  return { headerRow, headers, mapping, nonEmpty }
}

/** Programs by normalized name and 年度: 「しまコト アカデミー」 and 「しまコトアカデミー」 are one. */
const programKey = (name: string, fiscalYear: number) => `${normalizeForSearch(name)}|${fiscalYear}`

/** The live programs by name and 年度, and their sessions' start times: read by the preview, and again by the commit. */
export function programIndex(sqlite: Sqlite) {
  const byKey = new Map<string, string>()
  const byName = new Map<string, ProgramKey[]>()
  for (const p of livePrograms(sqlite)) {
    if (!byKey.has(programKey(p.name, p.fiscalYear))) byKey.set(programKey(p.name, p.fiscalYear), p.id)
    const name = normalizeForSearch(p.name)
    byName.set(name, [...(byName.get(name) ?? []), p])
  }
  const sessions = sessionsOf(sqlite)
  const cache = new Map<string, SessionKey[]>()
  const sessionsOfProgram = (programId: string) =>
    cache.get(programId) ?? cache.set(programId, sessions(programId)).get(programId)!
  return {
    find: (name: string, fiscalYear: number) => byKey.get(programKey(name, fiscalYear)) ?? null,
    /**
     * A program of that name in any 年度 held on the day: one with a session that day, else
     * one whose 開始日〜終了日 cover it (a winter program of 2024年度 running into May 2025).
     */
    findOnDay: (name: string, date: string): string | null => {
      const named = byName.get(normalizeForSearch(name)) ?? []
      const withSession = named.find((p) => sessionsOfProgram(p.id).some((s) => jstParts(s.startsAt).date === date))
      const covering = named.find((p) => p.startDate !== null && p.endDate !== null && p.startDate <= date && date <= p.endDate)
      return (withSession ?? covering)?.id ?? null
    },
    sessions: sessionsOfProgram,
  }
}

/**
 * Which program and session a visit row names. A program is found by name in the 年度 of the
 * visit date, else one of that name held on the day in another 年度 (a session of a 2024年度
 * program in April 2025); its session by number (第2回), by day, or else the session held on
 * the visit day. What cannot be found is said as a warning, and the row is still a visit.
 */
function visitTarget(
  read: ReadVisit,
  index: ReturnType<typeof programIndex>,
  column: (f: AnyImportField) => number,
): VisitRowView {
  const { visit } = read
  const none: VisitRowView = { draft: visit, target: 'visit', programId: null, programName: null, sessionId: null }
  if (!visit.programName || !visit.visitDate) return none
  const fiscalYear = fiscalYearOf(visit.visitDate)
  const day = visit.session && 'date' in visit.session ? visit.session.date : visit.visitDate
  const programId = index.find(visit.programName, fiscalYear) ?? index.findOnDay(visit.programName, day)
  if (!programId) {
    read.issues.push({
      column: column('program'),
      severity: 'warning',
      // Says what to do next: once imported, the visits stay unlinked (importing the sheet again
      // finds them already recorded), so the program must be registered before this import.
      message:
        `${formatFiscalYear(fiscalYear)}の「${visit.programName}」は登録されていません。プログラムに結び付けない訪問記録として取り込みます。` +
        'プログラムへの参加として記録するには、取り込む前に「プログラム」画面でこの年度に登録してから、ファイルを読み込み直してください',
    })
    return none
  }
  const sessions = index.sessions(programId)
  const ref = visit.session
  const onDay = (date: string) => sessions.find((s) => jstParts(s.startsAt).date === date)
  const session = ref ? ('number' in ref ? sessions[ref.number - 1] : onDay(ref.date)) : onDay(visit.visitDate)
  if (!session) {
    read.issues.push({
      column: ref ? column('session') : column('visitDate'),
      severity: 'warning',
      message: ref
        ? `「${visit.programName}」に${'number' in ref ? `第${ref.number}回` : `${ref.date}の回`}がありません。回を指定せずにプログラムへの参加として取り込みます`
        : `「${visit.programName}」に${visit.visitDate}の回がありません。回を指定せずにプログラムへの参加として取り込みます`,
    })
    return { ...none, target: 'program', programId, programName: visit.programName }
  }
  const sessionDay = jstParts(session.startsAt).date
  if (sessionDay !== visit.visitDate) {
    read.issues.push({
      column: column('visitDate'),
      severity: 'warning',
      message: `参加日を開催回の日付（${sessionDay}）にそろえます`,
    })
    visit.visitDate = sessionDay
  }
  // A day with several sessions and no 回 to tell which: the first that day, said so.
  const sameDay = ref && 'number' in ref ? [] : sessions.filter((s) => jstParts(s.startsAt).date === sessionDay)
  if (sameDay.length > 1) {
    const { time } = jstParts(session.startsAt)
    const at = time === '00:00' ? '' : `（${time}開始）`
    read.issues.push({
      column: ref ? column('session') : column('visitDate'),
      severity: 'warning',
      message: `「${visit.programName}」は${sessionDay}に開催回が${sameDay.length}回あるため、最初の第${sessions.indexOf(session) + 1}回${at}への参加として取り込みます。別の回なら「回」の列に第何回かを入れてください`,
    })
  }
  // Attending an online session is attending online, unless the sheet says otherwise.
  if (visit.mode === null && session.mode === 'online') {
    visit.mode = 'online'
    if (visit.nights > 0) {
      read.issues.push({
        column: column('nights'),
        severity: 'warning',
        message: `オンラインの開催回（${sessionDay}）への参加のため泊数は0にします`,
      })
      visit.nights = 0
    }
  }
  return { draft: visit, target: 'attendance', programId, programName: visit.programName, sessionId: session.id }
}

/**
 * Several people already registered match a row equally well (同姓同名 on a names-only sheet):
 * the visit goes to the first unless the user picks the right one, so the row says so.
 */
function warnOfNamesakes(read: ReadVisit, duplicates: readonly DuplicateMatch[], nameColumn: number): void {
  const stored = duplicates.filter((d) => d.contactId !== undefined)
  const top = stored[0]?.match.score
  if (top === undefined || top >= CERTAIN_SCORE) return
  const tied = stored.filter((d) => d.match.score === top).length
  if (tied < 2) return
  read.issues.push({
    column: nameColumn,
    severity: 'warning',
    message: `同じ氏名の方が${tied}人登録されています。「比べる」で正しい方を選んでください（選ばなければ候補の先頭の方の記録になります）`,
  })
}

/**
 * The registered person a row is proposed as already has a visit that day with no 事業 (the
 * sheet imported before its program was registered): the commit counts the row as recorded
 * and adds nothing, so the row says so, and how to link the earlier visit.
 */
function warnOfUnlinkedVisit(
  row: { read: ReadVisit; duplicates: readonly DuplicateMatch[]; target: VisitRowView },
  hasUnlinked: (contactId: string, visitDate: string) => boolean,
  dateColumn: number,
): void {
  const { target } = row
  const visitDate = target.draft.visitDate
  if (target.programId === null || !visitDate) return
  const best = row.duplicates.find((d) => d.contactId !== undefined)
  if (!best || best.match.otherName || !hasUnlinked(best.contactId!, visitDate)) return
  row.read.issues.push({
    column: dateColumn,
    severity: 'warning',
    message: `${best.name}さんの${visitDate}の訪問記録が、プログラムなしですでに登録されています。同じ訪問として数え、この行は追加しません（「${target.programName}」に結び付けるには、その訪問記録を編集してください）`,
  })
}

/** Reads a sign-in sheet or visit log: people with their duplicates, and each visit's target. Writes nothing. */
export function buildVisitsPreview(sqlite: Sqlite, source: SourceTable, options: Options): VisitsPreview {
  const { headerRow, headers, mapping, nonEmpty } = layout('visits', source, options)
  const reads = nonEmpty.map((r) => readVisitRow(r.cells, mapping, options.today))
  // A sign-in sheet often has names only: the same name is proposed as the same person.
  const matches = personMatches(
    sqlite,
    reads.map((r) => r.person.draft),
    NAME_ONLY_SCORE,
  )
  const index = programIndex(sqlite)
  const column = (f: AnyImportField) => mapping.indexOf(f)
  const rows = reads.map((read, i) => ({
    index: i,
    line: nonEmpty[i]!.line,
    read,
    duplicates: matches[i]!,
    target: read.ok
      ? visitTarget(read, index, column)
      : { draft: read.visit, target: 'visit' as const, programId: null, programName: null, sessionId: null },
  }))
  const nameColumn = Math.max(column('fullName'), column('familyName'))
  const hasUnlinked = unlinkedVisitOn(sqlite)
  for (const row of rows) {
    if (!row.read.ok) continue
    warnOfNamesakes(row.read, row.duplicates, nameColumn)
    warnOfUnlinkedVisit(row, hasUnlinked, column('visitDate'))
  }
  return {
    previewId: randomUUID(),
    kind: 'visits',
    source,
    headerRow,
    headers,
    mapping,
    rows,
    counts: countsOf(rows, rows.filter((r) => r.duplicates.length > 0).length),
  }
}

/** Fields of a program from its rows: each from the first row that has it. */
function mergeDrafts(drafts: ProgramDraft[]): ProgramDraft {
  const merged = { ...drafts[0]! }
  for (const d of drafts.slice(1)) {
    for (const [field, value] of Object.entries(d) as [keyof ProgramDraft, unknown][]) {
      const current = merged[field]
      if (current === null || (Array.isArray(current) && current.length === 0)) (merged as Record<string, unknown>)[field] = value
    }
  }
  return merged
}

/**
 * A program whose rows, put together, end before they start (開始日 on one row, an earlier
 * 終了日 on another, or with no 開始日 every session after the 終了日): each row checks its own
 * dates only, so the whole program is an error on every one of its rows and is not written.
 * A single session outside the program's dates is a warning (warnOfSessionsOutsideDates).
 */
function refuseDatesOutOfOrder(group: ProgramGroup, rows: ProgramPreviewRow[], mapping: readonly AnyImportField[]): void {
  const days = group.rows.flatMap((i) => (rows[i]!.view.session ? [rows[i]!.view.session!.date] : [])).sort()
  // The dates the commit will store (programsCommit): the sessions stand in for a missing one.
  const start = group.program.startDate ?? days[0] ?? null
  const end = group.program.endDate ?? days.at(-1) ?? null
  // A program already registered keeps its own dates: only a new one is written from the rows.
  if (group.existingProgramId || !start || !end || start <= end) return
  const lines = group.rows.map((i) => `${rows[i]!.line}行目`).join('・')
  for (const i of group.rows) {
    const row = rows[i]!
    row.read.issues.push({
      column: mapping.indexOf(group.program.endDate ? 'endDate' : 'sessionDate'),
      severity: 'error',
      message: `このプログラム（${lines}）をまとめると、終了日（${end}）が開始日（${start}）より前になります。日付を直してください`,
    })
    row.read.ok = false
    row.group = null
  }
  group.rows = []
}

/**
 * A 開催日 before the program's 開始日 or after its 終了日 (given on any of its rows): the
 * session is still added, but one of the dates is most likely a typo, so its row says so.
 */
function warnOfSessionsOutsideDates(group: ProgramGroup, rows: ProgramPreviewRow[], mapping: readonly AnyImportField[]): void {
  const { startDate, endDate } = group.program
  for (const i of group.rows) {
    const date = rows[i]!.read.session?.date
    if (!date) continue
    const message =
      startDate && date < startDate
        ? `開催日（${date}）が、このプログラムの開始日（${startDate}）より前です。開催日か開始日に誤りがないか確認してください`
        : endDate && date > endDate
          ? `開催日（${date}）が、このプログラムの終了日（${endDate}）より後です。開催日か終了日に誤りがないか確認してください`
          : null
    if (message) rows[i]!.read.issues.push({ column: mapping.indexOf('sessionDate'), severity: 'warning', message })
  }
}

/**
 * A row with only 開催日 joined the program an earlier row named, in that program's 年度: when
 * its day is in another 年度 and no 終了日 says the program runs that long, the row says so.
 */
function warnOfAdoptedYear(
  group: ProgramGroup,
  rows: ProgramPreviewRow[],
  adopted: ReadonlySet<number>,
  mapping: readonly AnyImportField[],
): void {
  const { name, fiscalYear, endDate } = group.program
  if (endDate !== null || fiscalYear === null) return
  for (const i of group.rows) {
    const session = rows[i]!.read.session
    if (!adopted.has(i) || !session || fiscalYearOf(session.date) === fiscalYear) continue
    const own = fiscalYearOf(session.date)
    rows[i]!.read.issues.push({
      column: mapping.indexOf('sessionDate'),
      severity: 'warning',
      message: `開催日（${session.date}）は${own}年度ですが、年度も開始日もない行のため、前の行の「${name}」（${fiscalYear}年度）の開催回にします。${own}年度の別のプログラムなら年度を入れてください`,
    })
  }
}

/**
 * Reads a program list: rows grouped into programs by name and 年度, each matched to a live
 * program of the same name and year (reused, never duplicated), and each session checked
 * against the sessions already there (same start time = already registered). Writes nothing.
 */
export function buildProgramsPreview(sqlite: Sqlite, source: SourceTable, options: Options): ProgramsPreview {
  const { headerRow, headers, mapping, nonEmpty } = layout('programs', source, options)
  const reads = nonEmpty.map((r) => readProgramRow(r.cells, mapping))
  const index = programIndex(sqlite)
  const groups: ProgramGroup[] = []
  const groupByKey = new Map<string, number>()
  // A program is often given once, its other sessions on rows with only 開催日: such a row
  // belongs to the program of that name an earlier row gave a 年度 or 開始日 for, even when
  // its day falls in the next 年度 (a winter program running past 4月1日).
  const yearGivenByName = new Map<string, number>()
  const adopted = new Set<number>()
  // Per program: the sessions registered, and those earlier rows of this file give (with their line).
  const startsSeen = new Map<number, { stored: ReturnType<typeof sessionsOnRecord>; inFile: SessionsInFile }>()
  const rows: ProgramPreviewRow[] = reads.map((read, i) => {
    const base = { index: i, line: nonEmpty[i]!.line, read }
    if (!read.ok)
      return {
        ...base,
        group: null,
        view: {
          program: read.program,
          session: read.session,
          existingProgramId: null,
          firstOfProgram: false,
          programLine: base.line,
          sessionOutcome: 'none',
          sessionLine: null,
        },
      }
    const name = normalizeForSearch(read.program.name!)
    const key = programKey(read.program.name!, read.program.fiscalYear!)
    let group = groupByKey.get(key)
    if (group === undefined && !read.ownFiscalYear && yearGivenByName.has(name)) {
      group = yearGivenByName.get(name)!
      read.program.fiscalYear = groups[group]!.program.fiscalYear
      adopted.add(i)
    }
    if (group === undefined) {
      group = groups.length
      groupByKey.set(key, group)
      groups.push({
        program: read.program,
        existingProgramId: index.find(read.program.name!, read.program.fiscalYear!),
        rows: [],
      })
      startsSeen.set(group, {
        stored: sessionsOnRecord(
          groups[group]!.existingProgramId ? index.sessions(groups[group]!.existingProgramId!).map((s) => s.startsAt) : [],
        ),
        inFile: sessionsInFile(),
      })
    }
    groups[group]!.rows.push(i)
    if (read.ownFiscalYear) yearGivenByName.set(name, group)
    let sessionOutcome: ProgramRowView['sessionOutcome'] = 'none'
    let sessionLine: number | null = null
    if (read.session) {
      const { date, startTime } = read.session
      const { stored, inFile } = startsSeen.get(group)!
      const untimedNote = '（時間はプログラムの画面で入れられます）'
      const skipped = (message: string) =>
        read.issues.push({ column: mapping.indexOf('sessionDate'), severity: 'warning', message })
      if (stored.has(date, startTime)) {
        sessionOutcome = 'exists'
        skipped(
          startTime !== null && stored.untimedOn(date)
            ? `同じ日に時間のない開催回があるため、この回は追加しません${untimedNote}`
            : '同じ日時の開催回がすでにあるため、この回は追加しません',
        )
      } else if ((sessionLine = inFile.lineOf(date, startTime)) !== null) {
        sessionOutcome = 'repeat'
        skipped(
          startTime !== null && inFile.untimedOn(date)
            ? `${sessionLine}行目に同じ日の時間のない開催回があるため、この回は追加しません${untimedNote}`
            : `${sessionLine}行目と同じ開催回のため、この回は重ねて追加しません`,
        )
      } else sessionOutcome = 'new'
      inFile.add(date, startTime, base.line)
    }
    return {
      ...base,
      group,
      view: {
        program: read.program,
        session: read.session,
        existingProgramId: groups[group]!.existingProgramId,
        firstOfProgram: groups[group]!.rows[0] === i,
        programLine: nonEmpty[groups[group]!.rows[0]!]!.line,
        sessionOutcome,
        sessionLine,
      },
    }
  })
  for (const g of groups) {
    g.program = mergeDrafts(g.rows.map((r) => reads[r]!.program))
    warnOfAdoptedYear(g, rows, adopted, mapping)
    refuseDatesOutOfOrder(g, rows, mapping)
    warnOfSessionsOutsideDates(g, rows, mapping)
  }
  return {
    previewId: randomUUID(),
    kind: 'programs',
    source,
    headerRow,
    headers,
    mapping,
    rows,
    groups,
    counts: countsOf(rows, 0),
  }
}
