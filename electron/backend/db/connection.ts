import fs from 'node:fs'
// SQLite3 Multiple Ciphers: the same API as better-sqlite3 13 (so its types serve), plus
// optional encryption at rest. Without a key it reads and writes plain SQLite files unchanged.
import SqliteDatabase from 'better-sqlite3-multiple-ciphers'
import type { Database as Sqlite } from 'better-sqlite3'
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely'
import { ApiError } from '../../../shared/contract/errors'
import { accessError } from './driverErrors'
import type { Database } from './schema'

export interface DbHandle {
  /** The raw connection, for pragmas, backups and hot paths measured in benchmarks. */
  sqlite: Sqlite
  db: Kysely<Database>
  file: string
  /** Whether the file is encrypted (opened with a passphrase). */
  encrypted: boolean
  /** The passphrase, kept in memory only while open: backups are encrypted and verified with it. */
  key: string | undefined
  /** Work a worker thread is doing on this file (a checkpoint after a big write): close waits for it. */
  background: Set<Promise<unknown>>
  close(): Promise<void>
}

/**
 * Resolves once the worker threads working on the file have finished (failed ones included):
 * before the connection closes, or before work that needs the log to itself (a rekey, a
 * truncating checkpoint).
 */
export const backgroundSettled = (handle: Pick<DbHandle, 'background'>): Promise<unknown> => Promise.allSettled(handle.background)

const SQLITE_HEADER = 'SQLite format 3\u0000'

/**
 * Refuses a file that is not an SQLite database before SQLite touches it: opening a
 * non-database in read-write mode could otherwise create journal files beside it.
 */
export function assertLooksLikeSqlite(file: string, options: { key?: string } = {}): void {
  let fd: number
  try {
    fd = fs.openSync(file, 'r')
  } catch (error) {
    throw accessError(error, file) ?? ApiError.from('DB_UNREADABLE', { file, cause: String(error) })
  }
  try {
    const header = Buffer.alloc(16)
    let read: number
    try {
      read = fs.readSync(fd, header, 0, 16, 0)
    } catch (error) {
      throw accessError(error, file) ?? ApiError.from('DB_UNREADABLE', { file, cause: String(error) })
    }
    if (read > 0 && header.toString('latin1', 0, read) !== SQLITE_HEADER.slice(0, read)) {
      // An encrypted database has no plain header: its first bytes look random, and its size
      // is whole pages. Without a key we ask for the passphrase; with one SQLite decides.
      if (options.key) return
      if (looksEncrypted(fd)) throw ApiError.from('DB_LOCKED', { file })
      throw ApiError.from('DB_CORRUPT', { file, reason: 'not an SQLite file' })
    }
  } finally {
    fs.closeSync(fd)
  }
}

export interface OpenOptions {
  /** Open without any write, e.g. for `kakehashi check` on a possibly damaged file. */
  readonly?: boolean
  /** The passphrase of an encrypted database (SQLite3MC's default cipher, ChaCha20-Poly1305). */
  key?: string
}

/** Whole pages of random-looking bytes: what an encrypted database looks like from outside. */
function looksEncrypted(fd: number): boolean {
  const size = fs.fstatSync(fd).size
  if (size < 512 || size % 512 !== 0) return false
  const head = Buffer.alloc(64)
  fs.readSync(fd, head, 0, 64, 0)
  // Text files (CSV, notes) are mostly printable; ciphertext is not.
  const printable = head.filter((b) => b >= 0x20 && b < 0x7f).length
  return printable < 48
}

/** A passphrase as an SQL string literal for PRAGMA key/rekey. */
export function keyLiteral(key: string): string {
  return `'${key.replace(/'/g, "''")}'`
}

export function openDatabase(file: string, options: OpenOptions = {}): DbHandle {
  const exists = fs.existsSync(file)
  if (exists) assertLooksLikeSqlite(file, options)
  else if (options.readonly) throw ApiError.from('DB_UNREADABLE', { file, reason: 'missing' })

  const leftovers = options.readonly ? sidecarsToRemoveOnClose(file) : []
  // Sidecars a failed open must not leave behind (a wrong passphrase leaves no trace).
  const newSidecars = sidecarsToRemoveOnClose(file)
  const encrypted = options.key !== undefined && options.key !== ''
  let sqlite: Sqlite
  try {
    sqlite = new SqliteDatabase(file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
    })
  } catch (error) {
    throw ApiError.from('DB_UNREADABLE', { file, cause: String(error) })
  }
  try {
    if (encrypted) sqlite.pragma(`key=${keyLiteral(options.key!)}`)
    // The first read, before any pragma that could write: a wrong key or a damaged header
    // fails here and the file is left exactly as it was.
    sqlite.pragma('schema_version')
  } catch (error) {
    sqlite.close()
    for (const sidecar of newSidecars) removeIfEmpty(sidecar)
    const code = (error as { code?: string }).code
    if (encrypted && code === 'SQLITE_NOTADB') throw ApiError.from('WRONG_PASSPHRASE', { file })
    throw accessError(error, file) ?? ApiError.from('DB_CORRUPT', { file, cause: String(error) })
  }
  try {
    sqlite.pragma('busy_timeout = 5000')
    sqlite.pragma('foreign_keys = ON')
    // 128 MB of page cache at most (SQLite's default is 2 MB; it grows only as pages are read):
    // a full scan of the people table (search) then stays in memory, an encrypted database
    // decrypts each page once, not per query, and a fiscal-year report over a million visits
    // (people, their stage histories and year totals: ~70 MB of pages) no longer evicts its own
    // pages half-way (measured 440 → 355 ms at 64 → 128 MB).
    sqlite.pragma('cache_size = -131072')
    // Statement journals in memory: an INSERT into contacts fires the search-index trigger, so
    // SQLite keeps a statement journal of the ~30 index pages it touches; past 64 KiB that
    // journal spills to a temporary file, and a 100k-row import spent 2/3 of its time there
    // (27 s → 11 s measured). Temporary sorts are bounded by our LIMITed queries.
    sqlite.pragma('temp_store = MEMORY')
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
    throw accessError(error, file) ?? ApiError.from('DB_CORRUPT', { file, cause: String(error) })
  }
  const background = new Set<Promise<unknown>>()
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
  })
  return {
    sqlite,
    db,
    file,
    encrypted,
    key: encrypted ? options.key : undefined,
    background,
    async close() {
      await backgroundSettled({ background })
      await db.destroy() // closes the better-sqlite3 connection, if Kysely ever used it…
      if (sqlite.open) sqlite.close() // …and a handle only read through `sqlite` is closed here
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
