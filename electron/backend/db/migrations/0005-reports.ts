import { sql } from 'kysely'
import type { Kysely } from 'kysely'

/**
 * Indexes for fiscal-year reports (grant reports over a million visits in under a second).
 * Frozen once released.
 *
 * 1. A report reads each involved person's 段階の履歴 up to March 31 in recorded order; with the
 *    stage in the index that is an index-only range per person. It replaces
 *    stage_history_contact (contact_id, changed_on), its prefix, so writes cost no more.
 * 2. Per-program 実人数 counts distinct people among a program's visits in the year; with
 *    contact_id in the index that needs no table row. It replaces visits_program
 *    (program_id, visit_date), likewise its prefix.
 */
const statements = [
  `CREATE INDEX stage_history_contact_stage ON stage_history (contact_id, changed_on, stage)`,
  `DROP INDEX stage_history_contact`,
  `CREATE INDEX visits_program_people ON visits (program_id, visit_date, contact_id)`,
  `DROP INDEX visits_program`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
