import { createHash } from 'node:crypto'
import type { Database as Sqlite } from 'better-sqlite3'
import type { Backend } from '../../electron/backend/backend'

/**
 * Row count and a content checksum of every table: equal maps mean equal databases. A restore
 * adds its own audit line to the restored database (entity 'database'); `afterRestore` leaves
 * that line out, so a restored database compares equal to the backup it came from.
 */
export function tableDigests(
  sqlite: Sqlite,
  options: { afterRestore?: boolean } = {},
): Record<string, { rows: number; sha256: string }> {
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[]
  const out: Record<string, { rows: number; sha256: string }> = {}
  for (const table of tables) {
    const where = options.afterRestore && table === 'audit_log' ? ` WHERE NOT (entity = 'database' AND action = 'restore')` : ''
    const rows = (sqlite.prepare(`SELECT * FROM "${table}"${where}`).raw().all() as unknown[][])
      .map((r) => JSON.stringify(r))
      .sort()
    out[table] = { rows: rows.length, sha256: createHash('sha256').update(rows.join('\n')).digest('hex') }
  }
  return out
}

let counter = 0
/** A few people with distinct names, through the client (so audit rows are written too). */
export async function addPeople(backend: Backend, n: number, prefix = '試験'): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < n; i++) {
    counter++
    const c = await backend.client.call('contacts.create', {
      fields: { familyName: `${prefix}${counter}`, givenName: '花子', email: `t${counter}@example.jp` },
    })
    ids.push(c.id)
  }
  return ids
}
