import { sql } from 'kysely'
import type { Kysely } from 'kysely'

/**
 * The audit log accepts 'undo': a change taken back with 元に戻す. Frozen once released.
 *
 * An undone edit was logged as an 'update', indistinguishable from the user typing the old
 * value back. SQLite cannot change a CHECK constraint in place, so the table is rebuilt as its
 * documented procedure says (new table, copy, drop, rename, indexes again), inside the
 * migration's transaction; nothing references audit_log. Every line is copied unchanged.
 */
const statements = [
  `CREATE TABLE audit_log_next (
     id TEXT PRIMARY KEY,
     at TEXT NOT NULL,
     user_name TEXT NOT NULL,
     action TEXT NOT NULL CHECK (action IN ('create','update','delete','restore','merge','import','export','anonymize','undo')),
     entity TEXT NOT NULL,
     entity_id TEXT,
     changes TEXT,
     batch_id TEXT
   ) STRICT`,
  `INSERT INTO audit_log_next (id, at, user_name, action, entity, entity_id, changes, batch_id)
     SELECT id, at, user_name, action, entity, entity_id, changes, batch_id FROM audit_log ORDER BY rowid`,
  `DROP TABLE audit_log`,
  `ALTER TABLE audit_log_next RENAME TO audit_log`,
  `CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, at)`,
  `CREATE INDEX audit_log_at ON audit_log (at)`,
  `CREATE INDEX audit_log_batch ON audit_log (batch_id, at) WHERE batch_id IS NOT NULL`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
