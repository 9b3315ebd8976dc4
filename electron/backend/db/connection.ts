import fs from 'node:fs'
import SqliteDatabase from 'better-sqlite3'
import type { Database as Sqlite } from 'better-sqlite3'
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely'
import { ApiError } from '../../../shared/contract/errors'
import type { Database } from './schema'

export interface DbHandle {
  /** The raw connection, for pragmas, backups and hot paths measured in benchmarks. */
  sqlite: Sqlite
  db: Kysely<Database>
  file: string
  close(): Promise<void>
}

const SQLITE_HEADER = 'SQLite format 3\u0000'

/**
 * Refuses a file that is not an SQLite database before SQLite touches it: opening a
 * non-database in read-write mode could otherwise create journal files beside it.
 */
export function assertLooksLikeSqlite(file: string): void {
  let fd: number
  try {
    fd = fs.openSync(file, 'r')
  } catch (error) {
    throw ApiError.from('DB_UNREADABLE', { file, cause: String(error) })
  }
  try {
    const header = Buffer.alloc(16)
    const read = fs.readSync(fd, header, 0, 16, 0)
    if (read > 0 && header.toString('latin1', 0, read) !== SQLITE_HEADER.slice(0, read)) {
      throw ApiError.from('DB_CORRUPT', { file, reason: 'not an SQLite file' })
    }
  } finally {
    fs.closeSync(fd)
  }
}

export interface OpenOptions {
  /** Open without any write, e.g. for `kakehashi check` on a possibly damaged file. */
  readonly?: boolean
}

export function openDatabase(file: string, options: OpenOptions = {}): DbHandle {
  const exists = fs.existsSync(file)
  if (exists) assertLooksLikeSqlite(file)
  else if (options.readonly) throw ApiError.from('DB_UNREADABLE', { file, reason: 'missing' })

  const leftovers = options.readonly ? sidecarsToRemoveOnClose(file) : []
  let sqlite: Sqlite
  try {
    sqlite = new SqliteDatabase(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false })
  } catch (error) {
    throw ApiError.from('DB_UNREADABLE', { file, cause: String(error) })
  }
  try {
    sqlite.pragma('busy_timeout = 5000')
    sqlite.pragma('foreign_keys = ON')
    if (!options.readonly) {
      sqlite.pragma('journal_mode = WAL')
      // NORMAL is durable across application crashes in WAL mode; only an OS crash or power
      // loss can lose the last transactions, and never corrupts the file.
      sqlite.pragma('synchronous = NORMAL')
    }
    // Reading the schema forces SQLite to parse page 1: a damaged header fails here, not later.
    sqlite.pragma('schema_version')
  } catch (error) {
    sqlite.close()
    for (const sidecar of leftovers) removeIfEmpty(sidecar)
    throw ApiError.from('DB_CORRUPT', { file, cause: String(error) })
  }
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
  })
  return {
    sqlite,
    db,
    file,
    async close() {
      await db.destroy() // closes the better-sqlite3 connection too
      for (const sidecar of leftovers) removeIfEmpty(sidecar)
    },
  }
}

/**
 * A read-only look at a WAL database makes SQLite create empty -wal/-shm files beside it.
 * Those we created (and left empty) are removed on close, so a check leaves no trace.
 */
function sidecarsToRemoveOnClose(file: string): string[] {
  return [`${file}-wal`, `${file}-shm`].filter((f) => !fs.existsSync(f))
}

function removeIfEmpty(sidecar: string): void {
  try {
    if (sidecar.endsWith('-shm') || fs.statSync(sidecar).size === 0) fs.rmSync(sidecar, { force: true })
  } catch {
    // already gone
  }
}
