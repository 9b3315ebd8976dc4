import { describe, expect, it } from 'vitest'
import { birthSortSql } from '../../electron/backend/db/repos/contactsRepo'
import { generateDataset } from '../../electron/backend/demo/generate'
import type { ArgsOf } from '../../shared/contract/methods'
import { freshBackend } from './tempDb'

/**
 * Above 2,000 matches the grid walks the sort index (INDEXED BY) and counts over narrow
 * indexes: the rows, their order and the totals must be exactly what plain SQL gives.
 */
describe('index hints of the participants grid never change the answer', () => {
  it('matches plain SQL for sorts and filters on 3,000 people', async () => {
    const backend = await freshBackend()
    await generateDataset(backend.context.handle, { contacts: 3000, visits: 3000, seed: 11 })
    const sqlite = backend.context.handle.sqlite
    const kana = '(family_kana IS NULL), family_kana, given_kana, id'
    const cases: [ArgsOf<'contacts.list'>, string, string, unknown[]][] = [
      [
        {
          sort: [{ colId: 'birthDate', sort: 'desc' }],
          filter: { stage: { filterType: 'set', values: ['tsukamu', 'atatameru'] } },
        },
        "stage IN ('tsukamu','atatameru')",
        `(${birthSortSql} IS NULL) DESC, ${birthSortSql} DESC, rowid DESC`,
        [],
      ],
      [
        {
          sort: [{ colId: 'familyName', sort: 'asc' }],
          filter: { email: { filterType: 'text', type: 'contains', filter: 'example' } },
        },
        "email LIKE '%example%'",
        '(family_name IS NULL), family_name, rowid',
        [],
      ],
      [{ sort: [{ colId: 'updatedAt', sort: 'asc' }], filter: {} }, '1', '(updated_at IS NULL), updated_at, rowid', []],
      [{ sort: [], filter: {}, search: 'ア' }, "instr(search_key, 'ア') > 0", kana, []],
      [
        { sort: [{ colId: 'familyKana', sort: 'desc' }], filter: { familyKana: { filterType: 'text', type: 'notBlank' } } },
        "family_kana IS NOT NULL AND family_kana != ''",
        '(family_kana IS NULL) DESC, family_kana DESC, given_kana DESC, id DESC',
        [],
      ],
    ]
    for (const [args, where, order] of cases) {
      for (const offset of [0, 1500]) {
        const page = await backend.client.call('contacts.list', { ...args, offset, limit: 100 })
        const expected = sqlite
          .prepare(
            `SELECT id FROM contacts NOT INDEXED WHERE deleted_at IS NULL AND ${where} ORDER BY ${order} LIMIT 100 OFFSET ${offset}`,
          )
          .all() as { id: string }[]
        const total = sqlite
          .prepare(`SELECT count(*) AS n FROM contacts NOT INDEXED WHERE deleted_at IS NULL AND ${where}`)
          .get() as { n: number }
        expect(page.total, JSON.stringify(args)).toBe(total.n)
        expect(
          page.rows.map((r) => r.id),
          JSON.stringify(args),
        ).toEqual(expected.map((r) => r.id))
      }
    }
    // The big cases really took the hinted path.
    expect(
      (
        sqlite
          .prepare(`SELECT count(*) AS n FROM contacts WHERE deleted_at IS NULL AND stage IN ('tsukamu','atatameru')`)
          .get() as { n: number }
      ).n,
    ).toBeGreaterThan(2000)
  })
})
