import { describe, expect, it } from 'vitest'
import type { Client } from '../../shared/contract/client'
import type { ContactCreateInput } from '../../shared/contract/contacts'
import { birthSortSql, contactGridColumns } from '../../electron/backend/db/repos/contactsRepo'
import { freshBackend } from './tempDb'

const people: ContactCreateInput[] = [
  {
    familyName: '山田',
    givenName: '太郎',
    familyKana: 'やまだ',
    givenKana: 'たろう',
    phone: '090-1234-5678',
    prefectureCode: '13',
    stage: 'tsukamu',
  },
  {
    familyName: '佐藤',
    givenName: '花子',
    familyKana: 'ｻﾄｳ',
    givenKana: 'ﾊﾅｺ',
    email: 'Hanako@Example.JP',
    prefectureCode: '27',
    stage: 'tsunagaru',
  },
  { familyName: '阿部', givenName: '健', familyKana: 'アベ', givenKana: 'ケン', prefectureCode: '13', stage: 'atatameru' },
  {
    familyName: '渡辺',
    givenName: '直美',
    familyKana: 'ワタナベ',
    givenKana: 'ナオミ',
    affiliation: '島根の大学',
    stage: 'tsukamu',
  },
]

async function seed(client: Client) {
  const created = []
  for (const fields of people) created.push(await client.call('contacts.create', { fields }))
  return created
}

