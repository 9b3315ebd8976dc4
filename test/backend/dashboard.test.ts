import type { Database as Sqlite } from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { fiscalYearOf, todayIso } from '../../shared/domain/dates'
import { addDays } from '../../shared/domain/sessionSeries'
import { courseProgram, createPeople } from './programFixtures'
import { freshBackend } from './tempDb'

/** The dashboard's derived tables recomputed from visits, the source of truth. */
function derivedFromVisits(sqlite: Sqlite) {
  const fy = `(CAST(substr(visit_date, 1, 4) AS INTEGER) - (substr(visit_date, 6, 2) < '04'))`
  return {
    years: sqlite
      .prepare(
        `SELECT contact_id, ${fy} AS fiscal_year, count(*) AS visits, sum(mode = 'online') AS online, sum(nights) AS nights,
                min(visit_date) AS first_visit, max(visit_date) AS last_visit
         FROM visits GROUP BY 1, 2 ORDER BY 1, 2`,
      )
      .all(),
    months: sqlite
      .prepare(
        `SELECT substr(visit_date, 1, 7) AS month, sum(mode = 'onsite') AS onsite, sum(mode = 'online') AS online, sum(nights) AS nights FROM visits GROUP BY 1 ORDER BY 1`,
      )
      .all(),
  }
}

function derivedTables(sqlite: Sqlite) {
  return {
    years: sqlite
      .prepare(
        `SELECT contact_id, fiscal_year, visits, online, nights, first_visit, last_visit FROM contact_year_visits ORDER BY 1, 2`,
      )
      .all(),
    months: sqlite
      .prepare(`SELECT month, onsite, online, nights FROM visit_month_counts WHERE onsite + online > 0 ORDER BY 1`)
      .all(),
  }
}

