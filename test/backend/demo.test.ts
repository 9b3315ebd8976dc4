import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Database as Sqlite } from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBackend } from '../../electron/backend/backend'
import type { Backend } from '../../electron/backend/backend'
import { openDatabase } from '../../electron/backend/db/connection'
import { migrate } from '../../electron/backend/db/migrate'
import { AS_OF } from '../../electron/backend/demo/calendar'
import { generateDataset } from '../../electron/backend/demo/generate'
import { UUID_V7 } from '../../electron/backend/demo/ids'
import { readingsOf } from '../../electron/backend/demo/names'
import { contactSearchKey } from '../../shared/domain/contactSearch'
import { ageOn, fiscalYearOf } from '../../shared/domain/dates'
import { isValidLocalGovCode, municipalityByCode } from '../../shared/domain/localGov'
import { stages } from '../../shared/domain/vocabulary'

/** A digest of every row of every table (except the migration log, which records wall-clock time). */
function contentHash(sqlite: Sqlite): string {
  const hash = createHash('sha256')
  const tables = sqlite
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'schema_migrations' ORDER BY name`,
    )
    .pluck()
    .all() as string[]
  for (const table of tables) {
    const columns = (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).map((c) => `"${c}"`)
    hash.update(`#${table}\n`)
    for (const row of sqlite
      .prepare(`SELECT * FROM "${table}" ORDER BY ${columns.join(', ')}`)
      .raw()
      .iterate()) {
      hash.update(JSON.stringify(row))
      hash.update('\n')
    }
  }
  return hash.digest('hex')
}

let dir: string
let backend: Backend
let db: Sqlite
let fillMs: number
const all = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[]
const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T
const count = (sql: string, ...params: unknown[]) =>
  db
    .prepare(sql)
    .pluck()
    .get(...params) as number

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kakehashi-demo-'))
  const started = performance.now()
  backend = await openBackend({ file: path.join(dir, 'demo.db'), demo: true, userName: 'test' })
  fillMs = performance.now() - started
  db = backend.context.handle.sqlite
})

