import { describe, expect, it } from 'vitest'
import { courseProgram, createPeople } from './programFixtures'
import { freshBackend } from './tempDb'

describe('visits grid and standalone visits', () => {
  it('filters by date range, fiscal year, program, municipality and mode; totals leave the trash out', async () => {
    const { client, context } = await freshBackend()
    const program = await client.call('programs.create', { fields: courseProgram() })
    const [a, b, c] = await createPeople(client, 3)
    await client.call('visits.create', {
      contactIds: [a, b],
      programId: program.id,
      fields: { visitDate: '2025-05-10', mode: 'onsite', municipalityCode: '325252', nights: 1 },
    })
    await client.call('visits.create', {
      contactIds: [a, c],
      fields: { visitDate: '2026-04-02', mode: 'online', nights: 3, purpose: '関係案内所での相談' },
    })
    await client.call('visits.create', { contactIds: [b], fields: { visitDate: '2025-03-31', mode: 'onsite' } })

    const total = async (args: Parameters<typeof client.call<'visits.list'>>[1]) => (await client.call('visits.list', args)).total
    expect(await total({})).toBe(5)
    expect(await total({ fiscalYear: 2025 })).toBe(2)
    expect(await total({ fiscalYear: 2025, mode: 'online' })).toBe(0)
    expect(await total({ fiscalYear: 2026, mode: 'online' })).toBe(2)
    expect(await total({ from: '2025-03-31', to: '2025-05-10' })).toBe(3)
    expect(await total({ programId: program.id })).toBe(2)
    expect(await total({ standaloneOnly: true })).toBe(3)
    expect(await total({ municipalityCodes: ['325252'] })).toBe(2)
    expect(await total({ contactId: a })).toBe(2)

    const page = await client.call('visits.list', { fiscalYear: 2026 })
    // Online involvement has no overnight stay.
    expect(page.rows.map((r) => [r.visitDate, r.mode, r.nights, r.purpose, r.programId, r.sessionId])).toEqual([
      ['2026-04-02', 'online', 0, '関係案内所での相談', null, null],
      ['2026-04-02', 'online', 0, '関係案内所での相談', null, null],
    ])
    const newest = await client.call('visits.list', { limit: 2 })
    expect(newest.rows.map((r) => r.visitDate)).toEqual(['2026-04-02', '2026-04-02'])
    expect(newest.total).toBe(5)

    await client.call('contacts.delete', { ids: [a] })
    expect(await total({})).toBe(3)
    expect(await total({ fiscalYear: 2026, mode: 'online' })).toBe(1)
    expect((await client.call('visits.list', {})).rows.every((r) => r.contactId !== a)).toBe(true)
    expect(context.handle.sqlite.prepare('SELECT count(*) FROM visits').pluck().get()).toBe(5)
  })

  it('edits and deletes visits; a roster visit keeps its session date', async () => {
    const { client } = await freshBackend()
    const program = await client.call('programs.create', { fields: courseProgram() })
    const session = await client.call('sessions.create', {
      programId: program.id,
      fields: { date: '2025-07-05', startTime: '10:00', mode: 'onsite' },
    })
    const [a] = await createPeople(client, 1)
    await client.call('roster.save', {
      sessionId: session.id,
      entries: [{ contactId: a, attended: true, mode: 'onsite', nights: 0 }],
    })
    const [visit] = (await client.call('visits.list', {})).rows
    expect(visit.sessionId).toBe(session.id)
    await expect(client.call('visits.update', { id: visit.id, patch: { visitDate: '2025-07-06' } })).rejects.toMatchObject({
      code: 'CONFLICT',
    })
    expect((await client.call('visits.update', { id: visit.id, patch: { nights: 2 } })).nights).toBe(2)
    expect((await client.call('visits.delete', { ids: [visit.id] })).deleted).toBe(1)
    expect((await client.call('roster.get', { sessionId: session.id })).lines.find((l) => l.contactId === a)).toBeUndefined()
  })

  it('an online visit has no nights, however it became online: edited, or saved on a roster', async () => {
    const { client } = await freshBackend()
    const [a, b] = await createPeople(client, 2)
    const { ids } = await client.call('visits.create', {
      contactIds: [a],
      fields: { visitDate: '2025-05-10', mode: 'onsite', nights: 3 },
    })
    expect((await client.call('visits.update', { id: ids[0]!, patch: { mode: 'online' } })).nights).toBe(0)
    expect((await client.call('visits.update', { id: ids[0]!, patch: { nights: 2 } })).nights).toBe(0)
    expect((await client.call('visits.update', { id: ids[0]!, patch: { mode: 'onsite', nights: 2 } })).nights).toBe(2)
    const program = await client.call('programs.create', { fields: courseProgram() })
    const session = await client.call('sessions.create', {
      programId: program.id,
      fields: { date: '2025-07-05', startTime: '10:00', mode: 'hybrid' },
    })
    await client.call('roster.save', {
      sessionId: session.id,
      entries: [{ contactId: b, attended: true, mode: 'online', nights: 2 }],
    })
    const onRoster = (await client.call('visits.list', { programId: program.id })).rows
    expect(onRoster.map((v) => [v.mode, v.nights])).toEqual([['online', 0]])
    // 延べ宿泊数 of the year: the one onsite stay of 2 nights.
    const report = await client.call('reports.fiscalYear', { fiscalYear: 2025 })
    expect(report.totalNights).toBe(2)
  })

  it('refuses a visit for someone in the trash, saving nothing', async () => {
    const { client } = await freshBackend()
    const [a, b] = await createPeople(client, 2)
    await client.call('contacts.delete', { ids: [b] })
    await expect(
      client.call('visits.create', { contactIds: [a, b], fields: { visitDate: '2025-07-05', mode: 'onsite' } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect((await client.call('visits.list', {})).total).toBe(0)
  })
})

describe('年度 offered in the pickers of ホーム and 訪問・参加記録', () => {
  it('include a year with visits but no program, newest first', async () => {
    const { client } = await freshBackend()
    const [a] = await createPeople(client, 1)
    expect(await client.call('visits.fiscalYears', {})).toEqual([])
    await client.call('programs.create', { fields: courseProgram() }) // 2025年度
    // A sign-in sheet of 令和元年: no program was ever registered for it. 2020-03-31 is still 2019年度.
    await client.call('visits.create', { contactIds: [a], fields: { visitDate: '2019-05-01', mode: 'onsite' } })
    await client.call('visits.create', { contactIds: [a], fields: { visitDate: '2020-03-31', mode: 'online' } })
    await client.call('visits.create', { contactIds: [a], fields: { visitDate: '2022-04-01', mode: 'onsite' } })
    expect(await client.call('visits.fiscalYears', {})).toEqual([2025, 2022, 2019])
  })
})
