/**
 * Writes a generated world with raw better-sqlite3 prepared statements in batched
 * transactions: Kysely per row would be two orders of magnitude slower at 1M visits.
 * Yields to the event loop between batches so progress can be reported.
 */
import type { Database as Sqlite, Statement } from 'better-sqlite3'
import { contactSearchKey } from '../../../shared/domain/contactSearch'
import { isoOf, officeMs, timestamp } from './calendar'
import type { PlannedEnrollment } from './enrollments'
import type { Link, Organization, Tag } from './extras'
import { demoUuidv7 } from './ids'
import type { Person } from './people'
import type { PlannedProgram } from './programPlan'
import type { Rng } from './random'
import type { StageChange } from './stages'
import type { VisitBuffer } from './visitBuffer'
import { withVisitFactsDeferred } from '../db/repos/visitFactsRepo'

export interface World {
  people: Person[]
  programs: PlannedProgram[]
  enrollments: PlannedEnrollment[]
  visits: VisitBuffer
  stages: StageChange[]
  tags: Tag[]
  tagLinks: Link[]
  organizations: Organization[]
  organizationLinks: Link[]
}

const BATCH = 50_000

const day = (d: number) => (d >= 0 ? isoOf(d) : null)

export class Writer {
  private done = 0

  constructor(
    private readonly sqlite: Sqlite,
    private readonly total: number,
    private readonly onProgress?: (done: number, total: number) => void,
  ) {}

  /** Inserts `count` rows, `BATCH` per transaction. */
  async insert(sql: string, count: number, row: (i: number) => unknown[]): Promise<void> {
    const statement: Statement = this.sqlite.prepare(sql)
    const batch = this.sqlite.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) statement.run(row(i))
    })
    for (let from = 0; from < count; from += BATCH) {
      const to = Math.min(count, from + BATCH)
      batch(from, to)
      this.done += to - from
      this.onProgress?.(this.done, this.total)
      await new Promise<void>((resolve) => setImmediate(resolve))
    }
  }
}

export function rowCount(w: World): number {
  const sessions = w.programs.reduce((n, p) => n + p.sessions.length, 0)
  const programMunicipalities = w.programs.reduce((n, p) => n + p.municipalityCodes.length, 0)
  return (
    w.people.length +
    w.programs.length +
    programMunicipalities +
    sessions +
    w.enrollments.length +
    w.visits.length +
    w.stages.length +
    w.tags.length +
    w.tagLinks.length +
    w.organizations.length +
    w.organizationLinks.length
  )
}

/**
 * Runs a bulk load with the tables' secondary indexes dropped, then recreates them from their
 * own stored definitions (so they stay exactly what the migrations made). Building an index
 * by sorting once is far faster than a million random-order B-tree inserts. Primary keys and
 * UNIQUE constraints stay in place throughout, so they are still enforced row by row.
 */
export async function withoutSecondaryIndexes(
  sqlite: Sqlite,
  tables: readonly string[],
  load: () => Promise<void>,
): Promise<void> {
  const placeholders = tables.map(() => '?').join(', ')
  const indexes = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${placeholders}) ORDER BY name`,
    )
    .all(...tables) as { name: string; sql: string }[]
  sqlite.transaction(() => {
    for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name.replace(/"/g, '""')}"`)
  })()
  try {
    await load()
  } finally {
    sqlite.transaction(() => {
      for (const index of indexes) sqlite.exec(index.sql)
    })()
  }
}

export async function writeWorld(
  sqlite: Sqlite,
  w: World,
  rng: Rng,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  await withVisitFactsDeferred(sqlite, () =>
    withoutSecondaryIndexes(sqlite, BULK_TABLES, () => writeRows(sqlite, w, rng, onProgress)),
  )
}

const BULK_TABLES = [
  'contacts',
  'contact_tags',
  'contact_organizations',
  'programs',
  'program_sessions',
  'enrollments',
  'visits',
  'stage_history',
]

