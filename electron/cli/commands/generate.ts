import fs from 'node:fs'
import { ApiError } from '../../../shared/contract/errors'
import { openDatabase } from '../../backend/db/connection'
import { migrate } from '../../backend/db/migrate'
import { generateDataset } from '../../backend/demo/generate'
import type { Output } from '../output'

/** `generate --db FILE --contacts N --visits M [--seed S]`: a benchmark-sized fictional data set. */
export async function generateCommand(
  opts: { db: string; contacts: number; visits: number; seed: number },
  out: Output,
): Promise<number> {
  if (fs.existsSync(opts.db)) {
    throw ApiError.from('CONFLICT', { file: opts.db }, `${opts.db} はすでに存在します。新しいファイル名を指定してください。`)
  }
  const started = performance.now()
  const handle = openDatabase(opts.db)
  try {
    await migrate(handle)
    let lastShown = 0
    const stats = await generateDataset(handle, {
      contacts: opts.contacts,
      visits: opts.visits,
      seed: opts.seed,
      onProgress(done, total) {
        const now = performance.now()
        if (!out.json && process.stderr.isTTY && now - lastShown > 200) {
          lastShown = now
          process.stderr.write(`\r生成中… ${Math.floor((done / Math.max(total, 1)) * 100)}%`)
        }
      },
    })
    if (!out.json && process.stderr.isTTY) process.stderr.write('\r')
    const seconds = (performance.now() - started) / 1000
    out.result(
      { ok: true, file: opts.db, seconds, ...stats },
      `生成しました: 参加者 ${stats.contacts}人、プログラム ${stats.programs}件、訪問・参加記録 ${stats.visits}件（${seconds.toFixed(1)}秒）`,
    )
  } catch (error) {
    await handle.close()
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(opts.db + suffix, { force: true })
    throw error
  }
  await handle.close()
  return 0
}
