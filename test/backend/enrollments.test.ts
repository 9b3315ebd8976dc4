import { describe, expect, it } from 'vitest'
import { courseProgram, createPeople } from './programFixtures'
import { freshBackend } from './tempDb'

describe('enrollments.add (the participants grid bulk action)', () => {
  it('enrolls people, skips those already enrolled, and reports places held against capacity', async () => {
    const { client, events, context } = await freshBackend()
    const program = await client.call('programs.create', { fields: courseProgram({ capacity: 3 }) })
    const people = await createPeople(client, 4)
    const seen: unknown[] = []
    events.subscribe((e) => seen.push(e))

    const first = await client.call('enrollments.add', { programId: program.id, contactIds: people.slice(0, 2) })
    expect(first).toEqual({ added: 2, alreadyEnrolled: 0, capacity: 3, enrolledAfter: 2 })
    expect(seen).toContainEqual({ event: 'data.changed', payload: expect.objectContaining({ entity: 'enrollment' }) })

    const second = await client.call('enrollments.add', {
      programId: program.id,
      contactIds: people,
      status: 'confirmed',
      role: 'mentor',
    })
    expect(second).toEqual({ added: 2, alreadyEnrolled: 2, capacity: 3, enrolledAfter: 4 })

    const rows = context.handle.sqlite
      .prepare(
        'SELECT contact_id, status, role, applied_on, confirmed_on FROM enrollments WHERE program_id = ? ORDER BY created_at, contact_id',
      )
      .all(program.id) as { contact_id: string; status: string; role: string; applied_on: string; confirmed_on: string | null }[]
    expect(rows).toHaveLength(4)
    // The first two keep what they had: the bulk action never overwrites an enrollment.
    expect(rows.filter((r) => people.slice(0, 2).includes(r.contact_id)).map((r) => [r.status, r.role])).toEqual([
      ['applied', 'learner'],
      ['applied', 'learner'],
    ])
    const confirmed = rows.filter((r) => r.status === 'confirmed')
    expect(confirmed).toHaveLength(2)
    expect(confirmed.every((r) => r.role === 'mentor' && r.confirmed_on !== null)).toBe(true)

    const audit = context.handle.sqlite
      .prepare(`SELECT count(*) FROM audit_log WHERE entity = 'enrollment' AND action = 'create'`)
      .pluck()
      .get()
    expect(audit).toBe(4)
  })

  it('never creates a visit: registration is not an involvement', async () => {
    const { client, context } = await freshBackend()
    const program = await client.call('programs.create', { fields: courseProgram() })
    const people = await createPeople(client, 3)
    await client.call('enrollments.add', { programId: program.id, contactIds: people, status: 'confirmed' })
    expect(context.handle.sqlite.prepare('SELECT count(*) FROM visits').pluck().get()).toBe(0)
  })

  it('withdrawn enrollments do not hold a place', async () => {
    const { client } = await freshBackend()
    const program = await client.call('programs.create', { fields: courseProgram({ capacity: 2 }) })
    const people = await createPeople(client, 3)
    const r = await client.call('enrollments.add', { programId: program.id, contactIds: people, status: 'withdrawn' })
    expect(r.enrolledAfter).toBe(0)
  })

  it('refuses unknown or deleted people and unknown programs, saving nothing', async () => {
    const { client, context } = await freshBackend()
    const program = await client.call('programs.create', { fields: courseProgram() })
    const people = await createPeople(client, 2)
    await client.call('contacts.delete', { ids: [people[1]] })
    await expect(client.call('enrollments.add', { programId: program.id, contactIds: people })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    await expect(
      client.call('enrollments.add', { programId: '01900000-0000-7000-8000-000000000000', contactIds: [people[0]] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(context.handle.sqlite.prepare('SELECT count(*) FROM enrollments').pluck().get()).toBe(0)
  })

  it('validates its arguments: at least one person, known status codes', async () => {
    const { client } = await freshBackend()
    const program = await client.call('programs.create', { fields: courseProgram() })
    await expect(client.call('enrollments.add', { programId: program.id, contactIds: [] })).rejects.toMatchObject({
      code: 'INVALID_ARGS',
    })
    await expect(
      // @ts-expect-error: not a status code
      client.call('enrollments.add', { programId: program.id, contactIds: [program.id], status: 'maybe' }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGS' })
  })
})
