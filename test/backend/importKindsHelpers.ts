import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Database as Sqlite } from 'better-sqlite3'

export const fixture = (name: string) => path.resolve('test/fixtures/import', name)
export const upload = (name: string) => ({ fileName: name, base64: fs.readFileSync(fixture(name)).toString('base64') })

/** Tables an import of people, visits or programs may touch (the import's own records aside). */
export const dataTables = [
  'contacts',
  'stage_history',
  'visits',
  'programs',
  'program_sessions',
  'program_municipalities',
  'enrollments',
  'contact_year_visits',
  'visit_month_counts',
]

/** A checksum per table over every row and column (minus `except`), in a stable order. */
export function checksums(sqlite: Sqlite, except: string[] = []): Record<string, string> {
  return Object.fromEntries(
    dataTables.map((table) => {
      const rows = sqlite.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all() as Record<string, unknown>[]
      const kept = rows.map((r) => Object.entries(r).filter(([k]) => !except.includes(k)))
      return [table, `${rows.length}:${createHash('sha256').update(JSON.stringify(kept)).digest('hex').slice(0, 16)}`]
    }),
  )
}

export const count = (sqlite: Sqlite, table: string) =>
  (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
