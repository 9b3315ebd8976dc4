import fs from 'node:fs'
import path from 'node:path'
import { writeFileAtomic } from './atomicFile'
import { localDay } from './rotation'

/**
 * When to run the page-by-page check. Every open reads the header, page 1 and the schema and
 * checks the file is as long as its header says (milliseconds at any size). PRAGMA
 * quick_check reads every page (≈1.2 s on a 790 MB file, more than the 200 ms an open may
 * take), so it runs on the first open of each day — the same moment the daily backup is
 * taken — and on every backup and restore. A page damaged since this morning's check is
 * still caught by the next read of it (SQLite answers SQLITE_CORRUPT, and the backend then
 * stops writing and offers the restore screen).
 *
 * The time of the last check is kept beside the backups, not in the database: writing it
 * into the file would make a restored database differ from its backup, and two identical
 * new databases differ from each other.
 */
const CHECKS_FILE = 'integrity-checks.json'

function read(backupDir: string): Record<string, string> {
  try {
    return JSON.parse(fs.readFileSync(path.join(backupDir, CHECKS_FILE), 'utf8')) as Record<string, string>
  } catch {
    return {}
  }
}

export function lastFullCheckAt(file: string, backupDir: string): string | null {
  return read(backupDir)[path.resolve(file)] ?? null
}

export function fullCheckDue(file: string, backupDir: string, now = new Date()): boolean {
  const last = lastFullCheckAt(file, backupDir)
  return last === null || localDay(new Date(last)) !== localDay(now)
}

export function recordFullCheck(file: string, backupDir: string, now = new Date()): void {
  fs.mkdirSync(backupDir, { recursive: true })
  writeFileAtomic(
    path.join(backupDir, CHECKS_FILE),
    JSON.stringify({ ...read(backupDir), [path.resolve(file)]: now.toISOString() }, null, 2),
  )
}
