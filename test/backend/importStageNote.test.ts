import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../electron/backend/db/connection'
import { migrate } from '../../electron/backend/db/migrate'
import { migrations } from '../../electron/backend/db/migrations/index'
import { upload } from './importKindsHelpers'
import { freshBackend, tempDir } from './tempDb'

/** A person an import registers gets a つかむ entry whose note says 取り込み, as the rest of the app does. */

const notes = (sqlite: import('better-sqlite3').Database) =>
  sqlite.prepare(`SELECT DISTINCT note FROM stage_history`).pluck().all() as (string | null)[]

describe('the stage note of a person registered by an import', () => {
  it('a list of people and a sign-in sheet register people 「取り込みで登録」', async () => {
    const { client, context } = await freshBackend()
    const people = await client.call('import.preview', { source: upload('excel-cp932-title-rows.csv') })
    await client.call('import.commit', { previewId: people.previewId })
    expect(notes(context.handle.sqlite)).toEqual(['取り込みで登録'])
    const sheet = await client.call('import.preview', { source: upload('signin-visits-cp932.csv'), kind: 'visits' })
    const before = context.handle.sqlite.prepare(`SELECT count(*) FROM stage_history`).pluck().get() as number
    await client.call('import.commit', { previewId: sheet.previewId })
    expect(context.handle.sqlite.prepare(`SELECT count(*) FROM stage_history`).pluck().get()).toBeGreaterThan(before)
    expect(notes(context.handle.sqlite)).toEqual(['取り込みで登録'])
  })

  it('notes written 「インポートで登録」 by earlier versions are reworded by migration 0012; a coordinator’s own note is not', async () => {
    const file = path.join(tempDir(), 'v11.db')
    const h = openDatabase(file)
    try {
      await migrate(h, { migrations: migrations.slice(0, 11) })
      h.sqlite.prepare(`INSERT INTO contacts (id, family_name, created_at, updated_at) VALUES ('p1', '見本', 'x', 'x')`).run()
      const history = h.sqlite.prepare(
        `INSERT INTO stage_history (id, contact_id, stage, changed_on, note, created_at) VALUES (?, 'p1', ?, '2024-04-01', ?, 'x')`,
      )
      history.run('s1', 'tsukamu', 'インポートで登録')
      history.run('s2', 'tsunagaru', 'インポートで登録') // not what an import writes: left as typed
      history.run('s3', 'tsukamu', '説明会で登録')
      await migrate(h)
      expect(h.sqlite.prepare(`SELECT id, note FROM stage_history ORDER BY id`).all()).toEqual([
        { id: 's1', note: '取り込みで登録' },
        { id: 's2', note: 'インポートで登録' },
        { id: 's3', note: '説明会で登録' },
      ])
    } finally {
      await h.close()
    }
  })
})
