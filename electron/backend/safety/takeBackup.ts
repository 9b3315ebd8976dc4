import type { BackupInfo, BackupReason } from '../../../shared/contract/safety'
import type { BackendContext } from '../context'
import { backupToFolder, defaultBackupDir } from './backups'
import { gateOf } from '../jobs/writeGate'

/**
 * The one call other services make before risky work (an import, a bulk delete): a verified
 * backup in the backup folder, through the open database's own connection. Backups are
 * serialized per folder so two never write at once.
 */
export async function takeBackup(ctx: BackendContext, reason: BackupReason): Promise<BackupInfo> {
  const dir = ctx.backupDir ?? defaultBackupDir(ctx.handle.file)
  const previous = queues.get(dir) ?? Promise.resolve()
  // Through the write gate: a backup must never copy a transaction job's unfinished writes.
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
