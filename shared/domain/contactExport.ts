import type { Contact } from '../contract/contacts'
import { contactFieldLabels as f } from './contactFieldLabels'
import { municipalityByCode, prefectureByCode } from './localGov'
import { bases, genders, roots } from './vocabulary'

type ExportedContact = Contact & { tags?: string[] }
type Cell = (c: ExportedContact, stageLabel: (code: string) => string) => string | null

const label = <T extends Record<string, string>>(labels: T, code: string | null) => (code ? (labels[code] ?? code) : null)

/**
 * The columns a participants export can hold, in order, each as text: codes, phone numbers
 * and postal codes stay text so leading zeros survive in Excel. Pure, shared by CSV and XLSX.
 * The user picks which of them leave the app (exports never hold more than asked for).
 * Headers are the fields' one Japanese name (contactFieldLabels), as on screen and in 開示.
 */
const columns = [
  { key: 'familyName', header: f.familyName, cell: (c) => c.familyName },
  { key: 'givenName', header: f.givenName, cell: (c) => c.givenName },
  { key: 'familyKana', header: f.familyKana, cell: (c) => c.familyKana },
  { key: 'givenKana', header: f.givenKana, cell: (c) => c.givenKana },
  { key: 'email', header: f.email, cell: (c) => c.email },
  { key: 'phone', header: f.phone, cell: (c) => c.phone },
  { key: 'postalCode', header: f.postalCode, cell: (c) => c.postalCode },
  {
    key: 'prefecture',
    header: f.prefectureCode,
    cell: (c) => (c.prefectureCode ? (prefectureByCode(c.prefectureCode)?.name ?? c.prefectureCode) : null),
  },
  {
    key: 'municipality',
    header: f.municipalityCode,
    cell: (c) => (c.municipalityCode ? (municipalityByCode(c.municipalityCode)?.name ?? null) : null),
  },
  { key: 'municipalityCode', header: `${f.municipalityCode}コード`, cell: (c) => c.municipalityCode },
  { key: 'address', header: f.address, cell: (c) => c.address },
  { key: 'birthDate', header: f.birthDate, cell: (c) => c.birthDate },
  { key: 'birthYear', header: f.birthYear, cell: (c) => (c.birthYear === null ? null : String(c.birthYear)) },
  { key: 'gender', header: f.gender, cell: (c) => label(genders.labels, c.gender) },
  { key: 'occupation', header: f.occupation, cell: (c) => c.occupation },
  { key: 'affiliation', header: f.affiliation, cell: (c) => c.affiliation },
  { key: 'roots', header: f.roots, cell: (c) => label(roots.labels, c.roots) },
  { key: 'basis', header: f.basis, cell: (c) => label(bases.labels, c.basis) },
  { key: 'firstContact', header: f.firstContact, cell: (c) => c.firstContact },
  { key: 'stage', header: f.stage, cell: (c, stageLabel) => stageLabel(c.stage) },
  { key: 'tags', header: f.tags, cell: (c) => (c.tags ?? []).join('、') || null },
  { key: 'consentDate', header: f.consentDate, cell: (c) => c.consentDate },
  { key: 'notes', header: f.notes, cell: (c) => c.notes },
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
