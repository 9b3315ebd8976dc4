import { describe, expect, it } from 'vitest'
import { courseProgram, createPeople } from './programFixtures'
import { freshBackend } from './tempDb'

/** A wrong date, a visit recorded twice, a delete by mistake: each is one undo step. */
describe('undo of visit records', () => {
  it('takes back a date correction, and the 年度 figures follow', async () => {
    const { client } = await freshBackend()
    const [a] = await createPeople(client, 1)
    const { ids } = await client.call('visits.create', {
      contactIds: [a],
      fields: { visitDate: '2026-03-31', mode: 'onsite', nights: 1, purpose: '稲刈り' },
    })
    await client.call('visits.update', { id: ids[0]!, patch: { visitDate: '2026-04-01', nights: 2 } })
    expect((await client.call('dashboard.get', { fiscalYear: 2026 })).totalInvolvements).toBe(1)
    expect(await client.call('undo.peek', {})).toMatchObject({ label: '訪問・参加記録の変更（2026/03/31）' })

    expect(await client.call('undo.last', {})).toMatchObject({ label: '訪問・参加記録の変更（2026/03/31）' })
    const [row] = (await client.call('visits.list', {})).rows
    expect([row!.visitDate, row!.nights, row!.purpose]).toEqual(['2026-03-31', 1, '稲刈り'])
    expect((await client.call('dashboard.get', { fiscalYear: 2026 })).totalInvolvements).toBe(0)
    expect((await client.call('dashboard.get', { fiscalYear: 2025 })).totalInvolvements).toBe(1)
    const log = await client.call('audit.list', { entity: 'visit', action: 'undo' })
    expect(log.rows.map((e) => e.changes)).toEqual([
      [
        { field: 'visitDate', before: '2026-04-01', after: '2026-03-31' },
        { field: 'nights', before: 2, after: 1 },
      ],
    ])
  })

  it('takes back a day recorded for several people, all of it', async () => {
    const { client } = await freshBackend()
    const people = await createPeople(client, 3)
    await client.call('visits.create', { contactIds: people, fields: { visitDate: '2025-08-15', mode: 'onsite' } })
    expect(await client.call('undo.peek', {})).toMatchObject({ label: '訪問・参加の記録（2025/08/15・3件）' })
    await client.call('undo.last', {})
    expect((await client.call('visits.list', {})).total).toBe(0)
    expect((await client.call('dashboard.get', { fiscalYear: 2025 })).uniquePeople).toBe(0)
  })

  it('writes deleted visits back exactly, roster visits onto their roster again', async () => {
    const { client } = await freshBackend()
    const program = await client.call('programs.create', { fields: courseProgram() })
    const session = await client.call('sessions.create', {
      programId: program.id,
      fields: { date: '2025-07-05', startTime: '10:00', mode: 'onsite' },
    })
    const [a, b] = await createPeople(client, 2)
    await client.call('roster.save', {
      sessionId: session.id,
      entries: [{ contactId: a, attended: true, mode: 'onsite', nights: 1 }],
    })
    await client.call('visits.create', {
      contactIds: [b],
      programId: program.id,
      fields: { visitDate: '2025-08-01', mode: 'onsite', municipalityCode: '325252', nights: 2, purpose: '補講', notes: 'メモ' },
    })
    const before = (await client.call('visits.list', {})).rows
    await client.call('visits.delete', { ids: before.map((r) => r.id) })
    expect(await client.call('undo.peek', {})).toMatchObject({ label: '訪問・参加記録の削除（2件）' })

    await client.call('undo.last', {})
    expect((await client.call('visits.list', {})).rows).toEqual(before)
    expect((await client.call('roster.get', { sessionId: session.id })).lines.map((l) => l.contactId)).toContain(a)
    expect(await client.call('undo.peek', {})).toMatchObject({ label: '訪問・参加の記録（2025/08/01・1件）' })
  })

  it('does not bring back a roster visit whose person was ticked on the roster again since', async () => {
    const { client } = await freshBackend()
    const program = await client.call('programs.create', { fields: courseProgram() })
    const session = await client.call('sessions.create', {
      programId: program.id,
      fields: { date: '2025-07-05', startTime: '10:00', mode: 'onsite' },
    })
    const [a] = await createPeople(client, 1)
    const entries = [{ contactId: a!, attended: true, mode: 'onsite' as const, nights: 0 }]
    await client.call('roster.save', { sessionId: session.id, entries })
    await client.call('visits.delete', { ids: (await client.call('visits.list', {})).rows.map((r) => r.id) })
    await client.call('roster.save', { sessionId: session.id, entries })
    await client.call('undo.last', {})
    expect((await client.call('visits.list', {})).total).toBe(1)
  })
})
