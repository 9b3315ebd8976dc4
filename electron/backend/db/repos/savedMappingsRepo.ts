import type { Database as Sqlite } from 'better-sqlite3'
import type { SavedMappingColumn } from '../../../../shared/domain/import/savedMapping'

/** A row of saved_mappings with its columns parsed. */
export interface SavedMappingRecord {
  id: string
  kind: string
  name: string
  columns: SavedMappingColumn[]
  createdAt: string
  updatedAt: string
}

interface Row {
  id: string
  kind: string
  name: string
  mapping: string
  createdAt: string
  updatedAt: string
}

const columns = `id, kind, name, mapping, created_at AS createdAt, updated_at AS updatedAt`

function toRecord(row: Row): SavedMappingRecord {
  const { mapping, ...rest } = row
  return { ...rest, columns: JSON.parse(mapping) as SavedMappingColumn[] }
}

/** Saved mappings of one kind (or all), by name (code-point order: kana before kanji). */
export function listSavedMappings(sqlite: Sqlite, kind?: string): SavedMappingRecord[] {
  const rows = kind
    ? sqlite.prepare(`SELECT ${columns} FROM saved_mappings WHERE kind = ? ORDER BY name`).all(kind)
    : sqlite.prepare(`SELECT ${columns} FROM saved_mappings ORDER BY kind, name`).all()
  return (rows as Row[]).map(toRecord)
}

export function findSavedMapping(sqlite: Sqlite, kind: string, name: string): SavedMappingRecord | undefined {
  const row = sqlite.prepare(`SELECT ${columns} FROM saved_mappings WHERE kind = ? AND name = ?`).get(kind, name) as
    Row | undefined
  return row && toRecord(row)
}

/** Inserts, or replaces the columns of the mapping with the same kind and name (keeping its id). */
export function upsertSavedMapping(
  sqlite: Sqlite,
  m: { id: string; kind: string; name: string; columns: SavedMappingColumn[]; at: string },
): void {
  sqlite
    .prepare(
      `INSERT INTO saved_mappings (id, kind, name, mapping, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (kind, name) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`,
    )
    .run(m.id, m.kind, m.name, JSON.stringify(m.columns), m.at, m.at)
}

/** Deletes one saved mapping; false when there was none. */
export function deleteSavedMapping(sqlite: Sqlite, id: string): boolean {
  return sqlite.prepare(`DELETE FROM saved_mappings WHERE id = ?`).run(id).changes > 0
}
