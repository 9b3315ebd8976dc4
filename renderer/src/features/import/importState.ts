import type { ImportPreview } from '../../../../shared/contract/imports'
import type { AnyImportField as ImportField, ImportKind } from '../../../../shared/domain/import/kinds'
import type { PersonDraft } from '../../../../shared/domain/import/personRow'

/** A file read here (browser door, drag and drop), pasted text, or a file the desktop app's dialog granted. */
export type ImportSource =
  { fileName: string; base64: string } | { fileName: string; text: string } | { fileName: string; fileId: string }
export type Encoding = 'auto' | 'utf8' | 'cp932' | 'utf16le' | 'utf16be'
export type DuplicateAction = 'new' | 'merge' | 'skip'
export type RowFilter = 'all' | 'errors' | 'warnings' | 'duplicates'

/** What the user chose about how to read the source; each change re-runs the preview. */
export interface ReadOptions {
  encoding: Encoding
  sheet?: string
  headerRow?: number
  mapping?: ImportField[]
  /** What the file describes (default: people). */
  kind?: ImportKind
}

export interface RowDecision {
  action: DuplicateAction
  targetId?: string
  takeFromFile?: (keyof PersonDraft)[]
}

/** Row index → the user's own choice for that row (rows without one follow the bulk choice). */
export type Decisions = Record<number, RowDecision>

export type Preview = ImportPreview
