import { createHash } from 'node:crypto'
import type { Database as Sqlite } from 'better-sqlite3'
import type { Backend } from '../../electron/backend/backend'

/**
 * Row count and a content checksum of every table: equal maps mean equal databases. A restore
 * adds its own audit line to the restored database (entity 'database'), and the lines the
 * replaced database had that the backup has not; `afterRestore` leaves the restore's line out,
 * and with `auditUpTo` (the backup's `newestAuditId`) every line written after the backup (ids
 * are UUIDv7: they grow with time), so a restored database compares equal to its backup.
 */
export function tableDigests(
  sqlite: Sqlite,
  options: { afterRestore?: true | { auditUpTo: string } } = {},
): Record<string, { rows: number; sha256: string }> {
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[]
  const out: Record<string, { rows: number; sha256: string }> = {}
  for (const table of tables) {
    const upTo = typeof options.afterRestore === 'object' ? options.afterRestore.auditUpTo : null
    let where = ''
    if (options.afterRestore && table === 'audit_log') where = ` WHERE NOT (entity = 'database' AND action = 'restore')`
    if (upTo !== null && table === 'audit_log') where += ` AND id <= @upTo`
    const statement = sqlite.prepare(`SELECT * FROM "${table}"${where}`).raw()
    const rows = ((where.includes('@upTo') ? statement.all({ upTo }) : statement.all()) as unknown[][])
      .map((r) => JSON.stringify(r))
      .sort()
    out[table] = { rows: rows.length, sha256: createHash('sha256').update(rows.join('\n')).digest('hex') }
  }
  return out
}

/** The id of the newest audit line (UUIDv7 ids sort by time). */
export function newestAuditId(sqlite: Sqlite): string {
  return (sqlite.prepare(`SELECT max(id) FROM audit_log`).pluck().get() as string | null) ?? ''
}

/** The audit lines as the 監査ログ screen's rows carry them, oldest first. */
export function auditLines(sqlite: Sqlite): { id: string; action: string; entity: string; changes: unknown }[] {
  return (
    sqlite.prepare(`SELECT id, action, entity, changes FROM audit_log ORDER BY at, id`).all() as {
      id: string
      action: string
      entity: string
      changes: string | null
    }[]
  ).map((l) => ({ ...l, changes: l.changes ? JSON.parse(l.changes) : null }))
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
