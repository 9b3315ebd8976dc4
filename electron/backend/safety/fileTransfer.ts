import fs from 'node:fs'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { ApiError } from '../../../shared/contract/errors'
import type { FileBackupResult } from '../../../shared/contract/safety'
import type { DbHandle } from '../db/connection'
import { gateOf } from '../jobs/writeGate'
import { copyFileDurably } from './atomicFile'
import { writeVerifiedBackup } from './backups'

/**
 * Backing up to, and restoring from, a file the user chose (coordinators keep copies on a USB
 * stick). The same verified copy as `kakehashi backup --out`; a restore's copy is checked as
 * `kakehashi restore --from` checks it (restore.ts). Whatever goes wrong is said in words
 * about the file and the stick, not SQLite's.
 */
/**
 * Where the copy is written: the place the user chose (a USB stick), or the data folder, where
 * the browser door writes it before the browser downloads it.
 */
export type CopyPlace = 'chosen' | 'data-folder'

export async function backupToChosenFile(
  handle: DbHandle,
  target: string,
  place: CopyPlace = 'chosen',
): Promise<FileBackupResult> {
  const name = path.basename(target)
  const createdAt = new Date().toISOString()
  try {
    // The dialog chose an existing folder: if it is not there now, the stick was pulled out
    // (writeVerifiedBackup would otherwise try to make it again, e.g. under /media).
    if (!isFolder(path.dirname(target))) throw Object.assign(new Error('folder gone'), { code: 'ENOENT' })
    // Through the write gate like every backup: it holds each job finished before it was asked for.
    const { schemaVersion, counts } = await gateOf(handle).track(() => writeVerifiedBackup(handle, target))
    return { name, createdAt, sizeBytes: fs.statSync(target).size, schemaVersion, counts, encrypted: handle.encrypted }
  } catch (error) {
    throw fileProblem(error, name, 'save', place) ?? error
  } finally {
    // The check of the copy opens it beside its final name; on a stick nothing else tidies
    // up after it (the backup folder's rotation does, there).
    for (const suffix of ['-wal', '-shm', '-journal']) removeIfThere(`${target}.partial${suffix}`)
  }
}

function isFolder(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory()
  } catch {
    return false
  }
}

function removeIfThere(file: string): void {
  try {
    fs.rmSync(file, { force: true })
  } catch {
    // the folder itself is gone or unreachable: nothing to tidy, the failure is already said
  }
}

/**
 * Copies the chosen file into the data folder before anything looks at it: the check and the
 * restore then read one local copy, which a stick pulled out half-way cannot change under them.
 * The caller removes the copy. `modifiedAt` is read now: the stick may be gone by the time
 * the restore is logged.
 */
export function stageChosenFile(source: string, dataDir: string): { staged: string; modifiedAt: string } {
  const staged = path.join(dataDir, `.incoming-${randomUUID()}.db`)
  try {
    const stat = fs.statSync(source)
    if (!stat.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' })
    copyFileDurably(source, staged)
    return { staged, modifiedAt: stat.mtime.toISOString() }
  } catch (error) {
    fs.rmSync(staged, { force: true })
    throw fileProblem(error, path.basename(source), 'read') ?? error
  }
}

/** Whether a file starts like a plain (unencrypted) SQLite database. */
export function looksPlain(file: string): boolean {
  const fd = fs.openSync(file, 'r')
  try {
    const head = Buffer.alloc(16)
    const read = fs.readSync(fd, head, 0, 16, 0)
    return read === 16 && head.toString('latin1') === 'SQLite format 3\u0000'
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * A restore's refusal, reworded for a file the user chose: the backup folder's messages speak
 * of "this backup", and a passphrase asked for here is the one the copy was made with.
 */
export function restoreProblem(error: unknown, name: string): unknown {
  if (!(error instanceof ApiError)) return error
  const unchanged = 'データベースは変更していません。'
  switch (error.code) {
    case 'BACKUP_INVALID': {
      const problem = String(error.details?.problem ?? '')
      const notOurs = /かけはしのデータベースではありません|データベースのファイルではないか/.test(problem)
      const message = notOurs
        ? `${name} はかけはしのデータベースではないため、復元できません。${unchanged}`
        : `${name} は壊れているため復元できません（${problem}）。別のバックアップを選んでください。${unchanged}`
      return ApiError.from('BACKUP_INVALID', { ...error.details, name }, message)
    }
    case 'DB_NEWER_VERSION':
      return ApiError.from(
        'DB_NEWER_VERSION',
        { ...error.details, name },
        `${name} は新しいバージョンのかけはしで作られたため、このバージョンでは復元できません。かけはしを更新してから復元してください。${unchanged}`,
      )
    case 'DB_LOCKED':
      return ApiError.from(
        'DB_LOCKED',
        { name },
        `${name} は暗号化されています。このファイルを作ったときのパスフレーズを入力してください。`,
      )
    case 'WRONG_PASSPHRASE':
      return ApiError.from(
        'WRONG_PASSPHRASE',
        { name },
        `パスフレーズが違います（または ${name} はかけはしのデータベースではありません）。${unchanged}`,
      )
    default:
      return fileProblem(error, name, 'read') ?? error
  }
}

/**
 * A full disk, a file or stick gone, no permission: said so; null for anything else. A copy
 * written in the data folder (`place`, the browser door's download) fills the computer's own
 * disk: the stick is not the one to clear.
 */
export function fileProblem(error: unknown, name: string, doing: 'save' | 'read', place: CopyPlace = 'chosen'): ApiError | null {
  const text = error instanceof ApiError ? JSON.stringify(error.details ?? {}) + error.message : String(error)
  const code = (error as { code?: unknown } | null)?.code
  const has = (pattern: RegExp) => pattern.test(text) || (typeof code === 'string' && pattern.test(code))
  const unchanged = 'データベースは変更していません。'
  const failed = doing === 'save' ? 'BACKUP_FAILED' : 'IMPORT_UNREADABLE'
  if (has(/ENOSPC|SQLITE_FULL|disk is full|EDQUOT/))
    return ApiError.from(
      failed,
      { name, reason: 'disk full' },
      doing === 'read'
        ? `データフォルダーのあるディスクの空き容量が足りないため、${name} を読み込めませんでした。${unchanged}`
        : place === 'data-folder'
          ? `データフォルダーのあるディスク（このパソコン）の空き容量が足りないため、${name} を作成できませんでした。ダウンロードの前にデータフォルダーで作成します。不要なファイルを削除して空きを作ってから、もう一度お試しください。${unchanged}`
          : `保存先の空き容量が足りないため、${name} を保存できませんでした。USBメモリなどの空きを確認してください。${unchanged}`,
    )
  // EEXIST from mkdir: a file stands where the target's folder should be (a stick's folder gone).
  if (has(/ENOENT|ENOTDIR|EEXIST[^']*mkdir|CANTOPEN|ENODEV|ENXIO|EIO\b/))
    return ApiError.from(
      doing === 'save' ? failed : 'NOT_FOUND',
      { name, reason: 'file gone' },
      `${name} が見つかりません。USBメモリが抜かれたか、ファイルが移動・削除された可能性があります。もう一度ファイルを選んでください。${unchanged}`,
    )
  if (has(/EACCES|EPERM|EROFS|SQLITE_READONLY/))
    return ApiError.from(
      failed,
      { name, reason: 'not allowed' },
      doing === 'save'
        ? `${name} に書き込めません（書き込みが禁止された場所か、読み取り専用のUSBメモリです）。別の場所を選んでください。${unchanged}`
        : `${name} を読み込む権限がありません。${unchanged}`,
    )
  return null
}
