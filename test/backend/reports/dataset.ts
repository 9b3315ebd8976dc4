/**
 * Random small datasets for the report property test, and the rows inserted straight into
 * SQLite (the report must count what is in the tables, however it got there).
 */
import type { Database as Sqlite } from 'better-sqlite3'
import fc from 'fast-check'

export interface DsContact {
  id: string
  prefectureCode: string | null
  birthDate: string | null
  birthYear: number | null
  gender: string | null
  roots: string | null
  basis: string | null
  deleted: boolean
}
export interface DsProgram {
  id: string
  fiscalYear: number
  fundingSource: string | null
}
export interface DsSession {
  id: string
  programId: string
  startsAt: string
  anonymousHeadcount: number
  mode: string
}
export interface DsVisit {
  contactId: string
  programId: string | null
  visitDate: string
  mode: 'onsite' | 'online'
  nights: number
}
export interface DsStage {
  contactId: string
  stage: string
  changedOn: string
  createdAt: string
}
export interface DsEnrollment {
  contactId: string
  programId: string
  status: string
}
export interface Dataset {
  contacts: DsContact[]
  programs: DsProgram[]
  sessions: DsSession[]
  visits: DsVisit[]
  stages: DsStage[]
  enrollments: DsEnrollment[]
}

/** Dates around every edge that matters: 3/31 ↔ 4/1, leap days, 平成31年4月30日 ↔ 令和元年5月1日. */
export const edgeDates = [
  '2019-03-31',
  '2019-04-01',
  '2019-04-30',
  '2019-05-01',
  '2020-02-29',
  '2020-03-31',
  '2023-03-31',
  '2023-04-01',
  '2023-12-31',
  '2024-01-01',
  '2024-02-29',
  '2024-03-31',
  '2024-04-01',
  '2024-07-15',
  '2025-03-31',
  '2025-04-01',
  '2026-03-31',
]

const uuid = (prefix: number, i: number) => `0190${String(prefix).padStart(4, '0')}-0000-7000-8000-${String(i).padStart(12, '0')}`

const birthDates = [
  null,
  '2005-04-01',
  '2005-04-02',
  '2004-04-01',
  '1994-04-02',
  '1955-03-31',
  '2000-02-29',
  '1984-07-01',
  '1974-04-01',
]

