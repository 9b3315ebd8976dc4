import fs from 'node:fs'
import path from 'node:path'
import { fileProblem } from '../../backend/safety/fileTransfer'
import { ApiError } from '../../../shared/contract/errors'
import { openDatabase } from '../../backend/db/connection'
import { writeVerifiedBackup } from '../../backend/safety/backups'
import { inspectHandle } from '../../backend/safety/integrity'
import type { Output } from '../output'
import { passphraseFromEnv } from './safetyCli'

/**
 * `backup --db FILE --out PATH`: a verified copy through SQLite's online backup API (safe while
 * the app is running), e.g. onto a USB stick. An encrypted database stays encrypted.
 */
export async function backupCommand(opts: { db: string; out: string }, out: Output): Promise<number> {
  const target = path.resolve(opts.out)
  if (fs.statSync(target, { throwIfNoEntry: false })?.isDirectory())
    throw ApiError.from(
      'CONFLICT',
      { file: target },
      `${target} はフォルダーです。バックアップのファイル名まで指定してください（例: ${path.join(target, 'kakehashi.bak')}）。`,
    )
  if (fs.existsSync(target)) throw ApiError.from('CONFLICT', { file: target }, `${target} はすでに存在します。上書きはしません。`)
  const handle = openDatabase(path.resolve(opts.db), { readonly: true, key: passphraseFromEnv() })
  try {
    const health = inspectHandle(handle, 'light')
    if (!health.ok) throw ApiError.from('DB_CORRUPT', { problem: health.problem })
    // A full stick, a file where a folder should be, no rights: said as the app says it.
    const { schemaVersion, counts } = await writeVerifiedBackup(handle, target).catch((error: unknown) => {
      throw fileProblem(error, target, 'save') ?? error
    })
    const sizeBytes = fs.statSync(target).size
    out.result(
      { ok: true, file: target, schemaVersion, counts, sizeBytes, encrypted: handle.encrypted, verified: true },
      `バックアップしました: ${target}（参加者 ${counts.contacts}人、訪問・参加記録 ${counts.visits}件、${formatBytes(sizeBytes)}、検証済み${handle.encrypted ? '、暗号化' : ''}）`,
    )
  } finally {
    await handle.close()
  }
  return 0
}

export function formatBytes(n: number): string {
  return n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`
}
