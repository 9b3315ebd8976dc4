import path from 'node:path'
import type { FileFilter } from 'electron'
import type { FileKind } from '../../shared/contract/bridge'

/** The fixed dialog filter of each kind: the renderer names a kind, never a filter or a path. */
const filters: Record<FileKind, FileFilter> = {
  csv: { name: 'CSV ファイル', extensions: ['csv'] },
  xlsx: { name: 'Excel ブック', extensions: ['xlsx'] },
  db: { name: 'かけはし データベース', extensions: ['db'] },
  pdf: { name: 'PDF ファイル', extensions: ['pdf'] },
  json: { name: 'JSON ファイル', extensions: ['json'] },
  // A list to import: whatever Excel, Google Forms or a text editor saved.
  table: { name: '表のファイル（CSV・TSV・Excel）', extensions: ['csv', 'tsv', 'txt', 'xlsx', 'xlsm'] },
}

export function openFilters(kind: FileKind): FileFilter[] {
  // "All files" too: a file named .CSV or .txt must stay reachable where filters are case-sensitive.
  return [filters[kind], { name: 'すべてのファイル', extensions: ['*'] }]
}

export function saveFilters(kind: FileKind): FileFilter[] {
  return [filters[kind]]
}

/**
 * A suggested name from the renderer, made safe to show in a save dialog: the base name only
 * (no folder can be smuggled in), no characters Windows forbids, a sane length, and the
 * kind's extension.
 */
export function safeFileName(suggested: unknown, kind: FileKind): string {
  const extension = `.${filters[kind].extensions[0]}`
  const raw = typeof suggested === 'string' ? suggested : ''
  let name = path
    .basename(raw.replaceAll('\\', '/'))
    .replace(/[\u0000-\u001f<>:"/\\|?*]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
  if (name.toLowerCase().endsWith(extension)) name = name.slice(0, -extension.length)
  name = name.slice(0, 120) || 'かけはし'
  return name + extension
}
