import { sql } from 'kysely'
import type { Kysely } from 'kysely'

/**
 * Online visits hold no nights. Frozen once released.
 *
 * Creating a visit and importing one already stored 0 nights for an online visit, but editing
 * a visit to online and saving a roster line as online kept the nights, and 延べ宿泊数 counted
 * them. The services now store 0 (nightsFor); this clears what they stored before. The month
 * totals (visit_month_counts) follow through their update trigger.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`UPDATE visits SET nights = 0 WHERE mode = 'online' AND nights <> 0`.execute(db)
}
