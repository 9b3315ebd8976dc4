import { sql } from 'kysely'
import type { Kysely } from 'kysely'

/**
 * 監査ログ's 参加者ID filter finds a person's deleted visits and enrollments through the lines
 * that recorded them (`changes.contactId`). Frozen once released.
 *
 * That read the JSON of every visit and enrollment line: one line per imported visit makes the
 * log as long as the visits (≈1.25M lines on the benchmark's 1M visits), and each of the
 * filter's two statements took 1.5–1.9 s. This index holds the person each such line recorded,
 * so the filter looks them up; it is built from the lines already there and kept by SQLite
 * for every line written later, whoever writes it (services, imports, a restore carrying lines
 * over). Every visit and enrollment line records its person on one side only — [null, id] when
 * made, [id, null] when removed — so one expression (the side that is there, as auditReadRepo's
 * withPeople reads it) finds them all, at half the cost per line written of one index per side.
 * Partial: contact and other lines are not in it. auditReadRepo's expression must match this
 * one character for character, or SQLite reads every line again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `CREATE INDEX audit_log_person ON audit_log (coalesce(changes ->> '$.contactId[1]', changes ->> '$.contactId[0]')) WHERE entity IN ('visit', 'enrollment')`,
    )
    .execute(db)
}
