/**
 * Backend benchmark (`npm run bench`): generates a large database, then measures opening it
 * and paging the participants grid through the backend's own door, against raw
 * better-sqlite3 running exactly the SQL the backend ran. Prints a table and writes
 * bench-results/bench.json.
 *
 * Sizes from the environment: BENCH_CONTACTS (100000), BENCH_VISITS (1000000), BENCH_SEED.
 * BENCH_KEEP=1 keeps bench-results/bench.db; BENCH_STRICT=1 fails the run on a missed target.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Database as Sqlite, Statement } from 'better-sqlite3'
import { expect, it } from 'vitest'
import { openBackend } from '../../electron/backend/backend'
import type { Backend } from '../../electron/backend/backend'
import { openDatabase } from '../../electron/backend/db/connection'
import { clearStatementCache } from '../../electron/backend/db/repos/contactsPageRepo'
import { migrate } from '../../electron/backend/db/migrate'
import { DEFAULT_SEED, generateDataset } from '../../electron/backend/demo/generate'
import type { ArgsOf } from '../../shared/contract/methods'
import { fillAuditLog } from './auditLog'
import { round, summarize, table, time } from './measure'
import type { Timing } from './measure'

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 100_000)
const VISITS = Number(process.env.BENCH_VISITS ?? 1_000_000)
const SEED = Number(process.env.BENCH_SEED ?? DEFAULT_SEED)
const RUNS = 50
const OUT_DIR = path.resolve('bench-results')
const DB_FILE = path.join(OUT_DIR, 'bench.db')

const TARGETS = { generateSeconds: 60, openMs: 200, pageMs: 20, ratio: 2, auditMs: 100 }

type ListArgs = ArgsOf<'contacts.list'>
interface Case {
  name: string
  args: ListArgs
  /** Held to the page targets (< 20 ms, ≤ 2× raw); other cases are reported for information. */
  targeted: boolean
}

const kanaSort: ListArgs['sort'] = [{ colId: 'familyKana', sort: 'asc' }]
const CASES: Case[] = [
  { name: '1st page, kana sort', args: { offset: 0, limit: 100, sort: kanaSort }, targeted: true },
  {
    name: 'pref. 13, kana sort',
    args: { offset: 0, limit: 100, sort: kanaSort, filter: { prefectureCode: { filterType: 'set', values: ['13'] } } },
    targeted: true,
  },
  {
    name: 'stage つながる, kana sort',
    args: { offset: 0, limit: 100, sort: kanaSort, filter: { stage: { filterType: 'set', values: ['tsunagaru'] } } },
    targeted: true,
  },
  {
    name: 'pref. 13 + stage, kana',
    args: {
      offset: 0,
      limit: 100,
      sort: kanaSort,
      filter: { prefectureCode: { filterType: 'set', values: ['13'] }, stage: { filterType: 'set', values: ['tsunagaru'] } },
    },
    targeted: true,
  },
  { name: '1st page, stage sort', args: { offset: 0, limit: 100, sort: [{ colId: 'stage', sort: 'asc' }] }, targeted: false },
  { name: 'deep page (middle)', args: { offset: Math.floor(CONTACTS / 2), limit: 100, sort: kanaSort }, targeted: false },
  { name: 'search "やまだ"', args: { offset: 0, limit: 100, sort: kanaSort, search: 'やまだ' }, targeted: false },
]

interface Captured {
  sql: string
  params: unknown[]
}

/**
 * Records the SQL and parameters the backend hands to better-sqlite3 during `fn`, so the raw
 * baseline runs exactly the same statements (Kysely prepares each query on every call).
 */