describe('contacts through the in-process client', () => {
  it('stores readings as full-width katakana and lists them in kana order', async () => {
    const { client } = await freshBackend()
    await seed(client)
    const page = await client.call('contacts.list', { sort: [{ colId: 'familyKana', sort: 'asc' }] })
    expect(page.total).toBe(4)
    expect(page.rows.map((r) => r.familyKana)).toEqual(['アベ', 'サトウ', 'ヤマダ', 'ワタナベ'])
    const desc = await client.call('contacts.list', { sort: [{ colId: 'familyKana', sort: 'desc' }] })
    expect(desc.rows.map((r) => r.familyKana)).toEqual(['ワタナベ', 'ヤマダ', 'サトウ', 'アベ'])
  })

  it('sorts stages along the path, not by code', async () => {
    const { client } = await freshBackend()
    await seed(client)
    const page = await client.call('contacts.list', { sort: [{ colId: 'stage', sort: 'asc' }] })
    expect(page.rows.map((r) => r.stage)).toEqual(['tsukamu', 'tsukamu', 'atatameru', 'tsunagaru'])
  })

  it('sorts by kana and by stage by walking an index, never sorting the whole table', async () => {
    const { handle } = (await freshBackend()).context
    const plan = (order: string) =>
      (
        handle.sqlite
          .prepare(`EXPLAIN QUERY PLAN SELECT * FROM contacts WHERE deleted_at IS NULL ORDER BY ${order} LIMIT 100`)
          .all() as { detail: string }[]
      )
        .map((r) => r.detail)
        .join(' | ')
    const asc = (terms: string[]) =>
      terms
        .map((t) => `${t} ASC`)
        .concat('id ASC')
        .join(', ')
    const kanaPlan = plan(asc(contactGridColumns.familyKana.sort!))
    expect(kanaPlan).toContain('contacts_kana')
    expect(kanaPlan).not.toContain('TEMP B-TREE')
    const stagePlan = plan(asc(contactGridColumns.stage.sort!))
    expect(stagePlan).toContain('contacts_stage_order')
    expect(stagePlan).not.toContain('TEMP B-TREE')
    // A one-column sort index ends with the rowid (migration 0008): ties by rowid walk it too.
    const birth = contactGridColumns.birthDate.sql
    const birthPlan = plan(`(${birth} IS NULL) DESC, ${birth} DESC, rowid DESC`)
    expect(birthPlan).toContain('USING INDEX contacts_sort_birth')
    expect(birthPlan).not.toContain('contacts_sort_birth_date')
    expect(birthPlan).not.toContain('TEMP B-TREE')
  })

  it('pages without overlap and keeps the total under filters', async () => {
    const { client } = await freshBackend()
    await seed(client)
    const first = await client.call('contacts.list', { limit: 2, offset: 0 })
    const second = await client.call('contacts.list', { limit: 2, offset: 2 })
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(4)
    const tokyo = await client.call('contacts.list', { filter: { prefectureCode: { filterType: 'set', values: ['13'] } } })
    expect(tokyo.total).toBe(2)
    expect(tokyo.rows.map((r) => r.familyName).sort()).toEqual(['山田', '阿部'])
    const kanaFilter = await client.call('contacts.list', {
      filter: { familyKana: { filterType: 'text', type: 'startsWith', filter: 'さ' } },
    })
    expect(kanaFilter.rows.map((r) => r.familyName)).toEqual(['佐藤'])
  })

  it('search sees through hiragana, katakana, half-width and hyphens', async () => {
    const { client } = await freshBackend()
    await seed(client)
    for (const q of ['やまだ', 'ﾔﾏﾀﾞ', 'ヤマダ', '山田', '山田太郎', 'やまだ たろう', '09012345678', '０９０‐１２３４']) {
      const page = await client.call('contacts.list', { search: q })
      expect(
        page.rows.map((r) => r.familyName),
        q,
      ).toEqual(['山田'])
    }
    expect((await client.call('contacts.list', { search: 'hanako@example' })).rows.map((r) => r.familyName)).toEqual(['佐藤'])
    expect((await client.call('contacts.list', { search: '島根' })).rows.map((r) => r.familyName)).toEqual(['渡辺'])
    expect((await client.call('contacts.list', { search: 'いない人' })).total).toBe(0)
  })

  it('an edit is saved, audited and announced', async () => {
    const { client, context } = await freshBackend()
    const [yamada] = await seed(client)
    const changed: string[][] = []
    client.on('data.changed', (e) => changed.push(e.ids ?? []))
    const updated = await client.call('contacts.update', { id: yamada!.id, patch: { phone: '０８０ー１１１１ー２２２２' } })
    expect(updated.phone).toBe('080-1111-2222')
    expect((await client.call('contacts.get', { id: yamada!.id })).phone).toBe('080-1111-2222')
    expect(changed).toEqual([[yamada!.id]])
    const audit = context.handle.sqlite
      .prepare(`SELECT action, user_name, changes FROM audit_log WHERE entity_id = ? AND action = 'update'`)
      .all(yamada!.id)
    expect(audit).toEqual([
      { action: 'update', user_name: 'tester', changes: JSON.stringify({ phone: ['090-1234-5678', '080-1111-2222'] }) },
    ])
    // The new number is searchable at once.
    expect((await client.call('contacts.list', { search: '08011112222' })).total).toBe(1)
  })

  it('an invalid value is refused with a Japanese field message and the stored value stays', async () => {
    const { client } = await freshBackend()
    const [, sato] = await seed(client)
    const error = await client.call('contacts.update', { id: sato!.id, patch: { email: 'abc' } }).catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'INVALID_ARGS',
      details: { issues: [{ path: ['patch', 'email'], message: expect.stringContaining('メールアドレス') }] },
    })
    // The domain part is lowercased on input; the local part is kept as typed.
    expect((await client.call('contacts.get', { id: sato!.id })).email).toBe('Hanako@example.jp')
    for (const patch of [
      { familyKana: '山田' },
      { postalCode: '12-34' },
      { phone: '1234' },
      { birth: 'S65.1.1' },
      { municipalityCode: '322025' },
      { familyName: '' },
    ]) {
      await expect(client.call('contacts.update', { id: sato!.id, patch }), JSON.stringify(patch)).rejects.toMatchObject({
        code: 'INVALID_ARGS',
      })
    }
  })

  it('birth dates in 和暦 are stored in 西暦 with the year; a year alone is kept as a year', async () => {
    const { client } = await freshBackend()
    const [yamada] = await seed(client)
    const withDate = await client.call('contacts.update', { id: yamada!.id, patch: { birth: '昭和60年4月1日' } })
    expect([withDate.birthDate, withDate.birthYear]).toEqual(['1985-04-01', 1985])
    const yearOnly = await client.call('contacts.update', { id: yamada!.id, patch: { birth: '1990' } })
    expect([yearOnly.birthDate, yearOnly.birthYear]).toEqual([null, 1990])
  })

  it('a stage change is written to the stage history', async () => {
    const { client, context } = await freshBackend()
    const [yamada] = await seed(client)
    await client.call('contacts.update', { id: yamada!.id, patch: { stage: 'unagasu' } })
    const history = context.handle.sqlite
      .prepare(`SELECT stage FROM stage_history WHERE contact_id = ? ORDER BY created_at, id`)
      .all(yamada!.id)
    expect(history).toEqual([{ stage: 'tsukamu' }, { stage: 'unagasu' }])
  })

  it('delete is soft and restore brings the same people back', async () => {
    const { client, context } = await freshBackend()
    const created = await seed(client)
    const ids = created.slice(0, 2).map((c) => c.id)
    expect(await client.call('contacts.delete', { ids })).toEqual({ deleted: 2 })
    expect((await client.call('contacts.list', {})).total).toBe(2)
    await expect(client.call('contacts.get', { id: ids[0]! })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(context.handle.sqlite.prepare('SELECT count(*) AS n FROM contacts').get()).toEqual({ n: 4 })
    expect(await client.call('contacts.delete', { ids })).toEqual({ deleted: 0 })
    expect(await client.call('contacts.restore', { ids })).toEqual({ restored: 2 })
    expect((await client.call('contacts.list', {})).rows.map((r) => r.id).sort()).toEqual(created.map((c) => c.id).sort())
  })
})

