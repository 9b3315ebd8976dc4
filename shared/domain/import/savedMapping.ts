import { headerKey } from './headers'
import { mappingForKind, suggestMappingFor } from './kinds'
import type { AnyImportField, ImportKind } from './kinds'

/** One remembered column: the header text as it was in the file, and the field it went to. */
export interface SavedMappingColumn {
  header: string
  field: AnyImportField
}

/** A mapping kept under a name, applied by header text so it survives columns moving. */
export interface SavedMapping {
  name: string
  kind: ImportKind
  columns: SavedMappingColumn[]
}

export interface AppliedMapping {
  mapping: AnyImportField[]
  /** Headers the saved mapping knows that this file does not have (renamed or removed). */
  missing: string[]
  /** 0-based columns of this file the saved mapping did not know: they got the suggestion. */
  suggested: number[]
}

/** The columns worth remembering: every column with a header, 'ignore' included (a deliberate choice). */
export function columnsToSave(headers: readonly string[], mapping: readonly AnyImportField[]): SavedMappingColumn[] {
  return headers.flatMap((header, i) =>
    headerKey(header) === '' ? [] : [{ header: header.trim(), field: mapping[i] ?? 'ignore' }],
  )
}

/**
 * Applies a saved mapping to a file's header row by normalized header text, whatever the column
 * order. A header that occurs twice (two 「備考」) is matched occurrence by occurrence. Columns the
 * saved mapping does not know get the header suggestion, unless the saved mapping already gave
 * that field to another column: a field still goes to one column only.
 */
export function applySavedMapping(
  kind: ImportKind,
  columns: readonly SavedMappingColumn[],
  headers: readonly string[],
): AppliedMapping {
  const queues = new Map<string, SavedMappingColumn[]>()
  for (const column of columns) {
    const key = headerKey(column.header)
    if (key === '') continue
    queues.set(key, [...(queues.get(key) ?? []), column])
  }
  const fromSaved: (AnyImportField | null)[] = headers.map((header) => {
    const queue = queues.get(headerKey(header))
    const column = queue?.shift()
    return column ? column.field : null
  })
  const missing = [...queues.values()].flat().map((c) => c.header)
  const taken = new Set(fromSaved.filter((f): f is AnyImportField => f !== null && f !== 'ignore'))
  const suggestion = suggestMappingFor(kind, headers)
  const mapping = fromSaved.map((field, i) => {
    if (field !== null) return field
    const suggested = suggestion[i] ?? 'ignore'
    return taken.has(suggested) ? 'ignore' : suggested
  })
  return {
    mapping: mappingForKind(kind, mapping),
    missing,
    suggested: fromSaved.flatMap((f, i) => (f === null ? [i] : [])),
  }
}

/** A name a person typed: trimmed, spaces collapsed, so 「 参加者名簿 」 and 「参加者名簿」 are one. */
export function cleanMappingName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, ' ').trim()
}
