import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openBackend } from '../../electron/backend/backend'
import { tempDir } from './tempDb'

/**
 * Another app's SQLite file opened by mistake (a household-accounts .db, say) is not a damaged
 * Kakehashi database: offering to restore a backup over it would destroy that app's data. It is
 * refused with words that say so, and not a byte of it is written.
 */
function foreignFile(dir: string): string {
  const file = path.join(dir, 'kakeibo.db')
  const other = new Database(file)
  other.exec(`CREATE TABLE entries (day TEXT, amount INTEGER); INSERT INTO entries VALUES ('2026-12-01', 1200)`)
  other.close()
  return file
}

describe("another app's database", () => {
  it('is refused as not ours (not offered a restore), and left exactly as it was', async () => {
    const dir = tempDir()
    const file = foreignFile(dir)
    const before = fs.readFileSync(file)
    const opening = openBackend({ file, userName: 'tester', degraded: true, dailyBackup: false })
    await expect(opening).rejects.toMatchObject({
      code: 'DB_UNREADABLE',
      message: expect.stringContaining(
        'kakeibo.db はかけはしのデータベースではありません。ほかのアプリのデータベースのようです。',
      ),
    })
    expect(fs.readFileSync(file).equals(before)).toBe(true)
    expect(fs.readdirSync(dir)).toEqual(['kakeibo.db']) // no -wal, no backup folder
  })

  it('a Kakehashi file whose tables are gone is still damage, with the restore offered', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'kakehashi.db')
    const empty = new Database(file)
    empty.pragma('page_size = 4096')
    empty.exec('CREATE TABLE t (a); DROP TABLE t') // a sound file with no tables at all
    empty.close()
    const b = await openBackend({ file, userName: 'tester', degraded: true, dailyBackup: false })
    try {
      const status = await b.client.call('safety.status', {})
      expect(status).toMatchObject({ state: 'damaged', problem: 'かけはしのデータベースではありません（スキーマがありません）' })
    } finally {
      await b.close()
    }
  })

  it('`serve` on it stops with the same words and exit 1', () => {
    if (!fs.existsSync('out/main/cli.js'))
      throw new Error('out/main/cli.js is missing: run `npm run build` first (npm test does).')
    const file = foreignFile(tempDir())
    const run = spawnSync(process.execPath, [path.resolve('bin/kakehashi.js'), 'serve', '--db', file, '--port', '0'], {
      encoding: 'utf8',
      timeout: 30_000,
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toBe(
      'エラー: kakeibo.db はかけはしのデータベースではありません。ほかのアプリのデータベースのようです。このファイルには何も書き込んでいません。かけはしのデータベースのファイルを開いてください。\n',
    )
  })
})
