import { normalizeWidth } from '../kana'
import { tooLongMessage, visitLimits } from '../recordLimits'
import type { VisitMode } from '../vocabulary'
import { parseAddress } from './address'
import { readEventDate, readNights, readVisitMode } from './cellReaders'
import type { CellRead } from './cellReaders'
import type { ImportField } from './headers'
import { personMapping } from './kinds'
import type { AnyImportField } from './kinds'
import { readPersonRow } from './personRow'
import type { CellIssue, ReadPerson } from './personRow'

/** Which session of the program a row names: its number (第2回) or its day. */
export type SessionRef = { number: number } | { date: string }

/** A visit as read from one row, before the program and session are looked up. */
export interface VisitDraft {
  visitDate: string | null
  programName: string | null
  session: SessionRef | null
  /** The place as written, and its municipality when the text names one. */
  place: string | null
  municipalityCode: string | null
  /** Null: not given (stored as 現地). */
  mode: VisitMode | null
  nights: number
  purpose: string | null
  notes: string | null
}

export interface ReadVisit {
  person: ReadPerson
  visit: VisitDraft
  /** The person's issues and the visit's together, for the review grid. */
  issues: CellIssue[]
  ok: boolean
}

/** 第2回, 2回, 2, ②-style numbers are not used in practice; a date names the session's day. */
function readSessionRef(raw: string): CellRead<SessionRef> {
  const text = normalizeWidth(raw).replace(/\s/g, '')
  const n = /^第?(\d{1,3})回?(目)?$/.exec(text)
  if (n) return Number(n[1]) >= 1 ? { ok: true, value: { number: Number(n[1]) } } : { ok: false, message: '回は1以上です' }
  const date = readEventDate(raw)
  return date.ok
    ? { ok: true, value: { date: date.value }, ...(date.warning && { warning: date.warning }) }
    : { ok: false, message: `開催回「${raw}」を読み取れません（例: 第2回、2024/6/1）` }
}

/** The last `length` characters of `text` that are not spaces, with the spaces between them. */
function tailWithSpaces(text: string, length: number): string {
  let kept = 0
  let at = text.length
  while (at > 0 && kept < length) if (!/\s/.test(text[--at]!)) kept++
  return text.slice(at).trim().replace(/\s+/g, ' ')
}

/**
 * A place as written: its municipality when the text begins with one, and what follows it
 * (「粟島浦村 内浦港」 → 粟島浦村, 「内浦港」), with its spaces, for the notes.
 */
function readPlace(raw: string): { municipalityCode: string | null; rest: string } {
  const text = normalizeWidth(raw)
  const parsed = parseAddress(text)
  return {
    municipalityCode: parsed.municipalityCode,
    rest: parsed.municipalityCode ? tailWithSpaces(text, parsed.rest.length) : '',
  }
}

/**
 * The mapping readPersonRow sees for one row: a 連絡先 column holds an e-mail or a phone
 * number depending on the row, so it is read as whichever the cell looks like — unless the
 * sheet's own column for that has a value on this row (which then wins).
 */
function rowPersonMapping(cells: readonly string[], mapping: readonly AnyImportField[]): ImportField[] {
  const person = personMapping(mapping)
  const filled = (column: number) => (cells[column] ?? '').trim() !== ''
  mapping.forEach((field, column) => {
    if (field !== 'contactInfo') return
    const raw = (cells[column] ?? '').trim()
    const as: ImportField = raw.includes('@') ? 'email' : 'phone'
    if (!person.some((f, own) => f === as && filled(own))) person[column] = as
  })
  return person
}

/**
 * Reads one row of a sign-in sheet or visit log: the person through readPersonRow (the same
 * reader contacts use), then the visit's own cells, each with an issue when it cannot be read
 * (error) or was read with a guess (warning). A row without a readable date is an error.
 */
