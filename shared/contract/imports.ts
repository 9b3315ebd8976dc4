import type { MatchScore } from '../domain/import/dedupe'
import type { AnyImportField, ImportKind } from '../domain/import/kinds'
import type { CellIssue, PersonDraft } from '../domain/import/personRow'
import type { SavedMappingColumn } from '../domain/import/savedMapping'
import type { ImportKindCounts, ProgramRowView, VisitRowView } from './importKinds'

/** One data row of an import preview, as the review grid shows it. */
export interface ImportPreviewRow {
  index: number
  /** Line number in the file ("12行目"). */
  line: number
  cells: string[]
  draft: PersonDraft
  issues: CellIssue[]
  ok: boolean
  /** `detail`: what tells namesakes apart (e-mail, phone, birth date, municipality of a stored person). */
  duplicates: {
    contactId?: string
    row?: number
    name: string
    detail?: string
    score: number
    reasons: string[]
    /** The same e-mail or phone under another name: someone else unless chosen (defaultAction). */
    otherName?: true
    /** An earlier row with an error: it writes no one, so the commit passes it over (personMatch). */
    rowError?: true
  }[]
  /** Visits kind: the visit the row becomes (its person is `draft`). */
  visit?: VisitRowView
  /** Programs kind: the program and session the row adds (`draft` is empty). */
  program?: ProgramRowView
}

export interface ImportPreview {
  previewId: string
  /** What the file describes; the mapping offers `fields` (the kind's own). */
  kind: ImportKind
  fields: AnyImportField[]
  fileName: string
  format: 'csv' | 'tsv' | 'xlsx' | 'text'
  encoding: 'utf8' | 'utf16le' | 'utf16be' | 'cp932' | null
  sheets: string[]
  sheet: string | null
  headerRow: number
  headers: string[]
  mapping: AnyImportField[]
  notes: string[]
  counts: { rows: number; ok: number; errors: number; warnings: number; duplicates: number }
  /** The first rows; page through the rest with import.previewRows. */
  rows: ImportPreviewRow[]
  /** When read with a saved mapping (mappingName): its name and the saved headers this file lacks. */
  savedMapping?: { name: string; missing: string[] }
}

export interface ImportCommitResult {
  batchId: string
  created: number
  /** Contacts: rows merged into a registered person. Visits: registered people whose blanks were filled. */
  merged: number
  skipped: number
  errors: number
  /** Visits and programs imports only. */
  kindCounts?: ImportKindCounts
}

export interface ImportBatch {
  id: string
  kind: string
  fileName: string
  encoding: string | null
  counts: Record<string, number>
  userName: string
  createdAt: string
  undoneAt: string | null
}

/**
 * An import as the participants list names it: `people` are those its contacts.list filter
 * (importBatch) shows — live people it registered or merged into or recorded a visit for; 0 once undone.
 */
export interface ImportBatchPeople extends ImportBatch {
  people: number
}

/** A column mapping kept under a name (import.mappings.*), applied by header text. */
export interface SavedMappingView {
  id: string
  kind: string
  name: string
  columns: SavedMappingColumn[]
  updatedAt: string
}

/** import.fixRow's answer: the row read again, and the preview's counts after the fix. */
export interface ImportFixRowResult {
  row: ImportPreviewRow
  counts: ImportPreview['counts']
}
