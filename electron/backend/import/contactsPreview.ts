import { randomUUID } from 'node:crypto'
import type { Database as Sqlite } from 'better-sqlite3'
import type { MatchScore } from '../../../shared/domain/import/dedupe'
import { detectHeaderRow, splitNameOverTwoColumns, suggestMapping } from '../../../shared/domain/import/headers'
import type { ImportField } from '../../../shared/domain/import/headers'
import { readPersonRow } from '../../../shared/domain/import/personRow'
import type { CellIssue, ReadPerson } from '../../../shared/domain/import/personRow'
import { personMatches } from './personMatches'
import type { SourceTable } from './source'

export interface DuplicateMatch {
  /** A person already in the database… */
  contactId?: string
  /** …or an earlier row of the same file (0-based index into the data rows). */
  row?: number
  name: string
  /** For a stored person: what tells them apart from namesakes (e-mail, phone, birth, place). */
  detail?: string
  match: MatchScore
}

export interface PreviewRow {
  /** 0-based index into the data rows (below the header). */
  index: number
  /** The row's line number in the source, for messages ("12行目"). */
  line: number
  read: ReadPerson
  duplicates: DuplicateMatch[]
}

export interface ContactsPreview {
  previewId: string
  source: SourceTable
  headerRow: number
  headers: string[]
  mapping: ImportField[]
  rows: PreviewRow[]
  counts: { rows: number; ok: number; errors: number; warnings: number; duplicates: number }
}

/**
 * Reads every data row through the mapping and finds duplicates inside the file and against
 * the database (indexed candidate lookups, then scoring). Writes nothing.
 */
export function buildContactsPreview(
  sqlite: Sqlite,
  source: SourceTable,
  options: { headerRow?: number; mapping?: ImportField[]; today: string },
): ContactsPreview {
  const headerRow = options.headerRow ?? detectHeaderRow(source.rows)
  const headers = source.rows[headerRow] ?? []
  const dataRows = source.rows.slice(headerRow + 1).map((cells, i) => ({ cells, line: headerRow + i + 2 }))
  const mapping =
    options.mapping ??
    splitNameOverTwoColumns(
      suggestMapping(headers),
      headers,
      dataRows.map((r) => r.cells),
    )
  const nonEmpty = dataRows.filter((r) => r.cells.some((c) => c.trim() !== ''))
  const reads = nonEmpty.map((r) => readPersonRow(r.cells, mapping, options.today))
  const matches = personMatches(
    sqlite,
    reads.map((r) => r.draft),
  )
  const rows: PreviewRow[] = reads.map((read, index) => ({
    index,
    line: nonEmpty[index]!.line,
    read,
    duplicates: matches[index]!,
  }))
  return {
    previewId: randomUUID(),
    source,
    headerRow,
    headers,
    mapping,
    rows,
    counts: countsOf(rows, rows.filter((r) => r.duplicates.length > 0).length),
  }
}

/** The review screen's counts; `duplicates`: rows with a candidate (always 0 for programs). */
export function countsOf(rows: readonly { read: { ok: boolean; issues: readonly CellIssue[] } }[], duplicates: number) {
  return {
    rows: rows.length,
    ok: rows.filter((r) => r.read.ok).length,
    errors: rows.filter((r) => !r.read.ok).length,
    warnings: rows.filter((r) => r.read.issues.some((i) => i.severity === 'warning')).length,
    duplicates,
  }
}
