import { describe, expect, it } from 'vitest'
import { generateDataset } from '../../electron/backend/demo/generate'
import { freshBackend } from './tempDb'

/**
 * 訪問・参加記録 sorted by 参加者: in 50音順 of the reading (as 参加者 sorts people), never by
 * kanji code points, and fast at a million visits because it walks contacts_kana.
 */
describe('visits sorted by person', () => {
  it('orders by reading, not by the kanji of the name', async () => {
    const { client } = await freshBackend()
    const ids: Record<string, string> = {}
    for (const [familyName, familyKana] of [
      ['渡辺', 'ワタナベ'],
      ['阿部', 'アベ'],
      ['井上', 'イノウエ'],
    ]) {
      const c = await client.call('contacts.create', {
        fields: { familyName, givenName: '花子', familyKana, givenKana: 'ハナコ' },
      })
      ids[familyName] = c.id
    }
    await client.call('visits.create', { contactIds: Object.values(ids), fields: { visitDate: '2025-06-01', mode: 'onsite' } })
    const names = async (sort: 'asc' | 'desc') =>
      (await client.call('visits.list', { sort: [{ colId: 'contactName', sort }] })).rows.map((r) => r.contactName)
    // By code point 井 (U+4E95) < 渡 (U+6E21) < 阿 (U+963F): reading order is アベ, イノウエ, ワタナベ.
    expect(await names('asc')).toEqual(['阿部 花子', '井上 花子', '渡辺 花子'])
    expect(await names('desc')).toEqual(['渡辺 花子', '井上 花子', '阿部 花子'])
  })

  it('gives exactly the rows of plain SQL, people in the trash left out, with every filter', async () => {
    const backend = await freshBackend()
    await generateDataset(backend.context.handle, { contacts: 400, visits: 3000, seed: 5 })
    const sqlite = backend.context.handle.sqlite
    const trashed = sqlite.prepare('SELECT id FROM contacts ORDER BY id LIMIT 20').pluck().all() as string[]
    await backend.client.call('contacts.delete', { ids: trashed })
    const plain = (where: string, dir: 'ASC' | 'DESC') =>
      sqlite
        .prepare(
          `SELECT v.id FROM visits v JOIN contacts c ON c.id = v.contact_id WHERE c.deleted_at IS NULL AND ${where}
           ORDER BY (c.family_kana IS NULL) ${dir}, c.family_kana ${dir}, c.given_kana ${dir}, c.id ${dir}, v.id ${dir} LIMIT 40 OFFSET 30`,
        )
        .pluck()
        .all()
    for (const [args, where] of [
      [{}, '1'],
      [{ fiscalYear: 2024 }, "v.visit_date BETWEEN '2024-04-01' AND '2025-03-31'"],
      [{ mode: 'online' as const }, "v.mode = 'online'"],
      [{ standaloneOnly: true }, 'v.program_id IS NULL'],
    ] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        const page = await backend.client.call('visits.list', {
          ...args,
          sort: [{ colId: 'contactName', sort: dir }],
          offset: 30,
          limit: 40,
        })
        expect(page.rows.map((r) => r.id)).toEqual(plain(where, dir === 'asc' ? 'ASC' : 'DESC'))
        expect(page.rows.every((r) => !trashed.includes(r.contactId))).toBe(true)
      }
    }
  })
})
