import { describe, expect, it } from 'vitest'
import type { Client } from '../../shared/contract/client'
import { freshBackend } from './tempDb'

/** A small person list as a coordinator would save it from Excel. */
const roster = [
  '氏名,フリガナ,メール',
  '隠岐 港,オキ ミナト,minato@example.jp',
  '海士 凪,アマ ナギ,nagi@example.jp',
  '知夫 渚,チブ ナギサ,nagisa@example.jp',
].join('\n')

async function importRoster(client: Client, fileName = '名簿2024.csv') {
  const preview = await client.call('import.preview', { source: { fileName, text: `${roster}\n` } })
  return client.call('import.commit', { previewId: preview.previewId, onDuplicate: 'new' })
}

async function personId(client: Client, email: string): Promise<string> {
  const page = await client.call('contacts.list', { search: email })
  expect(page.total, email).toBe(1)
  return page.rows[0]!.id
}

/** Issue 7, point 4: every audit line says which batch it belongs to, and the log filters by it. */
describe('audit log batches', () => {
  it('an import’s lines are exactly its batch, named by the file, and the filter composes with the others', async () => {
    const { client } = await freshBackend()
    const single = await client.call('contacts.create', { fields: { familyName: '西ノ島', givenName: '光' } })
    const result = await importRoster(client)
    expect(result.created).toBe(3)
    const people = await Promise.all(['minato', 'nagi', 'nagisa'].map((n) => personId(client, `${n}@example.jp`)))

    const batch = await client.call('audit.list', { batchId: result.batchId })
    expect(batch.total).toBe(3)
    expect(batch.rows.map((r) => r.entityId).sort()).toEqual([...people].sort())
    for (const row of batch.rows) {
      expect(row).toMatchObject({ action: 'import', entity: 'contact', batchId: result.batchId, importFileName: '名簿2024.csv' })
    }
    // A change on its own belongs to no batch; the whole log still has every line.
    const whole = await client.call('audit.list', {})
    expect(whole.total).toBe(4)
    expect(whole.rows.find((r) => r.entityId === single.id)).toMatchObject({ batchId: null, importFileName: null })

    // With the other filters (AND) and through the pages.
    expect((await client.call('audit.list', { batchId: result.batchId, action: 'update' })).total).toBe(0)
    const one = await client.call('audit.list', { batchId: result.batchId, entity: 'contact', entityId: people[0]! })
    expect(one.rows.map((r) => r.entityId)).toEqual([people[0]])
    const first = await client.call('audit.list', { batchId: result.batchId, limit: 2 })
    const rest = await client.call('audit.list', { batchId: result.batchId, limit: 2, offset: 2 })
    expect([first.total, first.rows.length, rest.total, rest.rows.length]).toEqual([3, 2, 3, 1])
    expect(new Set([...first.rows, ...rest.rows].map((r) => r.id)).size).toBe(3)

    // Undoing the import is recorded in the same batch, so the log tells the whole story of the file.
    await client.call('import.undo', { batchId: result.batchId })
    const undone = await client.call('audit.list', { batchId: result.batchId, action: 'delete' })
    expect(undone.total).toBe(3)
    expect(undone.rows[0]!.importFileName).toBe('名簿2024.csv')
  })

  it('a bulk action on several people shares one batch; a single edit has none', async () => {
    const { client } = await freshBackend()
    const [a, b, c] = await Promise.all(
      ['隠岐', '海士', '知夫'].map((familyName) => client.call('contacts.create', { fields: { familyName } })),
    )
    await client.call('contacts.update', { id: c!.id, patch: { occupation: '漁師' } })
    expect(await client.call('contacts.setStage', { ids: [a!.id, b!.id], stage: 'tsunagaru' })).toEqual({
      changed: 2,
    })
    const stageLines = (await client.call('audit.list', { action: 'update', limit: 2 })).rows
    const stageBatch = stageLines[0]!.batchId
    expect(stageBatch).not.toBeNull()
    expect(stageLines.map((r) => r.batchId)).toEqual([stageBatch, stageBatch])

    const filtered = await client.call('audit.list', { batchId: stageBatch! })
    expect(filtered.total).toBe(2)
    expect(filtered.rows.map((r) => r.entityId).sort()).toEqual([a!.id, b!.id].sort())
    expect(filtered.rows.every((r) => r.importFileName === null && r.changes[0]?.field === 'stage')).toBe(true)
    const edit = await client.call('audit.list', { entityId: c!.id, action: 'update' })
    expect(edit.rows[0]).toMatchObject({ batchId: null })

    // Another bulk action is another batch; undoing one is a batch of its own too.
    await client.call('tags.addToContacts', { ids: [a!.id, b!.id, c!.id], name: '2024講座' })
    const tagBatch = (await client.call('audit.list', { limit: 1 })).rows[0]!.batchId
    expect(tagBatch).not.toBe(stageBatch)
    expect((await client.call('audit.list', { batchId: tagBatch! })).total).toBe(3)
    await client.call('undo.last', {})
    const undoBatch = (await client.call('audit.list', { limit: 1 })).rows[0]!.batchId
    expect([stageBatch, tagBatch]).not.toContain(undoBatch)
    const undone = await client.call('audit.list', { batchId: undoBatch! })
    expect(undone.rows.map((r) => r.changes)).toEqual(Array(3).fill([{ field: 'tags', before: '-2024講座', after: null }]))
  })

  it('the dispatcher refuses a batch id that is not an id, in Japanese', async () => {
    const { client } = await freshBackend()
    await expect(client.call('audit.list', { batchId: "x' OR 1=1 --" })).rejects.toMatchObject({
      code: 'INVALID_ARGS',
      message: 'IDの形式が正しくありません',
      details: { issues: [{ path: ['batchId'] }] },
    })
  })

  it('finds a batch’s lines through the batch index, not by reading the whole log', async () => {
    const { context } = await freshBackend()
    const plan = (query: string) =>
      (context.handle.sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all('x') as { detail: string }[]).map((r) => r.detail)
    expect(plan(`SELECT count(*) FROM audit_log WHERE batch_id = ?`).join('\n')).toContain('audit_log_batch')
    const page = plan(
      `SELECT audit_log.*, import_batches.file_name FROM audit_log LEFT JOIN import_batches ON import_batches.id = audit_log.batch_id
       WHERE audit_log.batch_id = ? ORDER BY audit_log.at DESC, audit_log.id DESC LIMIT 100`,
    )
    expect(page[0]).toContain('audit_log_batch')
  })
})
