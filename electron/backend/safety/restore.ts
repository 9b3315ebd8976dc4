import fs from 'node:fs'
import { ApiError } from '../../../shared/contract/errors'
import { latestSchemaVersion } from '../db/migrations/index'
import { inspectFile } from './integrity'
import type { Inspection } from './integrity'
import { copyFileDurably } from './atomicFile'

export interface RestorePlan {
  /** The database file to replace (must be closed by the caller). */
  target: string
  /** A backup file (not live). */
  source: string
  /** The passphrase the backup was written with. */
  key?: string
  /**
   * The passphrase of the file being replaced. It can differ from the backup's (the database
   * was encrypted, or its passphrase changed, after the backup was taken).
   */
  currentKey?: string
  /** The current file is known to be damaged: it is set aside without being opened again. */
  currentDamaged?: boolean
  /** Takes a backup of the healthy current file before it is replaced; returns where. */
  backupCurrent(): Promise<string>
}

/**
 * Replaces a database with a backup, in an order that a crash at any step survives:
 * 1. the source must pass the full integrity check and carry a schema this app can open;
 * 2. it is copied beside the target and flushed (`.restoring`);
 * 3. the current file is backed up if healthy, else set aside as `.damaged-<time>` with its
 *    -wal/-shm (a stale WAL left next to the restored file would be replayed into it);
 * 4. the copy is renamed over the target (atomic on the same disk).
 * `previousHealthy`: the current file was kept as a verified backup (its audit log can be read
 * and carried into the restored file), not set aside as damaged.
 */
export async function restoreDatabase(
  plan: RestorePlan,
): Promise<{ source: Inspection; previousKeptAt: string; previousHealthy: boolean }> {
  const source = await inspectFile(plan.source, { key: plan.key, level: 'full' })
  if (!source.ok) throw ApiError.from('BACKUP_INVALID', { problem: source.problem })
  if (source.schemaVersion > latestSchemaVersion) throw ApiError.from('DB_NEWER_VERSION', { schemaVersion: source.schemaVersion })

  const staged = `${plan.target}.restoring`
  copyFileDurably(plan.source, staged)
  try {
    let previousKeptAt = await keepHealthyCurrent(plan)
    const previousHealthy = previousKeptAt !== null
    if (previousKeptAt !== null) {
      for (const suffix of ['-wal', '-shm', '']) fs.rmSync(plan.target + suffix, { force: true })
    } else {
      previousKeptAt = `${plan.target}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`
      for (const suffix of ['', '-wal', '-shm']) {
        if (fs.existsSync(plan.target + suffix)) fs.renameSync(plan.target + suffix, previousKeptAt + suffix)
      }
    }
    fs.renameSync(staged, plan.target)
    return { source, previousKeptAt, previousHealthy }
  } finally {
    fs.rmSync(staged, { force: true })
  }
}

/**
 * Backs up the current file if it is healthy and returns where; null when it is damaged (or
 * cannot be read), so it is set aside instead. The light look passes a file damaged in the
 * middle: its backup then fails the copy's page check, and a full page check of the file
 * itself decides between damage (set aside) and another failure such as a full disk (thrown,
 * nothing replaced).
 */
async function keepHealthyCurrent(plan: RestorePlan): Promise<string | null> {
  if (plan.currentDamaged || !fs.existsSync(plan.target)) return null
  if (!(await inspectCurrent(plan.target, plan.currentKey, 'light'))?.ok) return null
  try {
    return await plan.backupCurrent()
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'BACKUP_FAILED')) throw error
    if ((await inspectCurrent(plan.target, plan.currentKey, 'quick'))?.ok) throw error
    return null
  }
}

async function inspectCurrent(file: string, key: string | undefined, level: 'light' | 'quick'): Promise<Inspection | null> {
  try {
    return await inspectFile(file, { key, level })
  } catch {
    return null // locked with another passphrase: treated like a damaged file, kept aside
  }
}