async function captureSql(sqlite: Sqlite, fn: () => Promise<unknown>): Promise<Captured[]> {
  const captured: Captured[] = []
  const prepare = sqlite.prepare
  sqlite.prepare = function (this: Sqlite, source: string) {
    const statement = prepare.call(this, source) as Statement
    const entry: Captured = { sql: source, params: [] }
    captured.push(entry)
    for (const method of ['all', 'get', 'run', 'iterate'] as const) {
      const original = statement[method] as (...args: unknown[]) => unknown
      ;(statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
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

function queryPlan(sqlite: Sqlite, c: Captured): string[] {
  const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${c.sql}`).all(c.params) as { detail: string }[]
  return rows.map((r) => r.detail)
}

const ms = (n: number) => round(n, 2).toFixed(2)

it(`backend on ${CONTACTS.toLocaleString()} people and ${VISITS.toLocaleString()} visits`, async () => {
  fs.mkdirSync(OUT_DIR, { recursive: true })
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(DB_FILE + suffix, { force: true })

  // 1. Generate.
  const handle = openDatabase(DB_FILE)
  await migrate(handle)
  const started = performance.now()
  const generated = await generateDataset(handle, { contacts: CONTACTS, visits: VISITS, seed: SEED })
  const generateSeconds = (performance.now() - started) / 1000
  await handle.close()
  const fileBytes = fs.statSync(DB_FILE).size

  // 2. Open the existing file (median of 5).
  const opens: number[] = []
  for (let i = 0; i < 5; i++) {
    const t = performance.now()
    const b = await openBackend({ file: DB_FILE, userName: 'bench' })
    opens.push(performance.now() - t)
    await b.close()
  }
  const open = summarize(opens)

  // 3. Pages through the backend client vs raw better-sqlite3.
  const backend: Backend = await openBackend({ file: DB_FILE, userName: 'bench' })
  const sqlite = backend.context.handle.sqlite
  const results = []
  const audits: { name: string; total: number; timing: Timing; plan: string[]; pass: boolean }[] = []
  let auditLines = 0
  try {
    for (const c of CASES) {
      const call = () => backend.client.call('contacts.list', c.args)
      clearStatementCache(sqlite) // prepared once and reused by the grid: capture them afresh
      const statements = await captureSql(sqlite, call)
      const raw = statements.map((s) => ({ ...s, statement: sqlite.prepare(s.sql) }))
      const rawCall = () => raw.map((s) => (s.statement.reader ? s.statement.all(s.params) : s.statement.run(s.params)))
      // Same rows, same order, same total.
      const page = await call()
      const rawResults = rawCall() as unknown[][]
      // The page (rows with ids) and the count ({ total }), in whatever order the backend ran them.
      const rawRows = rawResults.find((r) => Array.isArray(r) && r.length > 0 && 'id' in (r[0] as object)) ?? []
      const rawTotal = rawResults.find((r) => Array.isArray(r) && r.length === 1 && 'total' in (r[0] as object))
      expect(page.rows.map((r) => r.id)).toEqual((rawRows as { id: string }[]).map((r) => r.id))
      expect(page.total).toBe((rawTotal as { total: number }[])[0].total)

      const backendTiming: Timing = await time(call, RUNS)
      const rawTiming: Timing = await time(rawCall, RUNS)
      const ratio = backendTiming.p50 / rawTiming.p50
      const pass = backendTiming.p50 < TARGETS.pageMs && ratio <= TARGETS.ratio
      results.push({
        name: c.name,
        args: c.args,
        total: page.total,
        backend: backendTiming,
        raw: rawTiming,
        ratio,
        targeted: c.targeted,
        pass: c.targeted ? pass : null,
        sql: statements.map((s) => ({ sql: s.sql, params: s.params, plan: queryPlan(sqlite, s) })),
      })
    }

    // 監査ログ: the first page, and one person's lines (参加者ID filter), whose deleted visits
    // are found only through the lines that recorded them, on a log as big as the data.
    const filled = fillAuditLog(sqlite)
    auditLines = filled.lines
    const auditCases: { name: string; args: ArgsOf<'audit.list'> }[] = [
      { name: '監査ログ 1st page', args: { offset: 0, limit: 100 } },
      { name: '監査ログ 参加者ID (deleted visits)', args: { offset: 0, limit: 100, personId: filled.personWithDeleted } },
      { name: '監査ログ 参加者ID (most visits)', args: { offset: 0, limit: 100, personId: filled.busiestPerson } },
    ]
    for (const c of auditCases) {
      const call = () => backend.client.call('audit.list', c.args)
      const statements = await captureSql(sqlite, call)
      const page = await call()
      const timing = await time(call, 10, 1)
      audits.push({
        name: c.name,
        total: page.total,
        timing,
        plan: statements.flatMap((s) => [s.sql, ...queryPlan(sqlite, s).map((d) => `  ${d}`)]),
        pass: timing.p50 < TARGETS.auditMs,
      })
    }
    if (audits[1]!.total < 2) throw new Error('the person with deleted visits shows no lines: the bench data is wrong')
  } finally {
    await backend.close()
  }

  // 4. Report.
  const generatePass = generateSeconds < TARGETS.generateSeconds
  const openPass = open.p50 < TARGETS.openMs
  const verdict = (pass: boolean | null) => (pass === null ? 'info' : pass ? 'PASS' : 'FAIL')
  const rows: string[][] = [
    ['generate database', `${round(generateSeconds, 1)} s`, '', '', '', `< ${TARGETS.generateSeconds} s`, verdict(generatePass)],
    ['open (openBackend)', `${ms(open.p50)} ms (median of 5)`, '', '', '', `< ${TARGETS.openMs} ms`, verdict(openPass)],
    ...results.map((r) => [
      r.name,
      `${ms(r.backend.p50)} / ${ms(r.backend.p95)} ms`,
      `${ms(r.raw.p50)} / ${ms(r.raw.p95)} ms`,
      `${round(r.ratio, 2).toFixed(2)}×`,
      r.total.toLocaleString(),
      r.targeted ? `< ${TARGETS.pageMs} ms, ≤ ${TARGETS.ratio}× raw` : '',
      verdict(r.pass),
    ]),
    ...audits.map((a) => [
      a.name,
      `${ms(a.timing.p50)} / ${ms(a.timing.p95)} ms`,
      '',
      '',
      a.total.toLocaleString(),
      `< ${TARGETS.auditMs} ms`,
      verdict(a.pass),
    ]),
  ]
  const report = table(['measure', 'backend p50 / p95', 'raw p50 / p95', 'ratio', 'rows', 'target', 'result'], rows)
  const header =
    `Kakehashi backend benchmark — ${generated.contacts.toLocaleString()} people, ${generated.visits.toLocaleString()} visits, ` +
    `${generated.programs.toLocaleString()} programs, ${generated.enrollments.toLocaleString()} enrollments, ` +
    `${generated.stageChanges.toLocaleString()} stage changes, ${auditLines.toLocaleString()} audit lines; file ${round(fileBytes / 1024 / 1024, 0)} MB; seed ${SEED}; ` +
    `node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}`
  const plans = results
    .map((r) => `${r.name}:\n${r.sql.map((s) => `  ${s.sql}\n    ${s.plan.join('\n    ')}`).join('\n')}`)
    .join('\n')
  const auditPlans = audits.map((a) => `${a.name}:\n${a.plan.map((l) => `  ${l}`).join('\n')}`).join('\n')
  console.log(`\n${header}\n\n${report}\n\nQuery plans (EXPLAIN QUERY PLAN of the backend's SQL):\n${plans}\n${auditPlans}\n`)

  const allPass = generatePass && openPass && results.every((r) => r.pass !== false) && audits.every((a) => a.pass)
  fs.writeFileSync(
    path.join(OUT_DIR, 'bench.json'),
    JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        machine: {
          node: process.version,
          platform: `${os.platform()} ${os.arch()}`,
          cpus: os.cpus().length,
          cpuModel: os.cpus()[0]?.model,
          loadAverage: os.loadavg(),
        },
        config: { contacts: CONTACTS, visits: VISITS, seed: SEED, runs: RUNS },
        targets: TARGETS,
        generate: { seconds: generateSeconds, ...generated, fileBytes, pass: generatePass },
        open: { ...open, samples: opens, pass: openPass },
        queries: results,
        audit: { lines: auditLines, queries: audits },
        pass: allPass,
      },
      null,
      2,
    ),
  )
  if (process.env.BENCH_KEEP !== '1') for (const suffix of ['', '-wal', '-shm']) fs.rmSync(DB_FILE + suffix, { force: true })

  expect(generated.contacts).toBe(CONTACTS)
  expect(generated.visits).toBe(VISITS)
  expect(generateSeconds).toBeLessThan(TARGETS.generateSeconds)
  if (process.env.BENCH_STRICT === '1') expect(allPass).toBe(true)
})
