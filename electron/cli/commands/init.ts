import fs from 'node:fs'
import path from 'node:path'
import { ApiError } from '../../../shared/contract/errors'
import { openBackend } from '../../backend/backend'
import type { Output } from '../output'

/** `init --db FILE [--demo]`: a new database at the latest schema, optionally with demo data. */
export async function initCommand(opts: { db: string; demo: boolean }, out: Output): Promise<number> {
  if (fs.existsSync(opts.db)) {
    throw ApiError.from('CONFLICT', { file: opts.db }, `${opts.db} はすでに存在します。上書きはしません。`)
  }
  fs.mkdirSync(path.dirname(path.resolve(opts.db)), { recursive: true })
  const backend = await openBackend({ file: opts.db, demo: opts.demo })
  try {
    const info = await backend.client.call('app.info', {})
    out.result(
      { ok: true, file: path.resolve(opts.db), ...info },
      `作成しました: ${path.resolve(opts.db)}（スキーマ v${info.schemaVersion}、参加者 ${info.counts.contacts}人、訪問・参加記録 ${info.counts.visits}件）`,
    )
  } finally {
    await backend.close()
  }
  return 0
}
