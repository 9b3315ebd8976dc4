import { describe, expect, it } from 'vitest'
import { createPeople } from './programFixtures'
import { freshBackend } from './tempDb'

/** 監査ログ is read by coordinators: a line about a visit says whose visit it was. */
describe('audit lines name the people they are about', () => {
  it('a visit recorded, changed and deleted: each line carries its person and their name', async () => {
    const { client } = await freshBackend()
    const [a] = await createPeople(client, 1)
    const { ids } = await client.call('visits.create', { contactIds: [a], fields: { visitDate: '2025-08-15', mode: 'onsite' } })
    await client.call('visits.update', { id: ids[0]!, patch: { visitDate: '2025-08-16' } })
    await client.call('visits.delete', { ids })

    const log = await client.call('audit.list', { entity: 'visit' })
    expect(log.rows.map((r) => [r.action, r.personId, r.names])).toEqual([
      ['delete', a, { [a!]: '試験 一郎' }],
      // The update line records only the date: its person is the one the visit's other lines recorded.
      ['update', a, { [a!]: '試験 一郎' }],
      ['create', a, { [a!]: '試験 一郎' }],
    ])
  })

  it('while the visit exists, even a line without a contactId names its person', async () => {
    const { client } = await freshBackend()
    const [a] = await createPeople(client, 1)
    const { ids } = await client.call('visits.create', { contactIds: [a], fields: { visitDate: '2025-08-15', mode: 'onsite' } })
    await client.call('visits.update', { id: ids[0]!, patch: { nights: 1 } })
    const [update] = (await client.call('audit.list', { entity: 'visit', action: 'update' })).rows
    expect([update!.personId, update!.names]).toEqual([a, { [a!]: '試験 一郎' }])
    const [contact] = (await client.call('audit.list', { entity: 'contact', entityId: a })).rows
    expect(contact!.names).toEqual({ [a!]: '試験 一郎' })
  })
})

describe('a visit moved to another person (参加者を変更)', () => {
  it('each line names the person of that time; the move names both', async () => {
    const { client } = await freshBackend()
    const [a, b] = await createPeople(client, 2)
    const { ids } = await client.call('visits.create', { contactIds: [a], fields: { visitDate: '2025-08-15', mode: 'onsite' } })
    await client.call('visits.update', { id: ids[0]!, patch: { nights: 1 } })
    await client.call('visits.update', { id: ids[0]!, patch: { contactId: b } })
    await client.call('visits.update', { id: ids[0]!, patch: { nights: 2 } })

    const log = await client.call('audit.list', { entity: 'visit' })
    expect(log.rows.map((r) => [r.action, r.personId, r.names])).toEqual([
      ['update', b, { [b!]: '試験 二郎' }],
      // The move: the visit went to b, and the line names where it came from too.
      ['update', b, { [a!]: '試験 一郎', [b!]: '試験 二郎' }],
      // Written while the visit was a's: still a's lines, though the visit is b's now.
      ['update', a, { [a!]: '試験 一郎' }],
      ['create', a, { [a!]: '試験 一郎' }],
    ])
  })

  it('a deleted visit keeps the person of each line too', async () => {
    const { client } = await freshBackend()
    const [a, b] = await createPeople(client, 2)
    const { ids } = await client.call('visits.create', { contactIds: [a], fields: { visitDate: '2025-08-15', mode: 'onsite' } })
    await client.call('visits.update', { id: ids[0]!, patch: { contactId: b } })
    await client.call('visits.delete', { ids })
    const log = await client.call('audit.list', { entity: 'visit' })
    expect(log.rows.map((r) => [r.action, r.personId])).toEqual([
      ['delete', b],
      ['update', b],
      ['create', a],
    ])
  })
})

describe('which named people the log can open (openable)', () => {
  it('a person on record, not one in the trash, anonymized or deleted for good', async () => {
    const { client } = await freshBackend()
    const [live, trashed, anonymous, wiped] = await createPeople(client, 4)
    await client.call('contacts.delete', { ids: [trashed!] })
    await client.call('privacy.anonymize', { contactId: anonymous! })
    await client.call('privacy.delete', { contactId: wiped!, expectedVisits: 0 })
    const lines = (await client.call('audit.list', { entity: 'contact', limit: 1000 })).rows
    const about = (id: string) => lines.filter((l) => l.personId === id)
    expect(about(live!).every((l) => l.openable.includes(live!))).toBe(true)
    for (const id of [trashed!, anonymous!, wiped!]) {
      expect(about(id).length).toBeGreaterThan(0)
      expect(about(id).flatMap((l) => l.openable)).toEqual([])
    }
  })

  it("a move's two people are both openable while on record", async () => {
    const { client } = await freshBackend()
    const [a, b] = await createPeople(client, 2)
    const { ids } = await client.call('visits.create', { contactIds: [a], fields: { visitDate: '2025-08-15', mode: 'onsite' } })
    await client.call('visits.update', { id: ids[0]!, patch: { contactId: b } })
    const [move] = (await client.call('audit.list', { entity: 'visit', action: 'update' })).rows
    expect(move!.openable.sort()).toEqual([a!, b!].sort())
  })
})

describe('a deleted standalone visit', () => {
  it('records no session line (it had none), only whose and which day', async () => {
    const { client } = await freshBackend()
    const [a] = await createPeople(client, 1)
    const { ids } = await client.call('visits.create', { contactIds: [a], fields: { visitDate: '2025-08-15', mode: 'onsite' } })
    await client.call('visits.delete', { ids })
    const [line] = (await client.call('audit.list', { entity: 'visit', action: 'delete' })).rows
    expect(line!.changes.map((c) => c.field)).toEqual(['contactId', 'visitDate'])
  })
})

describe('the 参加者ID filter (personId)', () => {
  it("finds a person's own lines and those of their visits, even of a visit deleted since", async () => {
    const { client } = await freshBackend()
    const [a, b] = await createPeople(client, 2)
    const mine = await client.call('visits.create', { contactIds: [a], fields: { visitDate: '2025-08-15', mode: 'onsite' } })
    await client.call('visits.create', { contactIds: [b], fields: { visitDate: '2025-08-15', mode: 'onsite' } })
    await client.call('visits.update', { id: mine.ids[0]!, patch: { visitDate: '2025-08-16' } })
    const lines = async () => (await client.call('audit.list', { personId: a })).rows.map((r) => `${r.entity}:${r.action}`)
    expect(await lines()).toEqual(['visit:update', 'visit:create', 'contact:create'])
    await client.call('visits.delete', { ids: mine.ids })
    expect(await lines()).toEqual(['visit:delete', 'visit:update', 'visit:create', 'contact:create'])
    expect((await client.call('audit.list', { personId: a })).total).toBe(4)
  })
})