export function readVisitRow(cells: readonly string[], mapping: readonly AnyImportField[], today: string): ReadVisit {
  const person = readPersonRow(cells, rowPersonMapping(cells, mapping), today)
  const issues: CellIssue[] = [...person.issues]
  const issue = (column: number, severity: CellIssue['severity'], message: string) => issues.push({ column, severity, message })
  const visit: VisitDraft = {
    visitDate: null,
    programName: null,
    session: null,
    place: null,
    municipalityCode: null,
    mode: null,
    nights: 0,
    purpose: null,
    notes: null,
  }
  let dateColumn = -1
  /** What the place says after its municipality (「内浦港」 of 「粟島浦村 内浦港」). */
  let placeRest = ''
  mapping.forEach((field, column) => {
    const raw = (cells[column] ?? '').trim()
    if (field === 'visitDate') dateColumn = column
    if (raw === '') return
    const read = <T>(r: CellRead<T>, set: (v: T) => void) => {
      if (!r.ok) return issue(column, 'error', r.message)
      set(r.value)
      if (r.warning) issue(column, 'warning', r.warning)
    }
    const formula = () =>
      /^[=+@]/.test(raw) && issue(column, 'warning', '数式のような値です。計算はせず、文字としてそのまま取り込みます')
    switch (field) {
      case 'visitDate':
        read(readEventDate(raw), (v) => (visit.visitDate = v))
        break
      case 'program':
        formula()
        visit.programName = normalizeWidth(raw).replace(/\s+/g, ' ')
        break
      case 'session':
        read(readSessionRef(raw), (v) => (visit.session = v))
        break
      case 'place': {
        formula()
        visit.place = normalizeWidth(raw)
        const place = readPlace(raw)
        visit.municipalityCode = place.municipalityCode
        placeRest = place.rest
        if (!visit.municipalityCode)
          issue(column, 'warning', `「${raw}」を市区町村として読み取れませんでした。場所は備考に残します`)
        break
      }
      case 'visitMode':
        read(readVisitMode(raw), (v) => (visit.mode = v))
        break
      case 'nights':
        read(readNights(raw), (v) => (visit.nights = v))
        break
      case 'purpose':
        formula()
        visit.purpose = raw
        break
      case 'visitNotes':
        formula()
        visit.notes = raw
        break
    }
  })
  // A session's day stands in for the visit day when the sheet has only 開催日.
  if (!visit.visitDate && visit.session && 'date' in visit.session) visit.visitDate = visit.session.date
  if (!visit.visitDate && !issues.some((i) => i.column === dateColumn && dateColumn >= 0 && i.severity === 'error'))
    issues.push({ column: dateColumn, severity: 'error', message: '参加日・訪問日がありません' })
  if (visit.mode === 'online' && visit.nights > 0) {
    issue(mapping.indexOf('nights'), 'warning', 'オンライン参加のため泊数は0にします')
    visit.nights = 0
  }
  // The place is kept in the notes: whole when no municipality was read from it, or what
  // follows the municipality (which is stored as its code).
  const placeNote = visit.municipalityCode ? placeRest : (visit.place ?? '')
  if (placeNote) visit.notes = [visit.notes, `場所: ${placeNote}`].filter(Boolean).join(' / ')
  // What the visit form would refuse is an error here too (recordLimits).
  const tooLong = (fields: AnyImportField[], label: string, value: string | null, limit: number) => {
    const column = fields.map((f) => mapping.indexOf(f)).find((c) => c >= 0) ?? -1
    if (value !== null && value.length > limit) issue(column, 'error', tooLongMessage(label, limit, value.length))
  }
  tooLong(['purpose'], '目的', visit.purpose, visitLimits.purpose)
  // The notes may hold the place too (above): the message then points at whichever column is there.
  tooLong(['visitNotes', 'place'], '備考', visit.notes, visitLimits.notes)
  if (visit.nights > visitLimits.nights)
    issue(mapping.indexOf('nights'), 'error', `泊数は${visitLimits.nights}泊以下にしてください`)
  return { person, visit, issues, ok: !issues.some((i) => i.severity === 'error') }
}
