import { describe, expect, it } from 'vitest'
import { courseProgram } from './programFixtures'
import { freshBackend } from './tempDb'

const series = (programId: string, date: string, startTime: string | null, count = 3) => ({
  programId,
  rule: { kind: 'weekly' as const, intervalWeeks: 1 },
  count,
  fields: { date, startTime, place: null, mode: 'online' as const },
})

describe('adding sessions a program already has', () => {
  it('refuses a series added twice, naming the date and time, and writes nothing', async () => {
    const { client } = await freshBackend()
    const program = await client.call('programs.create', { fields: courseProgram({ name: '二重登録の確認' }) })
    const first = await client.call('sessions.createSeries', series(program.id, '2027-03-24', '19:00'))
    expect(first.map((s) => s.date)).toEqual(['2027-03-24', '2027-03-31', '2027-04-07'])

    await expect(client.call('sessions.createSeries', series(program.id, '2027-03-24', '19:00'))).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('2027/03/24（水）19:00'),
    })
    // One overlapping date in a longer series refuses all of it: nothing is half added.
    await expect(client.call('sessions.createSeries', series(program.id, '2027-03-17', '19:00', 4))).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('2027/03/24（水）19:00'),
    })
    await expect(
      client.call('sessions.create', {
        programId: program.id,
        fields: { date: '2027-03-31', startTime: '19:00', mode: 'online' },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('2027/03/31（水）19:00') })
    expect((await client.call('sessions.list', { programId: program.id })).map((s) => s.id)).toEqual(first.map((s) => s.id))
  })

  it('another start time that day, or the same time in another program, is a new session', async () => {
    const { client } = await freshBackend()
    const program = await client.call('programs.create', { fields: courseProgram({ name: '昼夜二部制' }) })
    const other = await client.call('programs.create', { fields: courseProgram({ name: '別の講座' }) })
    await client.call('sessions.create', {
      programId: program.id,
      fields: { date: '2025-07-05', startTime: '10:00', mode: 'onsite' },
    })
    await client.call('sessions.create', {
      programId: program.id,
      fields: { date: '2025-07-05', startTime: '19:00', mode: 'onsite' },
    })
    await client.call('sessions.create', {
      programId: other.id,
      fields: { date: '2025-07-05', startTime: '10:00', mode: 'onsite' },
    })
    expect(await client.call('sessions.list', { programId: program.id })).toHaveLength(2)
  })

  it('a session without a time is any time that day, as the programs import reads it', async () => {
    const { client } = await freshBackend()
    const program = await client.call('programs.create', { fields: courseProgram({ name: '時刻なしの回' }) })
    await client.call('sessions.create', {
      programId: program.id,
      fields: { date: '2025-07-05', startTime: null, mode: 'onsite' },
    })
    await expect(
      client.call('sessions.create', {
        programId: program.id,
        fields: { date: '2025-07-05', startTime: '13:00', mode: 'onsite' },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    await expect(
      client.call('sessions.create', { programId: program.id, fields: { date: '2025-07-05', startTime: null, mode: 'onsite' } }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('2025/07/05（土）の開催回') })
  })
})