describe('ホーム dashboard', () => {
  it('counts people, new people, visits, nights and online share from visits only', async () => {
    const { client } = await freshBackend()
    const today = todayIso()
    const fy = fiscalYearOf(today)
    const program = await client.call('programs.create', { fields: courseProgram({ startDate: today, endDate: null }) })
    const session = await client.call('sessions.create', {
      programId: program.id,
      fields: { date: today, startTime: '10:00', mode: 'hybrid', anonymousHeadcount: 40 },
    })
    const people = await createPeople(client, 6)
    const before = await client.call('dashboard.get', { fiscalYear: fy })
    expect(before).toMatchObject({
      fiscalYear: fy,
      uniquePeople: 0,
      newPeople: 0,
      totalInvolvements: 0,
      onlineShare: 0,
      anonymousHeadcount: 40,
    })

    // Registration alone changes nothing.
    await client.call('enrollments.add', { programId: program.id, contactIds: people, status: 'confirmed' })
    expect((await client.call('dashboard.get', { fiscalYear: fy })).totalInvolvements).toBe(0)

    // people[0] came before (an earlier year): involved this year but not new.
    await client.call('visits.create', { contactIds: [people[0]], fields: { visitDate: `${fy - 1}-08-01`, mode: 'onsite' } })
    await client.call('roster.save', {
      sessionId: session.id,
      entries: people.slice(0, 4).map((contactId, i) => ({
        contactId,
        attended: true,
        mode: i < 2 ? ('online' as const) : ('onsite' as const),
        nights: i === 3 ? 2 : 0,
      })),
    })
    const after = await client.call('dashboard.get', { fiscalYear: fy })
    expect(after).toMatchObject({
      uniquePeople: 4,
      newPeople: 3,
      totalInvolvements: 4,
      online: 2,
      onsite: 2,
      nights: 2,
      onlineShare: 0.5,
      anonymousHeadcount: 40,
    })
    const month = after.months.find((m) => m.month === today.slice(0, 7))
    expect(month).toEqual({ month: today.slice(0, 7), onsite: 2, online: 2 })
    expect(after.months).toHaveLength(12)
    expect(after.months[0].month).toBe(`${fy}-04`)

    // People in the trash are left out.
    await client.call('contacts.delete', { ids: [people[3]] })
    expect(await client.call('dashboard.get', { fiscalYear: fy })).toMatchObject({
      uniquePeople: 3,
      totalInvolvements: 3,
      nights: 0,
    })
  })

  it('lists people active before and not seen for 12 months for follow-up', async () => {
    const { client } = await freshBackend()
    const today = todayIso()
    const [quiet, recent, once] = await createPeople(client, 3)
    const day = (n: number) => addDays(today, n)
    await client.call('visits.create', { contactIds: [quiet, recent, once], fields: { visitDate: day(-600), mode: 'onsite' } })
    await client.call('visits.create', { contactIds: [quiet, recent], fields: { visitDate: day(-450), mode: 'online' } })
    await client.call('visits.create', { contactIds: [recent], fields: { visitDate: day(-30), mode: 'onsite' } })
    const d = await client.call('dashboard.get', {})
    expect(d.followUp.total).toBe(1)
    expect(d.followUp.people).toEqual([expect.objectContaining({ contactId: quiet, lastVisit: day(-450), visits: 2 })])
  })

  it('shows upcoming sessions with how many are expected', async () => {
    const { client } = await freshBackend()
    const program = await client.call('programs.create', { fields: courseProgram({ startDate: todayIso(), endDate: null }) })
    await client.call('sessions.create', {
      programId: program.id,
      fields: { date: addDays(todayIso(), -3), startTime: '10:00', mode: 'onsite' },
    })
    const next = await client.call('sessions.create', {
      programId: program.id,
      fields: { date: addDays(todayIso(), 5), startTime: '18:30', mode: 'online' },
    })
    await client.call('enrollments.add', {
      programId: program.id,
      contactIds: await createPeople(client, 3),
      status: 'confirmed',
    })
    const d = await client.call('dashboard.get', {})
    expect(d.upcomingSessions).toEqual([
      expect.objectContaining({
        id: next.id,
        date: next.date,
        time: '18:30',
        mode: 'online',
        expected: 3,
        programName: program.name,
      }),
    ])
  })

  it('keeps its derived tables equal to the visits after inserts, moves, edits and deletes', async () => {
    const { client, context } = await freshBackend()
    const sqlite = context.handle.sqlite
    const program = await client.call('programs.create', { fields: courseProgram() })
    const sessions = await client.call('sessions.createSeries', {
      programId: program.id,
      rule: { kind: 'monthly', nth: 2, weekday: 6 },
      count: 3,
      fields: { date: '2026-02-01', startTime: '10:00', mode: 'hybrid' },
    })
    const people = await createPeople(client, 5)
    for (const [i, s] of sessions.entries()) {
      await client.call('roster.save', {
        sessionId: s.id,
        entries: people.map((contactId, j) => ({
          contactId,
          attended: (i + j) % 2 === 0,
          mode: j % 2 ? ('online' as const) : ('onsite' as const),
          nights: j,
        })),
      })
    }
    expect(derivedTables(sqlite)).toEqual(derivedFromVisits(sqlite))
    // Moving a session across the 年度 boundary (March → April) moves its visits' year.
    await client.call('sessions.update', { id: sessions[1].id, patch: { date: '2026-04-04' } })
    const { ids } = await client.call('visits.create', {
      contactIds: people.slice(0, 2),
      fields: { visitDate: '2025-05-05', mode: 'onsite', nights: 1 },
    })
    await client.call('visits.update', { id: ids[0], patch: { visitDate: '2024-12-24', mode: 'online', nights: 0 } })
    await client.call('roster.save', {
      sessionId: sessions[0].id,
      entries: people.map((contactId) => ({ contactId, attended: false, mode: 'onsite' as const, nights: 0 })),
    })
    await client.call('visits.delete', { ids: [ids[1]] })
    expect(derivedTables(sqlite)).toEqual(derivedFromVisits(sqlite))
  })

  it('a bulk-loaded demo database has its derived tables rebuilt to match its visits', async () => {
    const { context } = await freshBackend({ demo: true })
    const sqlite = context.handle.sqlite
    expect((sqlite.prepare('SELECT count(*) FROM contact_year_visits').pluck().get() as number) > 0).toBe(true)
    expect(derivedTables(sqlite)).toEqual(derivedFromVisits(sqlite))
    // and the triggers are back: a new visit is counted at once
    const contact = sqlite.prepare('SELECT id FROM contacts LIMIT 1').pluck().get() as string
    sqlite
      .prepare(
        `INSERT INTO visits (id, contact_id, visit_date, mode, nights, created_at, updated_at) VALUES ('01900000-0000-7000-8000-0000000000aa', ?, '2030-05-05', 'online', 0, 'x', 'x')`,
      )
      .run(contact)
    expect(derivedTables(sqlite)).toEqual(derivedFromVisits(sqlite))
  })
})
