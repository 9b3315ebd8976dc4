import { sql } from 'kysely'
import type { Kysely } from 'kysely'

/**
 * The audit log filtered by batch (issue 7: "the batch it belongs to"). Without an index, the
 * lines of one import are found by reading the whole log, and a 100k-person import alone
 * writes 100k lines. Partial: most lines are single changes with no batch, and `batch_id = ?`
 * implies `batch_id IS NOT NULL`, so SQLite still uses it. `at` orders a batch's page
 * newest first without a sort. Frozen once released.
 */
const statements = [`CREATE INDEX audit_log_batch ON audit_log (batch_id, at) WHERE batch_id IS NOT NULL`]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