export const datasetArb: fc.Arbitrary<Dataset> = fc
  .record({
    contacts: fc.array(
      fc.record({
        prefectureCode: fc.constantFrom(null, '13', '11', '14', '12', '23', '21', '24', '27', '26', '28', '29', '01', '47', '32'),
        birth: fc.oneof(
          fc.constantFrom(...birthDates).map((d) => ({ birthDate: d, birthYear: d ? Number(d.slice(0, 4)) : null })),
          fc.integer({ min: 1940, max: 2010 }).map((y) => ({ birthDate: null, birthYear: y })),
        ),
        gender: fc.constantFrom(null, 'female', 'male', 'other', 'no_answer'),
        roots: fc.constantFrom(null, 'born', 'relatives', 'alumni', 'none'),
        basis: fc.constantFrom(null, 'fan', 'work'),
        deleted: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
      }),
      { minLength: 1, maxLength: 10 },
    ),
    programs: fc.array(
      fc.record({
        fiscalYear: fc.constantFrom(2019, 2023, 2024),
        fundingSource: fc.constantFrom(null, 'mic_kankei', 'own_funds'),
      }),
      { maxLength: 3 },
    ),
    sessions: fc.array(
      fc.record({
        program: fc.nat(),
        day: fc.constantFrom(...edgeDates),
        utcHour: fc.constantFrom('00:30', '14:59', '15:00', '23:00'),
        anonymousHeadcount: fc.nat({ max: 4 }),
        mode: fc.constantFrom('onsite', 'online', 'hybrid'),
      }),
      { maxLength: 5 },
    ),
    visits: fc.array(
      fc.record({
        contact: fc.nat(),
        program: fc.option(fc.nat(), { nil: null }),
        visitDate: fc.constantFrom(...edgeDates),
        mode: fc.constantFrom('onsite' as const, 'online' as const),
        nights: fc.nat({ max: 3 }),
      }),
      { maxLength: 40 },
    ),
    stages: fc.array(
      fc.record({
        contact: fc.nat(),
        stage: fc.constantFrom('tsukamu', 'atatameru', 'unagasu', 'tsunagaru', 'moved_in'),
        changedOn: fc.constantFrom(...edgeDates),
      }),
      { maxLength: 15 },
    ),
    enrollments: fc.array(
      fc.record({
        contact: fc.nat(),
        program: fc.nat(),
        status: fc.constantFrom('applied', 'confirmed', 'completed', 'withdrawn'),
      }),
      { maxLength: 10 },
    ),
  })
  .map((raw) => {
    const contacts: DsContact[] = raw.contacts.map((c, i) => ({
      id: uuid(1, i),
      prefectureCode: c.prefectureCode,
      birthDate: c.birth.birthDate,
      birthYear: c.birth.birthYear,
      gender: c.gender,
      roots: c.roots,
      basis: c.basis,
      deleted: c.deleted,
    }))
    const programs: DsProgram[] = raw.programs.map((p, i) => ({ id: uuid(2, i), ...p }))
    const pick = <T>(list: T[], n: number) => list[n % list.length]
    const sessions: DsSession[] =
      programs.length === 0
        ? []
        : raw.sessions.map((s, i) => {
            // A session starting at 15:00 UTC or later is already the next day in Japan.
            return {
              id: uuid(3, i),
              programId: pick(programs, s.program).id,
              startsAt: `${s.day}T${s.utcHour}:00.000Z`,
              anonymousHeadcount: s.anonymousHeadcount,
              mode: s.mode,
            }
          })
    const visits: DsVisit[] = raw.visits.map((v) => ({
      contactId: pick(contacts, v.contact).id,
      programId: v.program === null || programs.length === 0 ? null : pick(programs, v.program).id,
      visitDate: v.visitDate,
      mode: v.mode,
      nights: v.nights,
    }))
    const stages: DsStage[] = raw.stages.map((s, i) => ({
      contactId: pick(contacts, s.contact).id,
      stage: s.stage,
      changedOn: s.changedOn,
      createdAt: `2026-01-01T00:00:${String(i).padStart(2, '0')}.000Z`,
    }))
    const seen = new Set<string>()
    const enrollments: DsEnrollment[] = []
    if (programs.length > 0)
      for (const e of raw.enrollments) {
        const row = { contactId: pick(contacts, e.contact).id, programId: pick(programs, e.program).id, status: e.status }
        const key = row.contactId + row.programId
        if (!seen.has(key)) enrollments.push(row)
        seen.add(key)
      }
    return { contacts, programs, sessions, visits, stages, enrollments }
  })

export function loadDataset(sqlite: Sqlite, ds: Dataset): void {
  const now = '2026-01-01T00:00:00.000Z'
  sqlite.transaction(() => {
    for (const t of ['visits', 'stage_history', 'enrollments', 'program_sessions', 'programs', 'contacts'])
      sqlite.exec(`DELETE FROM ${t}`)
    const c = sqlite.prepare(
      `INSERT INTO contacts (id, family_name, prefecture_code, birth_date, birth_year, gender, roots, basis, created_at, updated_at, deleted_at)
       VALUES (?, '架空', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    for (const x of ds.contacts)
      c.run(x.id, x.prefectureCode, x.birthDate, x.birthYear, x.gender, x.roots, x.basis, now, now, x.deleted ? now : null)
    const p = sqlite.prepare(
      `INSERT INTO programs (id, name, fiscal_year, category, funding_source, created_at, updated_at) VALUES (?, ?, ?, 'event', ?, ?, ?)`,
    )
    ds.programs.forEach((x, i) => p.run(x.id, `事業${i + 1}`, x.fiscalYear, x.fundingSource, now, now))
    const s = sqlite.prepare(
      `INSERT INTO program_sessions (id, program_id, starts_at, mode, anonymous_headcount, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    for (const x of ds.sessions) s.run(x.id, x.programId, x.startsAt, x.mode, x.anonymousHeadcount, now, now)
    const v = sqlite.prepare(
      `INSERT INTO visits (id, contact_id, program_id, visit_date, mode, nights, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    ds.visits.forEach((x, i) => v.run(uuid(4, i), x.contactId, x.programId, x.visitDate, x.mode, x.nights, now, now))
    const h = sqlite.prepare(`INSERT INTO stage_history (id, contact_id, stage, changed_on, created_at) VALUES (?, ?, ?, ?, ?)`)
    ds.stages.forEach((x, i) => h.run(uuid(5, i), x.contactId, x.stage, x.changedOn, x.createdAt))
    const e = sqlite.prepare(
      `INSERT INTO enrollments (id, contact_id, program_id, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
    )
    ds.enrollments.forEach((x, i) => e.run(uuid(6, i), x.contactId, x.programId, x.status, now, now))
  })()
}
