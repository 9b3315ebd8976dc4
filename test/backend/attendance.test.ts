import { describe, expect, it } from 'vitest'
import type { Client } from '../../shared/contract/client'
import { courseProgram, createPeople } from './programFixtures'
import { freshBackend } from './tempDb'

async function programWithSeries(client: Client) {
  const program = await client.call('programs.create', { fields: courseProgram() })
  const sessions = await client.call('sessions.createSeries', {
    programId: program.id,
    rule: { kind: 'weekly', intervalWeeks: 2 },
    count: 3,
    fields: {
      date: '2025-12-20',
      startTime: '13:00',
      endTime: '16:00',
      place: '公民館',
      municipalityCode: '325252',
      mode: 'hybrid',
    },
  })
  return { program, sessions }
}

describe('sessions', () => {
  it('creates a series with the same time and place on each date, across the new year', async () => {
    const { client } = await freshBackend()
    const { program, sessions } = await programWithSeries(client)
    expect(sessions.map((s) => s.date)).toEqual(['2025-12-20', '2026-01-03', '2026-01-17'])
    expect(
      sessions.every((s) => s.startTime === '13:00' && s.endTime === '16:00' && s.place === '公民館' && s.mode === 'hybrid'),
    ).toBe(true)
    const listed = await client.call('sessions.list', { programId: program.id })
    expect(listed.map((s) => s.id)).toEqual(sessions.map((s) => s.id))
    const summary = (await client.call('programs.list', {})).find((p) => p.id === program.id)
    expect(summary?.sessionCount).toBe(3)
  })

  it('a monthly series on the second Saturday', async () => {
    const { client } = await freshBackend()
    const program = await client.call('programs.create', { fields: courseProgram() })
    const sessions = await client.call('sessions.createSeries', {
      programId: program.id,
      rule: { kind: 'monthly', nth: 2, weekday: 6 },
      count: 4,
      fields: { date: '2025-11-01', startTime: '10:00', mode: 'onsite' },
    })
    expect(sessions.map((s) => s.date)).toEqual(['2025-11-08', '2025-12-13', '2026-01-10', '2026-02-14'])
  })

  it('refuses an end time before the start time', async () => {
    const { client } = await freshBackend()
    const program = await client.call('programs.create', { fields: courseProgram() })
    await expect(
      client.call('sessions.create', {
        programId: program.id,
        fields: { date: '2025-07-01', startTime: '15:00', endTime: '09:00', mode: 'online' },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGS' })
  })
})

describe('attendance roster', () => {
  it('lists the enrolled (not withdrawn) people, starting at the session default until first saved', async () => {
    const { client } = await freshBackend()
    const { program, sessions } = await programWithSeries(client)
    const people = await createPeople(client, 4)
    await client.call('enrollments.add', { programId: program.id, contactIds: people.slice(0, 3), status: 'confirmed' })
    await client.call('enrollments.add', { programId: program.id, contactIds: [people[3]], status: 'withdrawn' })
    let roster = await client.call('roster.get', { sessionId: sessions[0].id })
    expect(roster.lines.map((l) => l.contactId).sort()).toEqual(people.slice(0, 3).sort())
    expect(roster.lines.every((l) => !l.attended)).toBe(true)

    await client.call('sessions.update', { id: sessions[0].id, patch: { attendedByDefault: true } })
    roster = await client.call('roster.get', { sessionId: sessions[0].id })
    expect(roster.lines.every((l) => l.attended)).toBe(true)
    expect(roster.savedAt).toBeNull()
  })

  it('is idempotent: saving the same roster twice creates no duplicate visits', async () => {
    const { client, context } = await freshBackend()
    const { program, sessions } = await programWithSeries(client)
    const people = await createPeople(client, 5)
    await client.call('enrollments.add', { programId: program.id, contactIds: people, status: 'confirmed' })
    const entries = people.map((contactId, i) => ({
      contactId,
      attended: i < 4,
      mode: i < 2 ? ('online' as const) : ('onsite' as const),
      nights: i === 3 ? 1 : 0,
    }))
    const first = await client.call('roster.save', { sessionId: sessions[0].id, entries })
    expect(first).toEqual({ created: 4, updated: 0, removed: 0, attended: 4, undoStep: expect.any(Number) })
    const second = await client.call('roster.save', { sessionId: sessions[0].id, entries })
    expect(second).toEqual({ created: 0, updated: 0, removed: 0, attended: 4, undoStep: null })

    const visits = context.handle.sqlite
      .prepare(
        'SELECT contact_id, visit_date, mode, nights, program_id, municipality_code FROM visits WHERE session_id = ? ORDER BY contact_id',
      )
      .all(sessions[0].id) as {
      contact_id: string
      visit_date: string
      mode: string
      nights: number
      program_id: string
      municipality_code: string
    }[]
    expect(visits).toHaveLength(4)
    expect(
      visits.every((v) => v.visit_date === '2025-12-20' && v.program_id === program.id && v.municipality_code === '325252'),
    ).toBe(true)
    expect(visits.filter((v) => v.mode === 'online')).toHaveLength(2)
    expect(visits.find((v) => v.contact_id === people[3])?.nights).toBe(1)

    const roster = await client.call('roster.get', { sessionId: sessions[0].id })
    expect(roster.lines.filter((l) => l.attended)).toHaveLength(4)
    expect(roster.lines.find((l) => l.contactId === people[0])?.mode).toBe('online')
    expect(roster.savedAt).not.toBeNull()
  })

  it('removing attendance removes the visit; changing mode or nights updates it in place', async () => {
    const { client, context } = await freshBackend()
    const { program, sessions } = await programWithSeries(client)
    const people = await createPeople(client, 2)
    await client.call('enrollments.add', { programId: program.id, contactIds: people })
    await client.call('roster.save', {
      sessionId: sessions[1].id,
      entries: people.map((contactId) => ({ contactId, attended: true, mode: 'onsite' as const, nights: 0 })),
    })
    const visitId = context.handle.sqlite.prepare('SELECT id FROM visits WHERE contact_id = ?').pluck().get(people[1])
    const result = await client.call('roster.save', {
      sessionId: sessions[1].id,
      entries: [
        { contactId: people[0], attended: false, mode: 'onsite', nights: 0 },
        { contactId: people[1], attended: true, mode: 'onsite', nights: 2 },
      ],
    })
    expect(result).toEqual({ created: 0, updated: 1, removed: 1, attended: 1, undoStep: expect.any(Number) })
    const rows = context.handle.sqlite.prepare('SELECT id, contact_id, mode, nights FROM visits').all()
    expect(rows).toEqual([{ id: visitId, contact_id: people[1], mode: 'onsite', nights: 2 }])
    // The roster keeps showing the person (still enrolled) as not attended after a save.
    const roster = await client.call('roster.get', { sessionId: sessions[1].id })
    expect(roster.lines.find((l) => l.contactId === people[0])?.attended).toBe(false)
    const page = await client.call('visits.list', {})
    expect(page.total).toBe(1)
  })

  it('a walk-in attends without an enrollment and appears on the roster as such', async () => {
    const { client } = await freshBackend()
    const { program, sessions } = await programWithSeries(client)
    const [enrolled, walkIn] = await createPeople(client, 2)
    await client.call('enrollments.add', { programId: program.id, contactIds: [enrolled] })
    await client.call('roster.save', {
      sessionId: sessions[0].id,
      entries: [{ contactId: walkIn, attended: true, mode: 'onsite', nights: 0 }],
    })
    const roster = await client.call('roster.get', { sessionId: sessions[0].id })
    expect(roster.lines.find((l) => l.contactId === walkIn)).toMatchObject({ attended: true, enrollmentStatus: null })
    expect(roster.lines.find((l) => l.contactId === enrolled)).toMatchObject({ attended: false, enrollmentStatus: 'applied' })
    expect((await client.call('enrollments.list', { programId: program.id })).rows).toHaveLength(1)
  })

  it('moving a session moves the day of its visits', async () => {
    const { client, context } = await freshBackend()
    const { program, sessions } = await programWithSeries(client)
    const [person] = await createPeople(client, 1)
    await client.call('enrollments.add', { programId: program.id, contactIds: [person] })
    await client.call('roster.save', {
      sessionId: sessions[0].id,
      entries: [{ contactId: person, attended: true, mode: 'onsite', nights: 0 }],
    })
    await client.call('sessions.update', { id: sessions[0].id, patch: { date: '2025-12-21' } })
    expect(context.handle.sqlite.prepare('SELECT visit_date FROM visits').pluck().get()).toBe('2025-12-21')
    await expect(client.call('sessions.delete', { id: sessions[0].id })).rejects.toMatchObject({ code: 'CONFLICT' })
    expect((await client.call('sessions.delete', { id: sessions[2].id })).deleted).toBe(true)
  })

  it('headcounts never appear as people: not in visits, the visits grid, rosters or timelines', async () => {
    const { client, context } = await freshBackend()
    const program = await client.call('programs.create', { fields: courseProgram({ category: 'event' }) })
    const session = await client.call('sessions.create', {
      programId: program.id,
      fields: { date: '2025-08-10', startTime: '10:00', mode: 'onsite', anonymousHeadcount: 120 },
    })
    const [named] = await createPeople(client, 1)
    await client.call('roster.save', {
      sessionId: session.id,
      entries: [{ contactId: named, attended: true, mode: 'onsite', nights: 0 }],
    })
    expect(session.anonymousHeadcount).toBe(120)
    expect(context.handle.sqlite.prepare('SELECT count(*) FROM visits').pluck().get()).toBe(1)
    expect((await client.call('visits.list', {})).total).toBe(1)
    expect((await client.call('roster.get', { sessionId: session.id })).lines).toHaveLength(1)
    const timeline = await client.call('timeline.get', { contactId: named })
    expect(timeline.fiscalYears).toEqual([{ fiscalYear: 2025, involvements: 1, onsite: 1, online: 0, nights: 0, programs: 1 }])
  })
})

describe('copying a program to next year', () => {
  it('shifts dates (same weekday) and the fiscal year, copies sessions, and takes no people', async () => {
    const { client, context } = await freshBackend()
    const program = await client.call('programs.create', {
      fields: courseProgram({
        name: 'しまコト講座2025',
        startDate: '2026-03-14',
        endDate: '2026-03-16',
        municipalityCodes: ['325252', '325287'],
      }),
    })
    expect(program.fiscalYear).toBe(2025) // March belongs to the 年度 that began the April before
    const session = await client.call('sessions.create', {
      programId: program.id,
      fields: {
        date: '2026-03-14',
        startTime: '13:00',
        endTime: '17:00',
        place: '島の交流館',
        mode: 'onsite',
        anonymousHeadcount: 30,
        attendedByDefault: true,
      },
    })
    const [person] = await createPeople(client, 1)
    await client.call('enrollments.add', { programId: program.id, contactIds: [person], status: 'completed' })
    await client.call('roster.save', {
      sessionId: session.id,
      entries: [{ contactId: person, attended: true, mode: 'onsite', nights: 2 }],
    })

    const copy = await client.call('programs.copyToNextYear', { id: program.id })
    expect(copy).toMatchObject({
      name: 'しまコト講座2026',
      fiscalYear: 2026,
      startDate: '2027-03-13',
      endDate: '2027-03-15',
      status: 'planned',
      capacity: program.capacity,
      fee: program.fee,
      municipalityCodes: ['325252', '325287'],
    })
    const sessions = await client.call('sessions.list', { programId: copy.id })
    expect(sessions).toHaveLength(1)
    expect(sessions[0]).toMatchObject({
      date: '2027-03-13',
      startTime: '13:00',
      endTime: '17:00',
      place: '島の交流館',
      anonymousHeadcount: 0,
      attendedByDefault: true,
      attendedCount: 0,
    })
    expect((await client.call('enrollments.list', { programId: copy.id })).rows).toEqual([])
    expect(context.handle.sqlite.prepare('SELECT count(*) FROM visits WHERE program_id = ?').pluck().get(copy.id)).toBe(0)
  })
})
