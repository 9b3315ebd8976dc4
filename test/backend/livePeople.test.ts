import { describe, expect, it } from 'vitest'
import { courseProgram, createPeople } from './programFixtures'
import { freshBackend } from './tempDb'

/** One person in the trash among those an action names: refused the same way everywhere, nothing written. */
describe('actions naming a person in the trash', () => {
  async function setUp() {
    const backend = await freshBackend()
    const { client } = backend
    const program = await client.call('programs.create', { fields: courseProgram() })
    const [session] = await client.call('sessions.createSeries', {
      programId: program.id,
      rule: { kind: 'weekly', intervalWeeks: 1 },
      count: 1,
      fields: { date: '2025-07-05', startTime: '10:00', mode: 'onsite' },
    })
    const [live, gone] = await createPeople(client, 2)
    await client.call('contacts.delete', { ids: [gone!] })
    const count = (table: string) => backend.context.handle.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get()
    return { client, program, session: session!, live: live!, gone: gone!, count }
  }
  const refusal = { code: 'NOT_FOUND', message: '参加者1人が見つかりません。削除された可能性があります。' }

  it('enrolling', async () => {
    const { client, program, live, gone, count } = await setUp()
    const error = await client.call('enrollments.add', { programId: program.id, contactIds: [live, gone] }).catch((e) => e)
    expect(error).toMatchObject({ ...refusal, details: { contactIds: [gone] } })
    expect(count('enrollments')).toBe(0)
  })

  it('recording a visit', async () => {
    const { client, live, gone, count } = await setUp()
    const error = await client
      .call('visits.create', { contactIds: [live, gone], fields: { visitDate: '2025-07-05', mode: 'onsite' } })
      .catch((e) => e)
    expect(error).toMatchObject({ ...refusal, details: { contactIds: [gone] } })
    expect(count('visits')).toBe(0)
  })

  it('saving a roster with them ticked', async () => {
    const { client, session, live, gone, count } = await setUp()
    const entries = [live, gone].map((contactId) => ({ contactId, attended: true, mode: 'onsite' as const, nights: 0 }))
    const error = await client.call('roster.save', { sessionId: session.id, entries }).catch((e) => e)
    expect(error).toMatchObject({ ...refusal, details: { contactIds: [gone] } })
    expect(count('visits')).toBe(0)
  })
})
