import type { DbHandle } from '../db/connection'
import { keyLiteral } from '../db/connection'

/**
 * Encrypts, re-keys or decrypts the open database in place. SQLite3 Multiple Ciphers cannot
 * rekey in WAL mode, so the journal goes to DELETE for the rekey (which rewrites every page
 * in one transaction: a crash leaves the old key in force) and back to WAL after.
 */
export function rekeyDatabase(handle: DbHandle, next: string | null): void {
  const { sqlite } = handle
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  sqlite.pragma('journal_mode = DELETE')
  try {
    sqlite.pragma(`rekey=${keyLiteral(next ?? '')}`)
  } finally {
    sqlite.pragma('journal_mode = WAL')
  }
}
