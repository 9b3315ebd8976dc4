import { describe, expect, it } from 'vitest'
import { importPeopleCondition } from '../../electron/backend/db/repos/importPeopleRepo'
import type { Client } from '../../shared/contract/client'
import { upload } from './importKindsHelpers'
import { freshBackend } from './tempDb'

/** The participants list as the 「取り込み…の○人」 link opens it (plus any search). */
const peopleOf = (client: Client, batchId: string, search = '') =>
  client.call('contacts.list', { filter: { importBatch: { filterType: 'set', values: [batchId] } }, search })
const names = (page: { rows: { familyName: string; givenName: string }[] }) =>
  page.rows.map((r) => `${r.familyName}${r.givenName}`).sort()

async function importText(client: Client, fileName: string, text: string, onDuplicate: 'merge' | 'skip' = 'skip') {
  const preview = await client.call('import.preview', { source: { fileName, text } })
  return client.call('import.commit', { previewId: preview.previewId, onDuplicate })
}

describe('the participants list filtered to one import (importBatch)', () => {
  it('shows only the people an import registered or merged into, with the count the link names', async () => {
    const { client } = await freshBackend()
    await client.call('contacts.create', { fields: { familyName: '手入力', givenName: '次郎' } })
    const first = await client.call('import.preview', { source: upload('excel-cp932-title-rows.csv') })
    const firstBatch = (await client.call('import.commit', { previewId: first.previewId })).batchId
    // A later list: one new person, one already registered (by e-mail) whose blanks it fills.
    const second = await importText(
      client,
      'later.csv',
      '氏名,メール,職業\n隠岐 港,minato.oki@example.jp,漁師\n浜田 一郎,ichiro.hamada@example.jp,会社員\n',
      'merge',
    )
    expect(second).toMatchObject({ created: 1, merged: 1 })

    const all = await client.call('contacts.list', {})
    expect(all.total).toBe(6)
    const firstPeople = await peopleOf(client, firstBatch)
    expect(firstPeople.total).toBe(4)
    expect(names(firstPeople)).not.toContain('手入力次郎')
    expect(names(await peopleOf(client, second.batchId))).toEqual(['浜田一郎', '隠岐港'])
    expect(await client.call('import.batch', { batchId: second.batchId })).toMatchObject({
      id: second.batchId,
      kind: 'contacts',
      fileName: 'later.csv',
      undoneAt: null,
      people: 2,
    })
    // The list's own search narrows within the import.
    expect(names(await peopleOf(client, second.batchId, '隠岐'))).toEqual(['隠岐港'])

    // Someone moved to the trash since is not shown, nor counted.
    const oki = (await peopleOf(client, second.batchId, '隠岐')).rows[0]!
    await client.call('contacts.delete', { ids: [oki.id] })
    expect((await peopleOf(client, second.batchId)).total).toBe(1)
    expect(await client.call('import.batch', { batchId: second.batchId })).toMatchObject({ people: 1 })
  })

  it('a sign-in sheet shows the registered people it recorded a visit for, and the people it registered', async () => {
    const { client } = await freshBackend()
    const people = await client.call('import.preview', { source: upload('excel-cp932-title-rows.csv') })
    await client.call('import.commit', { previewId: people.previewId })
    const sheet = await client.call('import.preview', { source: upload('signin-visits-cp932.csv'), kind: 'visits' })
    const result = await client.call('import.commit', { previewId: sheet.previewId })
    // 浜田 is registered and only gets the visit (onDuplicate skip): no contact item, still "theirs".
    expect(result).toMatchObject({ created: 2, merged: 0 })
    const page = await peopleOf(client, result.batchId)
    expect(names(page)).toEqual(['佐渡みなみ', '浜田一郎', '粟島海斗'])
    expect(page.total).toBe(3)
    expect(await client.call('import.batch', { batchId: result.batchId })).toMatchObject({ kind: 'visits', people: 3 })
  })

  it('an undone import matches no one and says it was undone; an unknown one is not found', async () => {
    const { client } = await freshBackend()
    await importText(client, 'base.csv', '氏名,メール\n浜田 一郎,ichiro.hamada@example.jp\n')
    const later = await importText(
      client,
      'later.csv',
      '氏名,メール,職業\n隠岐 港,minato.oki@example.jp,漁師\n浜田 一郎,ichiro.hamada@example.jp,会社員\n',
      'merge',
    )
    expect((await peopleOf(client, later.batchId)).total).toBe(2)
    await client.call('import.undo', { batchId: later.batchId })
    // 浜田 is still registered (the merge was reverted), but the import no longer brought them in.
    expect((await client.call('contacts.list', {})).total).toBe(1)
    expect(await peopleOf(client, later.batchId)).toEqual({ rows: [], total: 0 })
    const batch = await client.call('import.batch', { batchId: later.batchId })
    expect(batch.people).toBe(0)
    expect(batch.undoneAt).not.toBeNull()

    const unknown = '01900000-0000-7000-8000-000000000000'
    expect((await peopleOf(client, unknown)).total).toBe(0)
    await expect(client.call('import.batch', { batchId: unknown })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('finds the people of an import by keys only (the items primary key, each visit id), never a scan', async () => {
    const { context } = await freshBackend()
    const { sql, parameters } = importPeopleCondition({ filterType: 'set', values: ['any'] }).compile(context.handle.db)
    const plan = (
      context.handle.sqlite
        .prepare(`EXPLAIN QUERY PLAN SELECT count(*) FROM contacts WHERE deleted_at IS NULL AND ${sql}`)
        .all(...parameters) as { detail: string }[]
    ).map((p) => p.detail)
    expect(plan).toContain('SEARCH i USING PRIMARY KEY (batch_id=? AND entity=?)')
    expect(plan.some((d) => /^SEARCH v USING .*\(id=\?\)/.test(d))).toBe(true)
    expect(plan.filter((d) => d.startsWith('SCAN'))).toEqual([])
  })
})
