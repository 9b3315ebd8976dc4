import type { Contact } from '../contract/contacts'
import { municipalityByCode, prefectureByCode } from './localGov'
import { bases, genders, roots } from './vocabulary'

type ExportedContact = Contact & { tags?: string[] }
type Cell = (c: ExportedContact, stageLabel: (code: string) => string) => string | null

const label = <T extends Record<string, string>>(labels: T, code: string | null) => (code ? (labels[code] ?? code) : null)

/**
 * The columns a participants export can hold, in order, each as text: codes, phone numbers
 * and postal codes stay text so leading zeros survive in Excel. Pure, shared by CSV and XLSX.
 * The user picks which of them leave the app (exports never hold more than asked for).
 */
const columns = [
  { key: 'familyName', header: '姓', cell: (c) => c.familyName },
  { key: 'givenName', header: '名', cell: (c) => c.givenName },
  { key: 'familyKana', header: 'セイ', cell: (c) => c.familyKana },
  { key: 'givenKana', header: 'メイ', cell: (c) => c.givenKana },
  { key: 'email', header: 'メール', cell: (c) => c.email },
  { key: 'phone', header: '電話', cell: (c) => c.phone },
  { key: 'postalCode', header: '郵便番号', cell: (c) => c.postalCode },
  {
    key: 'prefecture',
    header: '都道府県',
    cell: (c) => (c.prefectureCode ? (prefectureByCode(c.prefectureCode)?.name ?? c.prefectureCode) : null),
  },
  {
    key: 'municipality',
    header: '市区町村',
    cell: (c) => (c.municipalityCode ? (municipalityByCode(c.municipalityCode)?.name ?? null) : null),
  },
  { key: 'municipalityCode', header: '市区町村コード', cell: (c) => c.municipalityCode },
  { key: 'address', header: '住所', cell: (c) => c.address },
  { key: 'birthDate', header: '生年月日', cell: (c) => c.birthDate },
  { key: 'birthYear', header: '生年', cell: (c) => (c.birthYear === null ? null : String(c.birthYear)) },
  { key: 'gender', header: '性別', cell: (c) => label(genders.labels, c.gender) },
  { key: 'occupation', header: '職業', cell: (c) => c.occupation },
  { key: 'affiliation', header: '所属', cell: (c) => c.affiliation },
  { key: 'roots', header: 'ゆかり', cell: (c) => label(roots.labels, c.roots) },
  { key: 'basis', header: '関わり方', cell: (c) => label(bases.labels, c.basis) },
  { key: 'firstContact', header: 'きっかけ', cell: (c) => c.firstContact },
  { key: 'stage', header: '段階', cell: (c, stageLabel) => stageLabel(c.stage) },
  { key: 'tags', header: 'タグ', cell: (c) => (c.tags ?? []).join('、') || null },
  { key: 'consentDate', header: '同意日', cell: (c) => c.consentDate },
  { key: 'notes', header: 'メモ', cell: (c) => c.notes },
] as const satisfies readonly { key: string; header: string; cell: Cell }[]

export type ExportColumn = (typeof columns)[number]['key']
export const exportColumns = columns.map((c) => c.key) as [ExportColumn, ...ExportColumn[]]
export const exportHeaderOf = Object.fromEntries(columns.map((c) => [c.key, c.header])) as Record<ExportColumn, string>

/** The chosen columns in the export's own order, each once; every column when none is given. */
export function exportedColumns(chosen?: readonly ExportColumn[]): ExportColumn[] {
  return chosen ? exportColumns.filter((key) => chosen.includes(key)) : [...exportColumns]
}

export const exportHeaders = (chosen?: readonly ExportColumn[]): string[] =>
  exportedColumns(chosen).map((key) => exportHeaderOf[key])

export function exportRow(
  c: ExportedContact,
  stageLabel: (code: string) => string,
  chosen?: readonly ExportColumn[],
): (string | null)[] {
  const wanted = exportedColumns(chosen)
  return columns.filter((column) => wanted.includes(column.key)).map((column) => column.cell(c, stageLabel))
}