describe('都道府県 and 市区町村 always agree', () => {
  it('a municipality sets its prefecture, on create and on edit, and undo brings both back', async () => {
    const { client } = await freshBackend()
    const created = await client.call('contacts.create', {
      fields: { familyName: '東', prefectureCode: '13', municipalityCode: '322024' },
    })
    expect([created.prefectureCode, created.municipalityCode]).toEqual(['32', '322024'])

    const saitama = await client.call('contacts.create', { fields: { familyName: '埼', prefectureCode: '11' } })
    const moved = await client.call('contacts.update', { id: saitama.id, patch: { municipalityCode: '322024' } })
    expect([moved.prefectureCode, moved.municipalityCode]).toEqual(['32', '322024'])
    await client.call('undo.last', {})
    const back = await client.call('contacts.get', { id: saitama.id })
    expect([back.prefectureCode, back.municipalityCode]).toEqual(['11', null])
  })

  it('a prefecture changed on its own clears a municipality of another prefecture, and keeps one of its own', async () => {
    const { client } = await freshBackend()
    const person = await client.call('contacts.create', { fields: { familyName: '浜', municipalityCode: '322024' } })
    const same = await client.call('contacts.update', { id: person.id, patch: { prefectureCode: '32' } })
    expect([same.prefectureCode, same.municipalityCode]).toEqual(['32', '322024'])
    const other = await client.call('contacts.update', { id: person.id, patch: { prefectureCode: '13' } })
    expect([other.prefectureCode, other.municipalityCode]).toEqual(['13', null])
    await client.call('contacts.update', { id: person.id, patch: { municipalityCode: '322024' } })
    const cleared = await client.call('contacts.update', { id: person.id, patch: { prefectureCode: null } })
    expect([cleared.prefectureCode, cleared.municipalityCode]).toEqual([null, null])
  })
})

describe('生年月日 with only a birth year (「1977年」)', () => {
  it('is filtered and sorted as 1 July of that year, as the reports count it', async () => {
    const { client } = await freshBackend()
    const make = async (familyName: string, birth: string) =>
      (await client.call('contacts.create', { fields: { familyName, birth } })).id
    const early = await make('早', '1977-03-01')
    const yearOnly = await make('年', '1977')
    const late = await make('遅', '1977-09-30')
    const after = await make('後', '1985-01-01')
    await make('空', '')
    const before1980 = await client.call('contacts.list', {
      filter: { birthDate: { filterType: 'date', type: 'lessThan', dateFrom: '1980-01-01' } },
    })
    expect(before1980.rows.map((r) => r.id).sort()).toEqual([early, yearOnly, late].sort())
    const inRange = await client.call('contacts.list', {
      filter: { birthDate: { filterType: 'date', type: 'inRange', dateFrom: '1977-06-01', dateTo: '1977-08-01' } },
    })
    expect(inRange.rows.map((r) => r.id)).toEqual([yearOnly])
    const sorted = await client.call('contacts.list', { sort: [{ colId: 'birthDate', sort: 'asc' }] })
    expect(sorted.rows.map((r) => r.familyName)).toEqual(['早', '年', '遅', '後', '空'])
    const reversed = await client.call('contacts.list', { sort: [{ colId: 'birthDate', sort: 'desc' }] })
    expect(reversed.rows.map((r) => r.familyName)).toEqual(['空', '後', '遅', '年', '早'])
    expect(after).toBeDefined()
    expect(birthSortSql).toContain("'-07-01'")
  })
})
