import type { Kysely } from 'kysely'
import type { Database } from '../schema'

/** Settings are JSON values under a key; unknown keys read as undefined. */
export async function readSetting(db: Kysely<Database>, key: string): Promise<unknown> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst()
  return row ? (JSON.parse(row.value) as unknown) : undefined
}

export async function writeSetting(db: Kysely<Database>, key: string, value: unknown): Promise<void> {
  const now = new Date().toISOString()
  await db
    .insertInto('settings')
    .values({ key, value: JSON.stringify(value), updatedAt: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updatedAt: now }))
    .execute()
}
