import type { Kysely } from 'kysely'
import * as m0001 from './0001-initial'

export interface Migration {
  /** Stored in schema_migrations; never rename a released one. */
  name: string
  up(db: Kysely<unknown>): Promise<void>
}

/**
 * A static list, not a folder scan: bundling would break file discovery. The schema version
 * of a database is the number of these it has applied (also kept in PRAGMA user_version).
 */
export const migrations: readonly Migration[] = [{ name: '0001-initial', up: m0001.up }]

export const latestSchemaVersion = migrations.length
