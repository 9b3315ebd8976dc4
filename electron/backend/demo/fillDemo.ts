import type { DbHandle } from '../db/connection'
import { generateDataset } from './generate'

/** Fixed, so every demo database is the same (screenshots, tests and manuals agree). */
export const DEMO_SEED = 20260401
export const DEMO_SIZE = { contacts: 1_500, visits: 12_000, programs: 35 } as const
/** The demo's own clock: settings written by the generator carry this time, not the wall clock. */
const DEMO_GENERATED_AT = '2026-04-01T00:00:00.000Z'

/** Fills a newly migrated database with the demo data set and marks it as a demo. */
export async function fillDemoDatabase(handle: DbHandle): Promise<void> {
  await generateDataset(handle, { ...DEMO_SIZE, seed: DEMO_SEED })
  handle.sqlite
    .prepare(
      `INSERT INTO settings (key, value, updated_at) VALUES ('demo', 'true', ?)
              ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    )
    .run(DEMO_GENERATED_AT)
}
