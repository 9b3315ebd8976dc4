import { headerKey, importFields, suggestField } from './headers'
import type { ImportField } from './headers'

/** What a file describes: people, their visits/attendance, or programs with their sessions. */
export const importKinds = ['contacts', 'visits', 'programs'] as const
export type ImportKind = (typeof importKinds)[number]

/** Columns of a sign-in sheet or visit log beyond the person: when, what, where, how. */
export const visitFields = [
  'visitDate',
  'program',
  'session',
  'place',
  'visitMode',
  'nights',
  'purpose',
  'visitNotes',
  'contactInfo',
] as const
export type VisitField = (typeof visitFields)[number]

/** Columns of a program list: the program (repeated on each row) and, per row, one session. */
export const programFields = [
  'programName',
  'fiscalYear',
  'category',
  'funding',
  'startDate',
  'endDate',
  'capacity',
  'fee',
  'coordinator',
  'targetMunicipality',
  'description',
  'sessionDate',
  'sessionTime',
  'sessionPlace',
  'sessionMode',
] as const
export type ProgramField = (typeof programFields)[number]

/** Every field any kind can map a column to (contacts' own list first, unchanged). */
export const anyImportFields = [
  ...importFields.filter((f) => f !== 'ignore'),
  ...visitFields,
  ...programFields,
  'ignore',
] as const satisfies readonly (ImportField | VisitField | ProgramField)[]
export type AnyImportField = ImportField | VisitField | ProgramField

const personFields = importFields.filter((f) => f !== 'ignore')

/** The fields offered for a kind, in the order the mapping table lists them. */
export function fieldsOfKind(kind: ImportKind): AnyImportField[] {
  if (kind === 'contacts') return [...importFields]
  if (kind === 'visits') return [...visitFields.filter((f) => f !== 'contactInfo'), ...personFields, 'contactInfo', 'ignore']
  return [...programFields, 'ignore']
}

/**
 * Header words for the new kinds (Japanese first). They are consulted before the person words
 * for visits (so 備考 on a sign-in sheet is about the visit, and 連絡先 may hold an e-mail or a
 * phone), and alone for programs. Contacts never see them: its suggestions stay as they were.
 */
const visitSynonyms: Record<VisitField, string[]> = {
  visitDate: ['参加日', '訪問日', '日付', '来訪日', '来場日', '実施日', '年月日', 'date', 'visitdate'],
  program: ['事業名', 'プログラム名', '講座名', 'イベント名', '事業', 'プログラム', 'イベント', 'program', 'event'],
  session: ['回', '開催回', '第何回', '開催日', 'session'],
  place: ['場所', '会場', '訪問先', '訪問地', '行き先', 'place', 'venue'],
  visitMode: ['参加形態', '参加方法', '形態', 'オンライン/現地', '現地/オンライン', 'mode'],
  nights: ['泊数', '宿泊数', '宿泊', 'nights'],
  purpose: ['目的', '用件', '訪問目的', '来訪目的', 'purpose'],
  visitNotes: ['備考', 'メモ', '特記事項', 'notes', 'memo'],
  contactInfo: ['連絡先', '連絡先(メール・電話)', 'contact'],
}
const programSynonyms: Record<ProgramField, string[]> = {
  programName: ['事業名', 'プログラム名', '講座名', 'イベント名', '名称', 'プログラム', '事業', 'program', 'name'],
  fiscalYear: ['年度', '実施年度', 'fiscalyear'],
  category: ['種別', '区分', 'カテゴリ', 'カテゴリー', '分類', 'category'],
  funding: ['財源', '補助事業', '交付金', '補助金', 'funding'],
  startDate: ['開始日', '期間開始', '実施期間(開始)', '募集開始', 'startdate'],
  endDate: ['終了日', '期間終了', '実施期間(終了)', 'enddate'],
  capacity: ['定員', '募集人数', '募集定員', 'capacity'],
  fee: ['参加費', '受講料', '料金', '費用', 'fee'],
  coordinator: ['担当', '担当者', 'コーディネーター', '担当職員', 'coordinator'],
  targetMunicipality: ['対象市町村', '対象市区町村', '対象地域', '実施地域', '実施市町村'],
  description: ['内容', '概要', '説明', '事業概要', 'description'],
  sessionDate: ['開催日', '実施日', '日付', '日程', 'sessiondate', 'date'],
  sessionTime: ['時間', '開催時間', '時刻', '開始時間', 'time'],
  sessionPlace: ['会場', '場所', '開催場所', 'place', 'venue'],
  sessionMode: ['開催形態', '形態', '参加形態', '実施形態', 'mode'],
}

type Entry = { field: AnyImportField; key: string }
const entries = (synonyms: Record<string, string[]>): Entry[] =>
  Object.entries(synonyms)
    .flatMap(([field, words]) => words.map((w) => ({ field: field as AnyImportField, key: headerKey(w) })))
    .sort((a, b) => b.key.length - a.key.length)
const visitEntries = entries(visitSynonyms)
const programEntries = entries(programSynonyms)

function fromEntries(list: Entry[], key: string, partial: boolean): AnyImportField | null {
  const hit = partial ? list.find((s) => s.key.length >= 2 && key.includes(s.key)) : list.find((s) => s.key === key)
  return hit?.field ?? null
}

/** The field a header most likely means for a kind, or null. */
export function suggestFieldFor(kind: ImportKind, header: string): AnyImportField | null {
  if (kind === 'contacts') return suggestField(header)
  const key = headerKey(header)
  if (key === '') return null
  if (kind === 'programs') return fromEntries(programEntries, key, false) ?? fromEntries(programEntries, key, true)
  return fromEntries(visitEntries, key, false) ?? suggestField(header) ?? fromEntries(visitEntries, key, true)
}

/** suggestMapping for a kind: each field to the first column that claims it. */
export function suggestMappingFor(kind: ImportKind, headers: readonly string[]): AnyImportField[] {
  const taken = new Set<AnyImportField>()
  return headers.map((h) => {
    const field = suggestFieldFor(kind, h)
    if (!field || taken.has(field)) return 'ignore'
    taken.add(field)
    return field
  })
}

/** detectHeaderRow for a kind: the early row whose cells name the most known fields. */
export function detectHeaderRowFor(kind: ImportKind, rows: readonly (readonly string[])[], lookAhead = 15): number {
  let best = 0
  let bestScore = -1
  for (let i = 0; i < Math.min(rows.length, lookAhead); i++) {
    const score = rows[i]!.filter((cell) => suggestFieldFor(kind, cell) !== null).length
    if (score > bestScore) {
      best = i
      bestScore = score
    }
  }
  return bestScore > 0 ? best : 0
}

/** Keeps only a kind's fields: anything else (say, a program field in a contacts mapping) is ignored. */
export function mappingForKind(kind: ImportKind, mapping: readonly AnyImportField[]): AnyImportField[] {
  const allowed = new Set(fieldsOfKind(kind))
  return mapping.map((f) => (allowed.has(f) ? f : 'ignore'))
}

/** The person part of a mapping, for readPersonRow: non-person columns become 'ignore'. */
export function personMapping(mapping: readonly AnyImportField[]): ImportField[] {
  const person = new Set<string>(importFields)
  return mapping.map((f) => (person.has(f) ? (f as ImportField) : 'ignore'))
}
