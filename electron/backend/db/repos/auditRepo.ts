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
 * Runs `work` with another database file attached as `alias`, with its own key (SQLite3
 * Multiple Ciphers would otherwise use this database's, and a plain file needs the empty key).
 */
export async function withAttached<T>(
  db: Kysely<Database>,
  from: AuditSource,
  alias: 'replaced' | 'backup',
  work: () => Promise<T>,
): Promise<T> {
  await sql`ATTACH DATABASE ${from.file} AS ${sql.id(alias)} KEY ${from.key ?? ''}`.execute(db)
  try {
    return await work()
  } finally {
    await sql`DETACH DATABASE ${sql.id(alias)}`.execute(db)
  }
}

/**
 * Copies the audit lines of `from` that this database does not have (same id: the copy already
 * holds that line) and writes the lines `write` returns, in one transaction: a restore keeps
 * the record of who did what after the backup was taken. `write` runs in that transaction and
 * calls `carry` once, when the lines should be copied (it can change data first, e.g. re-apply
 * the erasures those lines record); `carry` returns how many were carried over. The lines keep
 * their ids, times and users, so the log reads in order. While `write` runs, `from` is attached
 * as `replaced`.
 *
 * Only the columns both files have are copied: the replaced file may be of an older schema
 * (the CLI restores without migrating it).
 */
export async function recordAuditCarrying(
  db: Kysely<Database>,
  from: AuditSource,
  write: (trx: Kysely<Database>, carry: () => Promise<number>) => Promise<AuditEntry[]>,
): Promise<void> {
  await withAttached(db, from, 'replaced', async () => {
    const columnsOf = async (schema: 'main' | 'replaced') =>
      (await sql<{ name: string }>`SELECT name FROM pragma_table_info('audit_log', ${schema})`.execute(db)).rows.map(
        (r) => r.name,
      )
    const theirs = new Set(await columnsOf('replaced'))
    const columns = sql.join(
      (await columnsOf('main')).filter((c) => theirs.has(c)).map((c) => sql.id(c)),
      sql`, `,
    )
    await db.transaction().execute(async (trx) => {
      // The ids missing here, by merging both id indexes in order (EXCEPT): 0.3 s on 1.25M
      // lines, where a lookup per line of the replaced file took 3–5 s.
      const carry = async () => {
        const copied = await sql`
          INSERT INTO main.audit_log (${columns})
          SELECT ${columns} FROM replaced.audit_log
          WHERE id IN (SELECT id FROM replaced.audit_log EXCEPT SELECT id FROM main.audit_log)
          ORDER BY at, id`.execute(trx)
        return Number(copied.numAffectedRows ?? 0)
      }
      await recordAudit(trx, await write(trx, carry))
    })
  })
}

/**
 * The erasure-like lines about people (匿名化, and deletions: the caller tells 完全に削除 from
 * the trash) that the audit log of `source` has and the one of `other` has not, oldest first.
 * Values are not read beyond the line's own flags: an erased person's lines hold none.
 */
export async function erasureLinesOnlyIn(
  db: Kysely<Database>,
  source: 'main' | 'replaced' | 'backup',
  other: 'main' | 'replaced' | 'backup',
): Promise<{ action: string; entityId: string; changes: string | null }[]> {
  const result = await sql<{ action: string; entityId: string; changes: string | null }>`
    SELECT action, entity_id, changes FROM ${sql.id(source)}.audit_log
    WHERE entity = 'contact' AND action IN ('anonymize', 'delete') AND entity_id IS NOT NULL
      AND id IN (SELECT id FROM ${sql.id(source)}.audit_log WHERE entity = 'contact' AND action IN ('anonymize', 'delete')
                 EXCEPT SELECT id FROM ${sql.id(other)}.audit_log)
    ORDER BY at, id`.execute(db)
  return result.rows
}