afterAll(async () => {
  await backend?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('the demo database', () => {
  it('is generated quickly and marked as a demo', async () => {
    expect(fillMs).toBeLessThan(2000)
    const info = await backend.client.call('app.info', {})
    expect(info.isDemo).toBe(true)
    expect(info.counts.contacts).toBeGreaterThan(1450) // a few were soft-deleted
    expect(one<{ value: string; updated_at: string }>(`SELECT value, updated_at FROM settings WHERE key = 'demo'`)).toEqual({
      value: 'true',
      updated_at: '2026-04-01T00:00:00.000Z',
    })
  })

  it('has the expected sizes', () => {
    expect(count('SELECT count(*) FROM contacts')).toBe(1500)
    const coreYears = count('SELECT count(*) FROM programs WHERE fiscal_year BETWEEN 2023 AND 2025')
    expect(coreYears).toBeGreaterThanOrEqual(30)
    expect(coreYears).toBeLessThanOrEqual(40)
    for (const fy of [2023, 2024, 2025])
      expect(count('SELECT count(*) FROM programs WHERE fiscal_year = ?', fy)).toBeGreaterThanOrEqual(9)
    expect(count('SELECT count(*) FROM programs WHERE fiscal_year NOT BETWEEN 2023 AND 2026')).toBe(0)
    expect(count('SELECT count(*) FROM visits')).toBe(12_000)
    expect(count('SELECT count(*) FROM program_sessions')).toBeGreaterThan(80)
    expect(count('SELECT count(*) FROM enrollments')).toBeGreaterThan(800)
    expect(count('SELECT count(*) FROM tags')).toBe(8)
    expect(count('SELECT count(*) FROM contact_tags')).toBeGreaterThan(300)
    expect(count('SELECT count(*) FROM organizations')).toBeGreaterThanOrEqual(10)
    expect(count('SELECT count(*) FROM contact_organizations')).toBeGreaterThan(20)
  })

  it('runs programs for at least 8 different municipalities over FY2023–FY2025', () => {
    const municipalities = count(`SELECT count(DISTINCT pm.municipality_code) FROM program_municipalities pm
      JOIN programs p ON p.id = pm.program_id WHERE p.fiscal_year BETWEEN 2023 AND 2025`)
    expect(municipalities).toBeGreaterThanOrEqual(8)
    const statuses = all<{ status: string }>('SELECT DISTINCT status FROM programs').map((r) => r.status)
    expect(statuses).toEqual(expect.arrayContaining(['finished', 'open', 'planned', 'cancelled']))
  })

  it('stores the fiscal year of each program’s start date', () => {
    for (const p of all<{ fiscal_year: number; start_date: string; end_date: string }>(
      'SELECT fiscal_year, start_date, end_date FROM programs',
    )) {
      expect(p.fiscal_year).toBe(fiscalYearOf(p.start_date))
      expect(p.end_date >= p.start_date).toBe(true)
    }
  })

  it('uses only real local government codes, consistent with the prefecture', () => {
    const codes = all<{ code: string }>(`
      SELECT municipality_code AS code FROM contacts WHERE municipality_code IS NOT NULL
      UNION SELECT municipality_code FROM visits WHERE municipality_code IS NOT NULL
      UNION SELECT municipality_code FROM program_sessions WHERE municipality_code IS NOT NULL
      UNION SELECT municipality_code FROM program_municipalities
      UNION SELECT municipality_code FROM organizations WHERE municipality_code IS NOT NULL`)
    expect(codes.length).toBeGreaterThan(50)
    for (const { code } of codes) {
      expect(isValidLocalGovCode(code), code).toBe(true)
      expect(municipalityByCode(code), code).toBeDefined()
    }
    expect(
      count(`SELECT count(*) FROM contacts WHERE municipality_code IS NOT NULL
      AND (prefecture_code IS NULL OR substr(municipality_code, 1, 2) != prefecture_code)`),
    ).toBe(0)
  })

  it('lives mostly in the big metropolitan areas', () => {
    const byArea = one<{ tokyo: number; osaka: number; nagoya: number; known: number }>(`
      SELECT sum(prefecture_code IN ('11','12','13','14')) AS tokyo, sum(prefecture_code IN ('26','27','28','29')) AS osaka,
             sum(prefecture_code IN ('21','23','24')) AS nagoya, count(prefecture_code) AS known FROM contacts`)
    expect(byArea.tokyo / byArea.known).toBeGreaterThan(0.45)
    expect(byArea.osaka / byArea.known).toBeGreaterThan(0.08)
    expect(byArea.nagoya).toBeGreaterThan(20)
  })

  it('gives every name its usual reading in katakana', () => {
    const family = readingsOf('family')
    const given = readingsOf('given')
    const rows = all<{ family_name: string; given_name: string; family_kana: string | null; given_kana: string | null }>(
      'SELECT family_name, given_name, family_kana, given_kana FROM contacts',
    )
    let withoutKana = 0
    for (const r of rows) {
      if (r.family_kana === null) {
        expect(r.given_kana).toBeNull()
        withoutKana++
        continue
      }
      expect(r.family_kana).toMatch(/^[\u30A1-\u30FC]+$/)
      expect(r.given_kana).toMatch(/^[\u30A1-\u30FC]+$/)
      expect(family.get(r.family_name)?.has(r.family_kana), `${r.family_name} ${r.family_kana}`).toBe(true)
      expect(given.get(r.given_name)?.has(r.given_kana!), `${r.given_name} ${r.given_kana}`).toBe(true)
    }
    expect(withoutKana).toBeGreaterThan(0) // imported lists without フリガナ exist, and sort last
    expect(withoutKana).toBeLessThan(rows.length * 0.05)
  })

  it('keeps contact details fictional and well-formed', () => {
    const rows = all<Record<string, string | number | null>>('SELECT * FROM contacts')
    for (const r of rows) {
      if (r.email !== null) expect(r.email).toMatch(/^[a-z0-9._]+@example\.(jp|com|ne\.jp)$/)
      if (r.phone !== null) expect(r.phone).toMatch(/^0[789]0-00\d{2}-\d{4}$/)
      if (r.postal_code !== null) expect(r.postal_code).toMatch(/^\d{3}-\d{4}$/)
      if (r.birth_date !== null) expect(r.birth_year).toBe(Number(String(r.birth_date).slice(0, 4)))
      if (r.birth_year !== null) {
        const age = ageOn({ birthDate: r.birth_date as string | null, birthYear: r.birth_year as number }, AS_OF)!
        expect(age).toBeGreaterThanOrEqual(18)
        expect(age).toBeLessThanOrEqual(75)
      }
      expect(JSON.parse(String(r.consent_purposes))).toBeInstanceOf(Array)
      expect(UUID_V7.test(String(r.id))).toBe(true)
    }
    const withBirthDate = rows.filter((r) => r.birth_date !== null).length
    const yearOnly = rows.filter((r) => r.birth_date === null && r.birth_year !== null).length
    expect(withBirthDate).toBeGreaterThan(rows.length * 0.5)
    expect(yearOnly).toBeGreaterThan(rows.length * 0.05)
    const genders = all<{ gender: string | null }>('SELECT DISTINCT gender FROM contacts').map((r) => r.gender)
    expect(genders).toEqual(expect.arrayContaining(['female', 'male', 'no_answer', null]))
    const roots = one<{ none: number; total: number }>(`SELECT sum(roots = 'none') AS none, count(roots) AS total FROM contacts`)
    expect(roots.none / roots.total).toBeGreaterThan(0.4)
  })

  it('keeps the search key in step with the searchable fields', () => {
    for (const r of all<Parameters<typeof contactSearchKey>[0] & { search_key: string }>(
      `SELECT family_name AS familyName, given_name AS givenName, family_kana AS familyKana, given_kana AS givenKana,
              email, phone, affiliation, notes, search_key FROM contacts`,
    )) {
      expect(r.search_key).not.toBe('')
      expect(r.search_key).toBe(contactSearchKey(r))
    }
  })

  it('records visits only from attendance of confirmed or completed participants, or as standalone visits', () => {
    // Program visits: the session belongs to the program and the person is enrolled and not out.
    expect(
      count(`SELECT count(*) FROM visits v WHERE v.session_id IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM program_sessions s JOIN enrollments e ON e.program_id = s.program_id AND e.contact_id = v.contact_id
      WHERE s.id = v.session_id AND s.program_id = v.program_id AND e.status IN ('confirmed', 'completed'))`),
    ).toBe(0)
    // Attendance happens on the session's (Japanese) calendar day.
    expect(
      count(`SELECT count(*) FROM visits v JOIN program_sessions s ON s.id = v.session_id
      WHERE v.visit_date != date(s.starts_at, '+9 hours')`),
    ).toBe(0)
    // Standalone visits belong to no program.
    expect(count('SELECT count(*) FROM visits WHERE session_id IS NULL AND program_id IS NOT NULL')).toBe(0)
    expect(count('SELECT count(*) FROM visits WHERE session_id IS NULL')).toBeGreaterThan(1000)
    expect(count('SELECT count(*) FROM visits WHERE session_id IS NOT NULL')).toBeGreaterThan(2000)
    // Nobody attends the same session twice.
    expect(
      count(
        'SELECT count(*) FROM (SELECT 1 FROM visits WHERE session_id IS NOT NULL GROUP BY session_id, contact_id HAVING count(*) > 1)',
      ),
    ).toBe(0)
    // Nobody who applied only, withdrew, or belongs to a cancelled program has a program visit.
    expect(
      count(`SELECT count(*) FROM visits v JOIN enrollments e ON e.program_id = v.program_id AND e.contact_id = v.contact_id
      WHERE e.status IN ('applied', 'withdrawn')`),
    ).toBe(0)
    expect(
      count(`SELECT count(*) FROM visits v JOIN programs p ON p.id = v.program_id WHERE p.status IN ('cancelled', 'planned')`),
    ).toBe(0)
    // Nothing happens after the demo's "today", and soft-deleted people took part in nothing.
    expect(count('SELECT count(*) FROM visits WHERE visit_date > ?', AS_OF)).toBe(0)
    expect(
      count(
        'SELECT count(*) FROM contacts c WHERE deleted_at IS NOT NULL AND EXISTS (SELECT 1 FROM enrollments e WHERE e.contact_id = c.id)',
      ),
    ).toBe(0)
  })

  it('splits hybrid sessions by attendee and gives nights only to onsite visits', () => {
    const hybrid = all<{ mode: string }>(
      `SELECT DISTINCT v.mode FROM visits v JOIN program_sessions s ON s.id = v.session_id WHERE s.mode = 'hybrid'`,
    )
    expect(hybrid.map((r) => r.mode).sort()).toEqual(['online', 'onsite'])
    expect(count(`SELECT count(*) FROM visits WHERE mode = 'online' AND nights > 0`)).toBe(0)
    expect(
      count(
        `SELECT count(*) FROM visits v JOIN program_sessions s ON s.id = v.session_id WHERE s.mode = 'online' AND v.mode != 'online'`,
      ),
    ).toBe(0)
    expect(count(`SELECT count(*) FROM visits WHERE nights BETWEEN 1 AND 2`)).toBeGreaterThan(100)
    expect(count('SELECT count(*) FROM program_sessions WHERE anonymous_headcount > 0')).toBeGreaterThan(5)
  })

  it('mixes enrollment statuses and roles', () => {
    const statuses = all<{ status: string }>('SELECT DISTINCT status FROM enrollments').map((r) => r.status)
    expect(statuses.sort()).toEqual(['applied', 'completed', 'confirmed', 'withdrawn'])
    const roles = Object.fromEntries(
      all<{ role: string; n: number }>('SELECT role, count(*) AS n FROM enrollments GROUP BY role').map((r) => [r.role, r.n]),
    )
    expect(roles.learner).toBeGreaterThan(roles.mentor + roles.lecturer + roles.staff)
    for (const role of ['mentor', 'lecturer', 'staff']) expect(roles[role]).toBeGreaterThan(0)
    expect(
      count(`SELECT count(*) FROM enrollments WHERE status = 'completed' AND (completed_on IS NULL OR confirmed_on IS NULL)`),
    ).toBe(0)
    expect(count(`SELECT count(*) FROM enrollments WHERE status = 'withdrawn' AND withdrawn_on IS NULL`)).toBe(0)
    expect(count(`SELECT count(*) FROM enrollments WHERE applied_on > coalesce(confirmed_on, applied_on)`)).toBe(0)
  })

  it('keeps each person’s stage equal to their latest stage change, in order', () => {
    expect(
      count(`SELECT count(*) FROM contacts c WHERE c.stage IS NOT (
      SELECT h.stage FROM stage_history h WHERE h.contact_id = c.id ORDER BY h.changed_on DESC LIMIT 1)`),
    ).toBe(0)
    expect(count('SELECT count(*) FROM (SELECT 1 FROM stage_history GROUP BY contact_id, changed_on HAVING count(*) > 1)')).toBe(
      0,
    )
    const position = Object.fromEntries(stages.codes.map((code, i) => [code, i]))
    const history = all<{ contact_id: string; stage: string }>(
      'SELECT contact_id, stage FROM stage_history ORDER BY contact_id, changed_on',
    )
    let previous: { contact_id: string; stage: string } | undefined
    for (const row of history) {
      if (previous?.contact_id !== row.contact_id) expect(row.stage).toBe('tsukamu')
      else expect(position[row.stage]).toBeGreaterThan(position[previous.stage])
      previous = row
    }
    const byStage = Object.fromEntries(
      all<{ stage: string; n: number }>('SELECT stage, count(*) AS n FROM contacts GROUP BY stage').map((r) => [r.stage, r.n]),
    )
    expect(byStage.tsukamu).toBeGreaterThan(byStage.tsunagaru)
    for (const code of stages.codes) expect(byStage[code], code).toBeGreaterThan(code === 'moved_in' ? 4 : 50)
  })

  it('has people involved three or more times in one fiscal year', () => {
    const continuing =
      count(`SELECT count(*) FROM (SELECT contact_id FROM visits WHERE visit_date BETWEEN '2024-04-01' AND '2025-03-31'
      GROUP BY contact_id HAVING count(*) >= 3)`)
    expect(continuing).toBeGreaterThan(100)
  })

  it('records nothing after the demo’s “today”, and nothing before the person it is about', () => {
    const end = `${AS_OF}T23:59:59.999Z`
    for (const table of ['contacts', 'tags', 'organizations', 'programs', 'program_sessions', 'enrollments', 'visits']) {
      expect(
        count(`SELECT count(*) FROM ${table} WHERE created_at > ? OR updated_at > ? OR updated_at < created_at`, end, end),
        table,
      ).toBe(0)
    }
    expect(count('SELECT count(*) FROM stage_history WHERE created_at > ? OR changed_on > ?', end, AS_OF)).toBe(0)
    for (const table of ['enrollments', 'visits', 'stage_history', 'contact_tags', 'contact_organizations']) {
      expect(
        count(`SELECT count(*) FROM ${table} t JOIN contacts c ON c.id = t.contact_id WHERE t.created_at < c.created_at`),
        table,
      ).toBe(0)
    }
  })

  it('uses UUIDv7 ids everywhere and has no dangling references', () => {
    for (const table of ['tags', 'organizations', 'programs', 'program_sessions', 'enrollments', 'visits', 'stage_history']) {
      for (const { id } of all<{ id: string }>(`SELECT id FROM ${table}`)) expect(UUID_V7.test(id), `${table} ${id}`).toBe(true)
    }
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(count(`SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'visits_%'`)).toBe(4)
  })

  it('is the same database, row for row, every time', async () => {
    const again = await openBackend({ file: path.join(dir, 'again.db'), demo: true, userName: 'someone else' })
    try {
      expect(contentHash(again.context.handle.sqlite)).toBe(contentHash(db))
    } finally {
      await again.close()
    }
  })
})

describe('generateDataset', () => {
  it('generates other sizes and seeds, and reports what it wrote', async () => {
    const file = path.join(dir, 'sized.db')
    const handle = openDatabase(file)
    try {
      await migrate(handle)
      const progress: number[] = []
      const result = await generateDataset(handle, {
        contacts: 400,
        visits: 3_000,
        seed: 7,
        onProgress: (done, total) => progress.push(done / total),
      })
      const n = (table: string) => handle.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
      expect(result).toEqual({
        contacts: n('contacts'),
        programs: n('programs'),
        sessions: n('program_sessions'),
        enrollments: n('enrollments'),
        visits: n('visits'),
        stageChanges: n('stage_history'),
      })
      expect(result.contacts).toBe(400)
      expect(result.visits).toBe(3_000)
      expect(progress.at(-1)).toBe(1)
      expect(handle.sqlite.pragma('foreign_key_check')).toEqual([])
    } finally {
      await handle.close()
    }
  })
})
