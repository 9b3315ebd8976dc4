import type { BackupInfo, BackupReason } from '../../../shared/contract/safety'
import type { BackendContext } from '../context'
import { backupToFolder, defaultBackupDir } from './backups'
import { gateOf } from '../jobs/writeGate'

/**
 * The one call other services make before risky work (a bulk delete, a permanent deletion): a
 * verified backup in the backup folder of the open database. Backups are serialized per folder
 * so two never write at once. (An import's backup is backupBesideTransaction, below.)
 */
export async function takeBackup(ctx: BackendContext, reason: BackupReason): Promise<BackupInfo> {
  const dir = ctx.backupDir ?? defaultBackupDir(ctx.handle.file)
  const previous = queues.get(dir) ?? Promise.resolve()
  // Through the write gate, like a call: other calls go on meanwhile, but a transaction job
  // waits for the backup and the backup waits for a running job. The copy reads committed data
  // on its own connection, so it could never hold a job's unfinished writes; the gate is there
  // so that every backup holds each job finished before it was asked for (restoring a backup
  // taken mid-import would silently drop that import).
  const gate = gateOf(ctx.handle)
  const next = previous.catch(() => undefined).then(() => gate.track(() => backupToFolder(ctx.handle, dir, reason)))
  queues.set(dir, next)
  try {
    return await next
  } finally {
    if (queues.get(dir) === next) queues.delete(dir)
  }
}

const queues = new Map<string, Promise<unknown>>()

/**
 * The backup an import takes of the database as it was just before it, written beside the
 * import instead of before it (on two cores the copy and its check cost the import nothing;
 * one after the other they were a fifth of a 100k-row import). Called by the import's
 * transaction job once it holds the write lock and before its first write, so no connection
 * can commit between the snapshot and the import: the backup is exactly the state before it.
 * Resolves once the worker has pinned that snapshot; the job commits only after `finished`.
 *
 * Not queued behind other backups nor tracked by the write gate, unlike takeBackup: the job
 * already holds the gate alone, so no other backup of this connection is running, and one
 * queued behind the gate would wait for this job (and the job for it).
 */
export async function backupBesideTransaction(
  ctx: BackendContext,
  reason: BackupReason,
): Promise<{ finished: Promise<BackupInfo> }> {
  const dir = ctx.backupDir ?? defaultBackupDir(ctx.handle.file)
  let pinned!: () => void
  const pinnedNow = new Promise<void>((resolve) => (pinned = resolve))
  const finished = backupToFolder(ctx.handle, dir, reason, new Date(), pinned)
  // A cancelled job never awaits it: the backup then finishes on its own, still a sound copy.
  finished.catch(() => undefined)
  await Promise.race([pinnedNow, finished])
  return { finished }
}
