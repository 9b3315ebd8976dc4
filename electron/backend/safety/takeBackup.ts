import type { BackupInfo, BackupReason } from '../../../shared/contract/safety'
import type { BackendContext } from '../context'
import { backupToFolder, defaultBackupDir } from './backups'
import { gateOf } from '../jobs/writeGate'

/**
 * The one call other services make before risky work (an import, a bulk delete): a verified
 * backup in the backup folder of the open database. Backups are serialized per folder so two
 * never write at once.
 */
export async function takeBackup(ctx: BackendContext, reason: BackupReason): Promise<BackupInfo> {
  const dir = ctx.backupDir ?? defaultBackupDir(ctx.handle.file)
  const previous = queues.get(dir) ?? Promise.resolve()
  // Through the write gate, like a call: other calls go on meanwhile, but a transaction job
  // waits for the backup and the backup waits for a running job. A plain backup reads through
  // this connection, so it must never copy a job's unfinished writes. An encrypted one reads
  // committed data on its own connection and would be safe without the gate; it keeps it so
  // that every backup holds each job finished before it was asked for (restoring a backup
  // taken mid-import would silently drop that import) and one rule serves both. The wait
  // costs an import nothing: its own before-import backup queues behind a running one anyway.
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
