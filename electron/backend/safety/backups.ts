import fs from 'node:fs'
import path from 'node:path'
import { ApiError } from '../../../shared/contract/errors'
import type { BackupInfo, BackupReason } from '../../../shared/contract/safety'
import type { DbHandle } from '../db/connection'
import { schemaVersionOf } from '../db/migrate'
import { inspectFile } from './integrity'
import { backupsToKeep, localDay } from './rotation'
import { writeFileAtomic } from './atomicFile'
import { backupInWorker } from './backupInWorker'

/** Backups live beside the database unless told otherwise (the settings screen shows where). */
export function defaultBackupDir(file: string): string {
  return path.join(path.dirname(path.resolve(file)), 'backups')
}

/**
 * Writes a consistent copy of the open database to `target`, verifies it, and only then gives
 * it its final name: a crash mid-backup leaves a `.partial` file, never a bad backup. The copy
 * (SQLite's online backup API; VACUUM INTO for an encrypted database) and its page-by-page
 * check run in a worker thread on their own read-only connection (backupInWorker), so the
 * backend keeps answering; here only the light checks, the schema version and the counts.
 */
export async function writeVerifiedBackup(
  handle: DbHandle,
  target: string,
  /** Called once the copy's content is fixed (see backupInWorker). */
  onPinned?: () => void,
): Promise<{ schemaVersion: number; counts: BackupInfo['counts'] }> {
  const partial = `${target}.partial`
  try {
    // Inside the try: a folder that cannot be made (a file in its place, a full disk) is a
    // failed backup like any other, reported as such.
    fs.mkdirSync(path.dirname(target), { recursive: true })
    fs.rmSync(partial, { force: true })
    const problems = await backupInWorker(handle.file, handle.key, partial, onPinned)
    if (problems.length > 0) throw ApiError.from('BACKUP_FAILED', { reason: problems.join('; ') })
    fsyncFile(partial)
    const inspection = await inspectFile(partial, { key: handle.key, level: 'light' })
    const expected = schemaVersionOf(handle)
    if (!inspection.ok || inspection.schemaVersion !== expected) {
      throw ApiError.from('BACKUP_FAILED', { reason: inspection.problem ?? `schema ${inspection.schemaVersion} ≠ ${expected}` })
    }
    fs.renameSync(partial, target)
    return { schemaVersion: inspection.schemaVersion, counts: inspection.counts! }
  } catch (error) {
    removeLeftover(partial)
    if (error instanceof ApiError) throw error
    throw ApiError.from('BACKUP_FAILED', { cause: String(error) })
  } finally {
    // The read-only look at the copy leaves its -wal/-shm beside it (the copy is in WAL mode);
    // the backup folder's rotation clears them, but beside `backup --out`'s file on a stick
    // nothing else would.
    for (const suffix of ['-wal', '-shm', '-journal']) removeLeftover(partial + suffix)
  }
}

/** An automatic or on-demand backup into the backup folder, with its record and rotation. */
export async function backupToFolder(
  handle: DbHandle,
  dir: string,
  reason: BackupReason,
  now = new Date(),
  onPinned?: () => void,
): Promise<BackupInfo> {
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  const database = databaseName(handle.file)
  const id = `${database}-${reason}-${stamp}.db`
  const target = path.join(dir, id)
  const { schemaVersion, counts } = await writeVerifiedBackup(handle, target, onPinned)
  const info: BackupInfo = {
    id,
    reason,
    createdAt: now.toISOString(),
    sizeBytes: fs.statSync(target).size,
    schemaVersion,
    counts,
    encrypted: handle.encrypted,
    verified: true,
    database,
  }
  writeFileAtomic(`${target}.json`, JSON.stringify(info, null, 2))
  rotateBackups(dir, handle.file, now)
  return info
}

/** What backups of `file` are named after: its file name without .db. */
function databaseName(file: string): string {
  return path.basename(file, '.db')
}

/**
 * Whether a backup is of the database `name`. Several databases can share a folder (the demo
 * beside the real one): one's backups must never count as, or be rotated away by, another's.
 * Records written before `database` was kept are told by their name: 〈name〉-〈reason〉-〈time〉.db.
 */
function isBackupOf(info: BackupInfo, name: string): boolean {
  if (info.database !== undefined) return info.database === name
  const rest = info.id.startsWith(`${name}-`) ? info.id.slice(name.length + 1) : ''
  return rest.startsWith(`${info.reason}-`) && /^\d{4}-\d{2}-\d{2}T[\d-]+Z\.db$/.test(rest.slice(info.reason.length + 1))
}

/**
 * The backups of the database `file` in a folder, newest first; files without a record (or
 * half-written) are not backups.
 */
export function listBackups(dir: string, file: string): BackupInfo[] {
  const name = databaseName(file)
  let names: string[]
  try {
    names = fs.readdirSync(dir)
  } catch {
    return []
  }
  const infos: BackupInfo[] = []
  for (const entry of names) {
    if (!entry.endsWith('.db.json')) continue
    try {
      const info = JSON.parse(fs.readFileSync(path.join(dir, entry), 'utf8')) as BackupInfo
      if (isBackupOf(info, name) && fs.existsSync(path.join(dir, info.id))) infos.push(info)
    } catch {
      // a record cut short by a crash: its backup is not listed (and rotation removes it later)
    }
  }
  return infos.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

export function rotateBackups(dir: string, file: string, now = new Date()): void {
  const backups = listBackups(dir, file)
  const keep = backupsToKeep(backups, now)
  for (const b of backups) {
    if (keep.has(b.id)) continue
    fs.rmSync(path.join(dir, b.id), { force: true })
    fs.rmSync(path.join(dir, `${b.id}.json`), { force: true })
  }
  // Leftovers of this database's backups killed mid-write (and the side files of their copy);
  // another database's may be being written right now.
  const own = `${databaseName(file)}-`
  for (const entry of fs.readdirSync(dir))
    if (entry.startsWith(own) && /\.partial(-wal|-shm|-journal)?$/.test(entry)) fs.rmSync(path.join(dir, entry), { force: true })
}

/** Removes the backups of `file` that are not encrypted (with their records); returns how many. */
export function removePlainBackups(dir: string, file: string): number {
  const plain = listBackups(dir, file).filter((b) => !b.encrypted)
  for (const b of plain) {
    // The record first: a crash in between leaves an unlisted file, never a listed missing one.
    fs.rmSync(path.join(dir, `${b.id}.json`), { force: true })
    fs.rmSync(path.join(dir, b.id), { force: true })
  }
  return plain.length
}

export function hasBackupOfToday(dir: string, file: string, now = new Date()): boolean {
  return listBackups(dir, file).some((b) => localDay(new Date(b.createdAt)) === localDay(now))
}

/** A half-written copy goes; where it cannot even be looked for, there is nothing to remove. */
function removeLeftover(file: string): void {
  try {
    fs.rmSync(file, { force: true })
  } catch {
    // ENOTDIR and the like: the folder itself is the problem, already reported
  }
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}
