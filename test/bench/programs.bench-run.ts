/**
 * Programs benchmark (`npx vitest run -c vitest.bench.config.ts test/bench/programs.bench-run.ts`):
 * on a generated database (BENCH_CONTACTS, default 100k people; BENCH_VISITS, default 1M visits)
 * it times, through the backend's in-process door and against raw better-sqlite3 running the
 * same SQL:
 *   - saving an attendance roster of 200 people (target < 100 ms),
 *   - a page of the visits grid (target < 30 ms),
 *   - the ホーム dashboard figures for one fiscal year (target < 300 ms).
 * Writes bench-results/programs-bench.json. BENCH_REUSE=1 reuses an existing database file.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Database as Sqlite, Statement } from 'better-sqlite3'
import { expect, it } from 'vitest'
import { openBackend } from '../../electron/backend/backend'
import { openDatabase } from '../../electron/backend/db/connection'
import { migrate } from '../../electron/backend/db/migrate'
import { DEFAULT_SEED, generateDataset } from '../../electron/backend/demo/generate'
import type { ArgsOf } from '../../shared/contract/methods'
import { round, summarize, table, time } from './measure'
import type { Timing } from './measure'

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 100_000)
const VISITS = Number(process.env.BENCH_VISITS ?? 1_000_000)
const RUNS = 30
const OUT_DIR = path.resolve('bench-results')
const DB_FILE = path.join(OUT_DIR, 'programs-bench.db')
const TARGETS = { rosterMs: 100, pageMs: 30, dashboardMs: 300 }
const ROSTER_SIZE = 200

interface Captured {
  sql: string
  params: unknown[]
}

/** The statements (and parameters) the backend runs during `fn`, to replay them raw. */
async function captureSql(sqlite: Sqlite, fn: () => Promise<unknown>): Promise<Captured[]> {
  const captured: Captured[] = []
  const prepare = sqlite.prepare
  sqlite.prepare = function (this: Sqlite, source: string) {
    const statement = prepare.call(this, source) as Statement
    const entry: Captured = { sql: source, params: [] }
    captured.push(entry)
    for (const m of ['all', 'get', 'run', 'iterate'] as const) {
      const original = statement[m] as (...args: unknown[]) => unknown
      ;(statement as unknown as Record<string, unknown>)[m] = (...args: unknown[]) => {
        entry.params = (args.length === 1 && Array.isArray(args[0]) ? args[0] : args) as unknown[]
        return original.apply(statement, args)
      }
    }
    return statement
  } as Sqlite['prepare']
  try {
    await fn()
  } finally {
    sqlite.prepare = prepare
  }
  return captured
}

function replay(sqlite: Sqlite, statements: Captured[]) {
  const prepared = statements.map((s) => ({ ...s, statement: sqlite.prepare(s.sql) }))
  return () => prepared.map((s) => (s.statement.reader ? s.statement.all(s.params) : s.statement.run(s.params)))
}

const ms = (n: number) => round(n, 2).toFixed(2)

