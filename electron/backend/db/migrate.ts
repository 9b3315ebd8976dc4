import path from 'node:path'
import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import { ApiError } from '../../../shared/contract/errors'
import type { DbHandle } from './connection'
import { migrations as allMigrations } from './migrations/index'
import type { Migration } from './migrations/index'
import { backupToFolder, defaultBackupDir } from '../safety/backups'

export interface MigrationOutcome {
  from: number
  to: number
  /** Copy of the database taken before the first pending migration ran, if it held data. */
  backupFile: string | null
}

/**
 * Brings a database to the latest schema. Each migration and its bookkeeping row commit in
 * one transaction, so a crash or an error leaves the file exactly at the previous version.
 * (Kysely's Migrator runs SQLite migrations outside any transaction and records them after
 * the fact, which is why this small runner exists.)
 */
export async function migrate(
  handle: DbHandle,
  options: { backupDir?: string; migrations?: readonly Migration[] } = {},
): Promise<MigrationOutcome> {
  const migrations = options.migrations ?? allMigrations
  const db = handle.db as unknown as Kysely<unknown>
  const { from, pending } = schemaState(handle, migrations)
  if (pending.length === 0) return { from, to: from, backupFile: null }

  const backupFile = from > 0 ? await backupBeforeMigration(handle, from + pending.length, options.backupDir) : null
  for (const [i, migration] of pending.entries()) {
    const version = from + i + 1
    try {
      await db.transaction().execute(async (trx) => {
        await migration.up(trx)
        await sql`INSERT INTO schema_migrations (name, applied_at) VALUES (${migration.name}, ${new Date().toISOString()})`.execute(
          trx,
        )
        await sql.raw(`PRAGMA user_version = ${version}`).execute(trx)
      })
    } catch (error) {
      throw ApiError.from('MIGRATION_FAILED', { migration: migration.name, cause: String(error), backupFile })
    }
  }
  return { from, to: migrations.length, backupFile }
}

/** How far the file is from this version's schema; a file from a newer version is refused. */
function schemaState(handle: DbHandle, migrations: readonly Migration[]): { from: number; pending: readonly Migration[] } {
  const applied = appliedMigrations(handle)
  const userVersion = handle.sqlite.pragma('user_version', { simple: true }) as number
  const unknown = applied.filter((name, i) => migrations[i]?.name !== name)
  if (unknown.length > 0 || userVersion > migrations.length) {
    throw ApiError.from('DB_NEWER_VERSION', {
      schemaVersion: Math.max(userVersion, applied.length),
      supported: migrations.length,
    })
  }
  return { from: applied.length, pending: migrations.slice(applied.length) }
}

/**
 * For a read-only open (a dry run): the file must already have this version's schema, since
 * bringing it up to date means writing to it.
 */
export function requireCurrentSchema(handle: DbHandle, migrations: readonly Migration[] = allMigrations): MigrationOutcome {
  const { from, pending } = schemaState(handle, migrations)
  if (pending.length > 0) {
    throw ApiError.from(
      'DB_UNREADABLE',
      { file: handle.file, reason: 'needsUpgrade', schemaVersion: from, supported: migrations.length },
      'このデータベースは以前のバージョンのかけはしの形式のため、読み取り専用では開けません。書き込みできる状態で一度開くと、バックアップを取ってから新しい形式に更新します。',
    )
  }
  return { from, to: from, backupFile: null }
}

/** Names of applied migrations in order; creates the bookkeeping table on a new file. */
function appliedMigrations(handle: DbHandle): string[] {
  const { sqlite } = handle
  const exists = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).get()
  if (!exists) {
    if (sqlite.readonly) return []
    sqlite.exec(`CREATE TABLE schema_migrations (
      sequence INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL UNIQUE,
      applied_at TEXT NOT NULL
    )`)
  }
  return (sqlite.prepare('SELECT name FROM schema_migrations ORDER BY sequence').all() as { name: string }[]).map((r) => r.name)
}

/** The applied version without changing anything, for `check` and read-only opens. */
export function schemaVersionOf(handle: DbHandle): number {
  return appliedMigrations(handle).length
}

async function backupBeforeMigration(handle: DbHandle, toVersion: number, backupDir?: string): Promise<string> {
  const dir = backupDir ?? defaultBackupDir(handle.file)
  // Through the safety module: SQLite's online backup API (never a file copy: a copy of a
  // live WAL database can be torn), verified before it counts, rotated with the others.
  const info = await backupToFolder(handle, dir, `before-v${toVersion}`)
  return path.join(dir, info.id)
}
