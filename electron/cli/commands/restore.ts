import fs from 'node:fs'
import path from 'node:path'
import { openDatabase } from '../../backend/db/connection'
import { backupToFolder, defaultBackupDir } from '../../backend/safety/backups'
import { ApiError } from '../../../shared/contract/errors'
import { databaseInUse } from '../../backend/safety/inUse'
import { restoreDatabase } from '../../backend/safety/restore'
import { recordRestoreLine } from '../../backend/safety/safetyAudit'
import type { ErasuresOutcome } from '../../backend/safety/safetyAudit'
import { openBackend } from '../../backend/backend'
import type { AuditSource } from '../../backend/db/repos/auditRepo'
import type { Output } from '../output'
import { passphraseFromEnv } from './safetyCli'

/**
 * `restore --db FILE --from PATH`: checks the backup (integrity and schema version), keeps the
 * current database (a backup if healthy, set aside if damaged), then puts the backup in place.
 * People anonymized or deleted for good after the backup are erased again, unless
 * `--bring-back-erased` (undoing a mistaken deletion with its before-delete backup).
 * Close the app first: the database is replaced under it.
 */
export async function restoreCommand(
  opts: { db: string; from: string; bringBackErased?: boolean },
  out: Output,
): Promise<number> {
  const target = path.resolve(opts.db)
  const key = passphraseFromEnv()
  const dir = defaultBackupDir(target)
  if (databaseInUse(target, key)) {
    throw ApiError.from(
      'CONFLICT',
      { file: target },
      'かけはしがこのデータベースを開いています。アプリ（または serve）を閉じてから復元してください。データベースは変更していません。',
    )
  }
  const { source, previousKeptAt, previousHealthy } = await restoreDatabase({
    target,
    source: path.resolve(opts.from),
    key,
    currentKey: key,
    backupCurrent: async () => {
      const current = openDatabase(target, { key })
      try {
        return path.join(dir, (await backupToFolder(current, dir, 'before-restore')).id)
      } finally {
        await current.close()
      }
    },
  })
  const erasures = await recordRestore(
    target,
    key,
    path.resolve(opts.from),
    previousHealthy ? { file: previousKeptAt, key } : null,
    opts.bringBackErased === true,
  )
  out.result(
    {
      ok: true,
      file: target,
      from: path.resolve(opts.from),
      schemaVersion: source.schemaVersion,
      counts: source.counts,
      previousKeptAt,
      erasures,
    },
    `復元しました: ${target}（参加者 ${source.counts?.contacts ?? 0}人、訪問・参加記録 ${source.counts?.visits ?? 0}件）\n` +
      erasuresText(erasures) +
      `元のデータベースの保管先: ${previousKeptAt}`,
  )
  return 0
}

/**
 * The restore's audit line, in the restored file as the app writes it: which file and when it
 * was last changed, nothing about people, with the audit lines the replaced database had and
 * the file has not. The file is opened as the app opens it (migrated first if the copy is
 * from an older version, so every line fits its audit log), then closed again at once.
 */
async function recordRestore(
  target: string,
  key: string | undefined,
  from: string,
  replaced: AuditSource | null,
  bringBackErased: boolean,
): Promise<ErasuresOutcome> {
  const backend = await openBackend({ file: target, passphrase: key, dailyBackup: false })
  try {
    const fileModifiedAt = fs.statSync(from).mtime.toISOString()
    return await recordRestoreLine(backend.context, { file: path.basename(from), fileModifiedAt }, replaced, {
      bringBackErased,
    })
  } finally {
    await backend.close()
  }
}

/** A line about the people erased after the copy was made, when there were any. */
function erasuresText({ reapplied, broughtBack }: ErasuresOutcome): string {
  if (reapplied > 0) return `バックアップの後に匿名化・削除した ${reapplied}人は、もう一度匿名化・削除しました\n`
  if (broughtBack > 0) return `バックアップの後に匿名化・削除した ${broughtBack}人を、バックアップの内容に戻しました\n`
  return ''
}