async function writeRows(sqlite: Sqlite, w: World, rng: Rng, onProgress?: (done: number, total: number) => void): Promise<void> {
  const writer = new Writer(sqlite, rowCount(w), onProgress)
  const { people, programs, enrollments, visits, stages, tags, organizations } = w

  await writer.insert('INSERT INTO tags (id, name, color, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', tags.length, (i) => {
    const t = tags[i]
    return [t.id, t.name, t.color, timestamp(t.createdMs), timestamp(t.createdMs)]
  })
  await writer.insert(
    'INSERT INTO organizations (id, name, kind, municipality_code, notes, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)',
    organizations.length,
    (i) => {
      const o = organizations[i]
      return [o.id, o.name, o.kind, o.municipalityCode, o.notes, timestamp(o.createdMs), timestamp(o.createdMs)]
    },
  )
  await writer.insert(
    `INSERT INTO contacts (id, family_name, given_name, family_kana, given_kana, email, phone, postal_code, prefecture_code,
       municipality_code, address, birth_date, birth_year, gender, occupation, affiliation, roots, basis, first_contact, stage,
       consent_date, consent_method, consent_purposes, notes, search_key, created_at, updated_at, deleted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    people.length,
    (i) => {
      const p = people[i]
      const deletedMs = p.deletedDay >= 0 ? officeMs(p.deletedDay, 0.5) : null
      return [
        p.id,
        p.familyName,
        p.givenName,
        p.familyKana,
        p.givenKana,
        p.email,
        p.phone,
        p.postalCode,
        p.prefectureCode,
        p.municipalityCode,
        p.address,
        p.birthDate,
        p.birthYear,
        p.gender,
        p.occupation,
        p.affiliation,
        p.roots,
        p.basis,
        p.firstContact,
        p.stage,
        p.consentDate,
        p.consentMethod,
        p.consentPurposes,
        p.notes,
        contactSearchKey(p),
        timestamp(p.createdMs),
        timestamp(Math.max(p.updatedMs, deletedMs ?? 0)),
        deletedMs === null ? null : timestamp(deletedMs),
      ]
    },
  )
  await writer.insert('INSERT INTO contact_tags (contact_id, tag_id, created_at) VALUES (?, ?, ?)', w.tagLinks.length, (i) => {
    const l = w.tagLinks[i]
    return [people[l.person].id, tags[l.target].id, timestamp(l.createdMs)]
  })
  await writer.insert(
    'INSERT INTO contact_organizations (contact_id, organization_id, role, created_at) VALUES (?, ?, ?, ?)',
    w.organizationLinks.length,
    (i) => {
      const l = w.organizationLinks[i]
      return [people[l.person].id, organizations[l.target].id, l.role, timestamp(l.createdMs)]
    },
  )
  await writer.insert(
    `INSERT INTO programs (id, name, fiscal_year, category, funding_source, grant_name, mic_model_type, status, start_date, end_date,
       capacity, fee, coordinator, description, created_at, updated_at, deleted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
    programs.length,
    (i) => {
      const p = programs[i]
      return [
        p.id,
        p.name,
        p.fiscalYear,
        p.category,
        p.fundingSource,
        p.grantName,
        p.micModelType,
        p.status,
        isoOf(p.startDay),
        isoOf(p.endDay),
        p.capacity,
        p.fee,
        p.coordinator,
        p.description,
        timestamp(p.createdMs),
        timestamp(p.updatedMs),
      ]
    },
  )
  const programMunicipalities = programs.flatMap((p) => p.municipalityCodes.map((code) => [p.id, code]))
  await writer.insert(
    'INSERT INTO program_municipalities (program_id, municipality_code) VALUES (?, ?)',
    programMunicipalities.length,
    (i) => programMunicipalities[i],
  )
  const sessions = programs.flatMap((p) => p.sessions)
  await writer.insert(
    `INSERT INTO program_sessions (id, program_id, starts_at, ends_at, place, municipality_code, mode, anonymous_headcount, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    sessions.length,
    (i) => {
      const s = sessions[i]
      return [
        s.id,
        programs[s.program].id,
        s.startsAt,
        s.endsAt,
        s.place,
        s.municipalityCode,
        s.mode,
        s.anonymousHeadcount,
        s.notes,
        timestamp(s.createdMs),
        timestamp(s.createdMs),
      ]
    },
  )
  await writer.insert(
    `INSERT INTO enrollments (id, contact_id, program_id, status, role, applied_on, confirmed_on, completed_on, withdrawn_on, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    enrollments.length,
    (i) => {
      const e = enrollments[i]
      return [
        e.id,
        people[e.person].id,
        programs[e.program].id,
        e.status,
        e.role,
        day(e.appliedDay),
        day(e.confirmedDay),
        day(e.completedDay),
        day(e.withdrawnDay),
        e.notes,
        timestamp(e.createdMs),
        timestamp(e.updatedMs),
      ]
    },
  )
  // Visits in the order they were recorded, so ids and the date index grow like real ones.
  const order = orderByCreatedDay(visits)
  const municipalityCodes = visits.municipalities.values
  const purposes = visits.purposes.values
  await writer.insert(
    `INSERT INTO visits (id, contact_id, program_id, session_id, visit_date, mode, municipality_code, nights, purpose, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
    visits.length,
    (k) => {
      const i = order[k]
      const created = timestamp(visits.createdMs[i])
      const program = visits.program[i]
      const session = visits.session[i]
      return [
        demoUuidv7(rng, visits.createdMs[i]),
        people[visits.person[i]].id,
        program >= 0 ? programs[program].id : null,
        session >= 0 ? sessions[session].id : null,
        isoOf(visits.day[i]),
        visits.mode[i] === 0 ? 'onsite' : 'online',
        municipalityCodes[visits.municipality[i]],
        visits.nights[i],
        purposes[visits.purpose[i]],
        created,
        created,
      ]
    },
  )
  await writer.insert(
    'INSERT INTO stage_history (id, contact_id, stage, changed_on, note, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    stages.length,
    (i) => {
      const s = stages[i]
      return [s.id, people[s.person].id, s.stage, isoOf(s.day), s.note, timestamp(s.createdMs)]
    },
  )
}

/** Visit indexes by the day they were recorded (a counting sort: a million rows in a few ms). */
function orderByCreatedDay(visits: VisitBuffer): Int32Array {
  const MS_PER_DAY = 86_400_000
  let min = Infinity
  let max = -Infinity
  for (let i = 0; i < visits.length; i++) {
    const d = Math.floor(visits.createdMs[i] / MS_PER_DAY)
    if (d < min) min = d
    if (d > max) max = d
  }
  if (visits.length === 0) return new Int32Array(0)
  const start = new Int32Array(max - min + 2)
  for (let i = 0; i < visits.length; i++) start[Math.floor(visits.createdMs[i] / MS_PER_DAY) - min + 1]++
  for (let d = 1; d < start.length; d++) start[d] += start[d - 1]
  const order = new Int32Array(visits.length)
  for (let i = 0; i < visits.length; i++) order[start[Math.floor(visits.createdMs[i] / MS_PER_DAY) - min]++] = i
  return order
}
