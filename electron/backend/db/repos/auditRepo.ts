import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { FieldChanges } from '../../../../shared/domain/fieldChanges'
import type { AuditActionCode } from '../../../../shared/domain/vocabulary'
import type { Database } from '../schema'

/** The CHECK of audit_log.action (migrations 0001 and 0011) allows exactly these. */
export type AuditAction = AuditActionCode

export type { FieldChanges }

export interface AuditEntry {
  userName: string
  action: AuditAction
  entity: string
  entityId: string | null
  changes?: FieldChanges | null
  batchId?: string | null
}

/** Call inside the same transaction as the change, so the log and the data never disagree. */
export async function recordAudit(db: Kysely<Database>, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return
  const at = new Date().toISOString()
  for (let i = 0; i < entries.length; i += 500) {
    await db
      .insertInto('auditLog')
      .values(
        entries.slice(i, i + 500).map((e) => ({
          id: uuidv7(),
          at,
          userName: e.userName,
          action: e.action,
          entity: e.entity,
          entityId: e.entityId,
          changes: e.changes ? JSON.stringify(e.changes) : null,
          batchId: e.batchId ?? null,
        })),
      )
      .execute()
  }
}

/** Another database file to read audit lines from (the one a restore replaced), with its passphrase. */
export interface AuditSource {
  file: string
  key: string | undefined
}

/**
 * Writes `entry` together with the audit lines of `from` that this database does not have
 * (same id: the copy already holds that line), in one transaction: a restore keeps the record
 * of who did what after the backup was taken. The lines keep their ids, times and users, so
 * the log reads in order. Returns how many were carried over.
 *
 * `from` is attached with its own key (SQLite3 Multiple Ciphers would otherwise use this
 * database's, and a plain file needs the empty key). Only the columns both files have are
 * copied: the replaced file may be of an older schema (the CLI restores without migrating it).
 */
export async function recordAuditCarrying(
  db: Kysely<Database>,
  from: AuditSource,
  entry: (carried: number) => AuditEntry,
): Promise<number> {
  await sql`ATTACH DATABASE ${from.file} AS replaced KEY ${from.key ?? ''}`.execute(db)
  try {
    const columnsOf = async (schema: 'main' | 'replaced') =>
      (await sql<{ name: string }>`SELECT name FROM pragma_table_info('audit_log', ${schema})`.execute(db)).rows.map(
        (r) => r.name,
      )
    const theirs = new Set(await columnsOf('replaced'))
    const columns = sql.join(
      (await columnsOf('main')).filter((c) => theirs.has(c)).map((c) => sql.id(c)),
      sql`, `,
    )
    return await db.transaction().execute(async (trx) => {
      // The ids missing here, by merging both id indexes in order (EXCEPT): 0.3 s on 1.25M
      // lines, where a lookup per line of the replaced file took 3–5 s.
      const copied = await sql`
        INSERT INTO main.audit_log (${columns})
        SELECT ${columns} FROM replaced.audit_log
        WHERE id IN (SELECT id FROM replaced.audit_log EXCEPT SELECT id FROM main.audit_log)
        ORDER BY at, id`.execute(trx)
      const carried = Number(copied.numAffectedRows ?? 0)
      await recordAudit(trx, [entry(carried)])
      return carried
    })
  } finally {
    await sql`DETACH DATABASE replaced`.execute(db)
  }
}
