import type { MatchScore } from '../domain/import/dedupe'
import type { ImportField } from '../domain/import/headers'
import type { CellIssue, PersonDraft } from '../domain/import/personRow'

/** One data row of an import preview, as the review grid shows it. */
export interface ImportPreviewRow {
  index: number
  /** Line number in the file ("12行目"). */
  line: number
  cells: string[]
  draft: PersonDraft
  issues: CellIssue[]
  ok: boolean
  duplicates: { contactId?: string; row?: number; name: string; score: number; reasons: string[] }[]
}

export interface ImportPreview {
  previewId: string
  fileName: string
  format: 'csv' | 'tsv' | 'xlsx' | 'text'
  encoding: 'utf8' | 'utf16le' | 'utf16be' | 'cp932' | null
  sheets: string[]
  sheet: string | null
  headerRow: number
  headers: string[]
  mapping: ImportField[]
  notes: string[]
  counts: { rows: number; ok: number; errors: number; warnings: number; duplicates: number }
  /** The first rows; page through the rest with import.previewRows. */
  rows: ImportPreviewRow[]
}

export interface ImportCommitResult {
  batchId: string
  created: number
  merged: number
  skipped: number
  errors: number
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
