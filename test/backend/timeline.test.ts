import { describe, expect, it } from 'vitest'
import { todayIso } from '../../shared/domain/dates'
import { addDays } from '../../shared/domain/sessionSeries'
import { courseProgram, createPeople } from './programFixtures'
import { freshBackend } from './tempDb'

/** Three sessions in the last few weeks, so the default rule (3 in 12 months) fires. */
async function personWithThreeRecentVisits() {
  const backend = await freshBackend()
  const { client } = backend
  const program = await client.call('programs.create', {
    fields: courseProgram({ startDate: addDays(todayIso(), -30), endDate: null }),
  })
  const sessions = await client.call('sessions.createSeries', {
    programId: program.id,
    rule: { kind: 'weekly', intervalWeeks: 1 },
    count: 3,
    fields: { date: addDays(todayIso(), -21), startTime: '10:00', mode: 'hybrid' },
  })
  const [person, other] = await createPeople(client, 2)
  await client.call('enrollments.add', { programId: program.id, contactIds: [person, other], status: 'confirmed' })
  for (const [i, s] of sessions.entries()) {
    await client.call('roster.save', {
      sessionId: s.id,
      entries: [{ contactId: person, attended: true, mode: i === 0 ? 'online' : 'onsite', nights: 0 }],
    })
  }
  return { ...backend, program, sessions, person, other }
}

describe('person timeline', () => {
  it('shows enrollments with statuses, visits and stage changes in time order, with counts per 年度', async () => {
    const { client, person, other, program, sessions } = await personWithThreeRecentVisits()
    const timeline = await client.call('timeline.get', { contactId: person })
    const visits = timeline.entries.filter((e) => e.kind === 'visit')
    expect(visits.map((e) => e.date)).toEqual(sessions.map((s) => s.date).reverse())
    expect(timeline.entries.find((e) => e.kind === 'enrollment')).toMatchObject({
      programId: program.id,
      programName: program.name,
      status: 'confirmed',
    })
    expect(timeline.entries.some((e) => e.kind === 'stage')).toBe(true)
    const dates = timeline.entries.map((e) => e.date)
    expect([...dates].sort().reverse()).toEqual(dates)
    expect(timeline.fiscalYears.reduce((n, y) => n + y.involvements, 0)).toBe(3)
    expect(timeline.fiscalYears.reduce((n, y) => n + y.online, 0)).toBe(1)

    // Enrolled only: a path with the enrollment, no involvements counted, no suggestion.
    const registered = await client.call('timeline.get', { contactId: other })
    expect(registered.fiscalYears).toEqual([])
    expect(registered.suggestion).toBeNull()
  })

  it('suggests つながる after 3 involvements in 12 months; accepting writes stage history and audit', async () => {
    const { client, person, context } = await personWithThreeRecentVisits()
    const timeline = await client.call('timeline.get', { contactId: person })
    expect(timeline.suggestion).toMatchObject({ from: 'tsukamu', to: 'tsunagaru', count: 3, windowMonths: 12 })
    expect(timeline.suggestion?.rule).toContain('12か月以内に3回以上')

    const after = await client.call('timeline.acceptSuggestion', { contactId: person, stage: 'tsunagaru' })
    expect(after.stage).toBe('tsunagaru')
    expect(after.suggestion).toBeNull()
    expect((await client.call('contacts.get', { id: person })).stage).toBe('tsunagaru')
    const history = context.handle.sqlite
      .prepare(`SELECT stage, note FROM stage_history WHERE contact_id = ? ORDER BY created_at`)
      .all(person) as { stage: string; note: string }[]
    expect(history.at(-1)).toMatchObject({ stage: 'tsunagaru' })
    expect(history.at(-1)?.note).toContain('提案を採用')
    const audit = context.handle.sqlite
      .prepare(`SELECT changes FROM audit_log WHERE entity = 'contact' AND entity_id = ? AND action = 'update'`)
      .pluck()
      .all(person) as string[]
    expect(audit.map((c) => JSON.parse(c))).toContainEqual({ stage: ['tsukamu', 'tsunagaru'] })
  })

  it('remembers an ignored suggestion', async () => {
    const { client, person } = await personWithThreeRecentVisits()
    const ignored = await client.call('timeline.ignoreSuggestion', { contactId: person, stage: 'tsunagaru' })
    expect(ignored.suggestion).toBeNull()
    expect(ignored.stage).toBe('tsukamu')
    expect((await client.call('timeline.get', { contactId: person })).suggestion).toBeNull()
  })

  it('follows the configured rule, stored in settings', async () => {
    const { client, person } = await personWithThreeRecentVisits()
    const rule = await client.call('stageRule.get', {})
    expect(rule).toMatchObject({ minInvolvements: 3, windowMonths: 12, toStage: 'tsunagaru' })
    await client.call('stageRule.set', { rule: { ...rule, includeOnline: false } })
    expect((await client.call('timeline.get', { contactId: person })).suggestion).toBeNull()
    await client.call('stageRule.set', { rule: { ...rule, minInvolvements: 2, toStage: 'unagasu' } })
    expect((await client.call('timeline.get', { contactId: person })).suggestion).toMatchObject({ to: 'unagasu', count: 3 })
    await expect(client.call('stageRule.set', { rule: { ...rule, minInvolvements: 0 } })).rejects.toMatchObject({
      code: 'INVALID_ARGS',
    })
  })
})