it(`programs on ${CONTACTS.toLocaleString()} people and ${VISITS.toLocaleString()} visits`, async () => {
  fs.mkdirSync(OUT_DIR, { recursive: true })
  if (process.env.BENCH_REUSE !== '1' || !fs.existsSync(DB_FILE)) {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(DB_FILE + suffix, { force: true })
    const handle = openDatabase(DB_FILE)
    await migrate(handle)
    await generateDataset(handle, { contacts: CONTACTS, visits: VISITS, seed: DEFAULT_SEED })
    await handle.close()
  }
  const backend = await openBackend({ file: DB_FILE, userName: 'bench' })
  const { client } = backend
  const sqlite = backend.context.handle.sqlite
  const rows: { name: string; backend: Timing; raw: Timing; target: number; detail: string }[] = []
  try {
    const visitCount = sqlite.prepare('SELECT count(*) FROM visits').pluck().get() as number
    // The busiest fiscal year of the data set.
    const busiest = sqlite
      .prepare(
        `SELECT CAST(substr(visit_date, 1, 4) AS INTEGER) - (substr(visit_date, 6, 2) < '04') AS fy, count(*) AS n FROM visits GROUP BY fy ORDER BY n DESC LIMIT 1`,
      )
      .get() as { fy: number; n: number }

    // 1. Roster of 200: enroll 200 people in a new program, then alternately tick all and untick all.
    const program = await client.call('programs.create', {
      fields: { name: 'ベンチマーク講座', category: 'course', startDate: `${busiest.fy}-06-01` },
    })
    const session = await client.call('sessions.create', {
      programId: program.id,
      fields: { date: `${busiest.fy}-06-07`, startTime: '13:00', mode: 'hybrid' },
    })
    const people = sqlite
      .prepare('SELECT id FROM contacts WHERE deleted_at IS NULL ORDER BY id LIMIT ?')
      .pluck()
      .all(ROSTER_SIZE) as string[]
    await client.call('enrollments.add', { programId: program.id, contactIds: people, status: 'confirmed' })
    const entries = (attended: boolean) =>
      people.map((contactId, i) => ({
        contactId,
        attended,
        mode: i % 3 === 0 ? ('online' as const) : ('onsite' as const),
        nights: i % 5 === 0 ? 1 : 0,
      }))
    let tick = true
    const saveRoster = async () => {
      const r = await client.call('roster.save', { sessionId: session.id, entries: entries(tick) })
      expect(tick ? r.created : r.removed).toBe(ROSTER_SIZE)
      tick = !tick
    }
    const rosterTiming = await time(saveRoster, RUNS, 4)
    const unchanged = await time(() => client.call('roster.save', { sessionId: session.id, entries: entries(!tick) }), RUNS, 2)
    // Raw: the same 200 inserts or deletes in one transaction with prepared statements.
    const insert = sqlite.prepare(
      `INSERT INTO visits (id, contact_id, program_id, session_id, visit_date, mode, municipality_code, nights, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
    )
    const remove = sqlite.prepare('DELETE FROM visits WHERE session_id = ? AND contact_id = ?')
    let rawTick = !tick
    const rawRoster = sqlite.transaction(() => {
      const now = new Date().toISOString()
      for (const [i, contactId] of people.entries()) {
        if (rawTick)
          insert.run(
            crypto.randomUUID(),
            contactId,
            program.id,
            session.id,
            session.date,
            i % 3 === 0 ? 'online' : 'onsite',
            i % 5 === 0 ? 1 : 0,
            now,
            now,
          )
        else remove.run(session.id, contactId)
      }
      rawTick = !rawTick
    })
    const rawRosterTiming = await time(rawRoster, RUNS, 4)
    if (!rawTick) rawRoster() // leave no raw rows behind
    rows.push({
      name: `roster.save, ${ROSTER_SIZE} people (tick / untick all)`,
      backend: rosterTiming,
      raw: rawRosterTiming,
      target: TARGETS.rosterMs,
      detail: '',
    })
    rows.push({
      name: `roster.save, ${ROSTER_SIZE} people, nothing changed`,
      backend: unchanged,
      raw: rawRosterTiming,
      target: TARGETS.rosterMs,
      detail: 'raw = the tick/untick baseline',
    })

    // 2. Visits grid pages.
    const pageCases: { name: string; args: ArgsOf<'visits.list'> }[] = [
      { name: 'visits grid: 1st page, newest first', args: { offset: 0, limit: 50 } },
      { name: `visits grid: FY${busiest.fy}, 1st page`, args: { offset: 0, limit: 50, fiscalYear: busiest.fy } },
      { name: `visits grid: FY${busiest.fy} online`, args: { offset: 0, limit: 50, fiscalYear: busiest.fy, mode: 'online' } },
      { name: 'visits grid: page 100', args: { offset: 5000, limit: 50 } },
    ]
    for (const c of pageCases) {
      const call = () => client.call('visits.list', c.args)
      const raw = replay(sqlite, await captureSql(sqlite, call))
      const page = await call()
      rows.push({
        name: c.name,
        backend: await time(call, RUNS),
        raw: await time(raw, RUNS),
        target: TARGETS.pageMs,
        detail: `${page.total.toLocaleString()} rows`,
      })
    }

    // 3. Dashboard for the busiest fiscal year.
    const dashboardCall = () => client.call('dashboard.get', { fiscalYear: busiest.fy })
    const rawDashboard = replay(sqlite, await captureSql(sqlite, dashboardCall))
    const figures = await dashboardCall()
    rows.push({
      name: `dashboard.get FY${busiest.fy}`,
      backend: await time(dashboardCall, 10, 2),
      raw: await time(rawDashboard, 10, 2),
      target: TARGETS.dashboardMs,
      detail: `${figures.uniquePeople.toLocaleString()} people, ${figures.totalInvolvements.toLocaleString()} visits`,
    })

    const report = table(
      ['measure', 'backend p50 / p95', 'raw p50 / p95', 'ratio', 'target', 'result', ''],
      rows.map((r) => [
        r.name,
        `${ms(r.backend.p50)} / ${ms(r.backend.p95)} ms`,
        `${ms(r.raw.p50)} / ${ms(r.raw.p95)} ms`,
        `${round(r.backend.p50 / r.raw.p50, 2).toFixed(2)}×`,
        `< ${r.target} ms`,
        r.backend.p50 < r.target ? 'PASS' : 'FAIL',
        r.detail,
      ]),
    )
    console.log(
      `\nKakehashi programs benchmark — ${CONTACTS.toLocaleString()} people, ${visitCount.toLocaleString()} visits; ` +
        `node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}\n\n${report}\n`,
    )
    fs.writeFileSync(
      path.join(OUT_DIR, 'programs-bench.json'),
      JSON.stringify(
        {
          measuredAt: new Date().toISOString(),
          config: { contacts: CONTACTS, visits: visitCount, runs: RUNS },
          targets: TARGETS,
          results: rows,
        },
        null,
        2,
      ),
    )
    if (process.env.BENCH_STRICT === '1') expect(rows.every((r) => r.backend.p50 < r.target)).toBe(true)
  } finally {
    await backend.close()
    if (process.env.BENCH_KEEP !== '1' && process.env.BENCH_REUSE !== '1')
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(DB_FILE + suffix, { force: true })
  }
})
