/**
 * Safety benchmark (`npm run bench`): on a generated database (BENCH_CONTACTS, BENCH_VISITS),
 * measures the integrity checks an open can afford, a verified backup, and grid pages on an
 * encrypted copy against the plain file and raw SQLite in the same run; then runs the crash
 * harness (BENCH_CRASH_TRIALS, default 200 SIGKILL trials). Writes bench-results/safety.json.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, it } from 'vitest'
import { openBackend } from '../../electron/backend/backend'
import type { Backend } from '../../electron/backend/backend'
import { openDatabase } from '../../electron/backend/db/connection'
import { migrate } from '../../electron/backend/db/migrate'
import { DEFAULT_SEED, generateDataset } from '../../electron/backend/demo/generate'
import { backupToFolder } from '../../electron/backend/safety/backups'
import { inspectHandle } from '../../electron/backend/safety/integrity'
import { rekeyDatabase } from '../../electron/backend/safety/passphrase'
import type { ArgsOf } from '../../shared/contract/methods'
import { runCrashTrials } from '../backend/crash/harness'
import { round, summarize, table, time, timeWithStall } from './measure'

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 100_000)
const VISITS = Number(process.env.BENCH_VISITS ?? 1_000_000)
const TRIALS = Number(process.env.BENCH_CRASH_TRIALS ?? 200)
const OUT_DIR = path.resolve('bench-results')
const WORK = path.join(OUT_DIR, 'safety')
const PLAIN = path.join(WORK, 'plain.db')
const ENCRYPTED = path.join(WORK, 'encrypted.db')
const KEY = 'bench passphrase 山'
const TARGETS = { backupSeconds: 5, encryptedRatio: 1.5, openMs: 200 }

const kanaSort: ArgsOf<'contacts.list'>['sort'] = [{ colId: 'familyKana', sort: 'asc' }]
const PAGES: { name: string; args: ArgsOf<'contacts.list'> }[] = [
  { name: '1st page, kana sort', args: { offset: 0, limit: 100, sort: kanaSort } },
  {
    name: 'pref. 13, kana sort',
    args: { offset: 0, limit: 100, sort: kanaSort, filter: { prefectureCode: { filterType: 'set', values: ['13'] } } },
  },
  { name: 'deep page (middle)', args: { offset: Math.floor(CONTACTS / 2), limit: 100, sort: kanaSort } },
  { name: 'search "やまだ"', args: { offset: 0, limit: 100, sort: kanaSort, search: 'やまだ' } },
]

it(`safety on ${CONTACTS.toLocaleString()} people and ${VISITS.toLocaleString()} visits`, async () => {
  fs.rmSync(WORK, { recursive: true, force: true })
  fs.mkdirSync(WORK, { recursive: true })
  const gen = openDatabase(PLAIN)
  await migrate(gen)
  await generateDataset(gen, { contacts: CONTACTS, visits: VISITS, seed: DEFAULT_SEED })
  gen.sqlite.pragma('wal_checkpoint(TRUNCATE)')
  await gen.close()
  const fileMb = fs.statSync(PLAIN).size / 1024 / 1024

  // 1. What an open can afford: light (every open), quick_check (first open of the day), integrity_check.
  const probe = openDatabase(PLAIN, { readonly: true })
  const light = summarize([0, 1, 2, 3, 4].map(() => timeOnceSync(() => inspectHandle(probe, 'light'))))
  const quick = timeOnceSync(() => expect(inspectHandle(probe, 'quick').ok).toBe(true))
  const full = timeOnceSync(() => expect(inspectHandle(probe, 'full').ok).toBe(true))
  await probe.close()
  // The open flow itself, after the day's first open (light checks only).
  const first = await openBackend({ file: PLAIN, userName: 'bench', dailyBackup: false })
  await first.close()
  const openSamples: number[] = []
  for (let i = 0; i < 5; i++) {
    const t = performance.now()
    const b = await openBackend({ file: PLAIN, userName: 'bench', dailyBackup: false })
    openSamples.push(performance.now() - t)
    await b.close()
  }
  const opens = summarize(openSamples)

  // 2. A verified backup (online backup API + quick_check of the copy), as the app takes it,
  // and the longest pause of the event loop meanwhile (every call waits that long).
  const plainHandle = openDatabase(PLAIN)
  const { ms: backupMs, stallMs: backupStallMs } = await timeWithStall(() =>
    backupToFolder(plainHandle, path.join(WORK, 'backups'), 'manual'),
  )
  await plainHandle.close()

  // 3. An encrypted copy, then the same pages on both (and raw SQLite on the plain file).
  fs.copyFileSync(PLAIN, ENCRYPTED)
  const enc = openDatabase(ENCRYPTED)
  const encryptMs = timeOnceSync(() => rekeyDatabase(enc, KEY))
  await enc.close()
  const encBackupHandle = openDatabase(ENCRYPTED, { key: KEY })
  // VACUUM INTO in a worker thread; the pause left is the quick_check of the copy.
  const { ms: encBackupMs, stallMs: encBackupStallMs } = await timeWithStall(() =>
    backupToFolder(encBackupHandle, path.join(WORK, 'backups-enc'), 'manual'),
  )
  await encBackupHandle.close()

  const plain: Backend = await openBackend({ file: PLAIN, userName: 'bench', dailyBackup: false })
  const encrypted: Backend = await openBackend({ file: ENCRYPTED, userName: 'bench', passphrase: KEY, dailyBackup: false })
  const pages = []
  try {
    for (const c of PAGES) {
      const a = await plain.client.call('contacts.list', c.args)
      const b = await encrypted.client.call('contacts.list', c.args)
      expect(b.rows.map((r) => r.id)).toEqual(a.rows.map((r) => r.id))
      const rawStatement = plain.context.handle.sqlite.prepare(
        `SELECT * FROM contacts WHERE deleted_at IS NULL ORDER BY (family_kana IS NULL), family_kana, given_kana, id LIMIT 100 OFFSET ${c.args.offset ?? 0}`,
      )
      const p = await time(() => plain.client.call('contacts.list', c.args), 30)
      const e = await time(() => encrypted.client.call('contacts.list', c.args), 30)
      const raw = await time(() => rawStatement.all(), 30)
      pages.push({ name: c.name, plain: p, encrypted: e, raw, ratio: e.p50 / p.p50 })
    }
  } finally {
    await plain.close()
    await encrypted.close()
  }

  const ms = (n: number) => `${round(n, 1)} ms`
  const rows = [
    ['light check (every open)', ms(light.p50), '', 'info'],
    [
      'open (openBackend, after the day’s first)',
      ms(opens.p50),
      `< ${TARGETS.openMs} ms`,
      opens.p50 < TARGETS.openMs ? 'PASS' : 'FAIL',
    ],
    ['quick_check (first open of the day)', ms(quick), '', 'info'],
    ['integrity_check (restore source)', ms(full), '', 'info'],
    [
      'verified backup (plain)',
      ms(backupMs),
      `< ${TARGETS.backupSeconds} s`,
      backupMs < TARGETS.backupSeconds * 1000 ? 'PASS' : 'FAIL',
    ],
    ['longest event-loop pause during it', ms(backupStallMs), '', 'info'],
    [
      'verified backup (encrypted, VACUUM INTO)',
      ms(encBackupMs),
      `< ${TARGETS.backupSeconds} s`,
      encBackupMs < TARGETS.backupSeconds * 1000 ? 'PASS' : 'FAIL',
    ],
    ['longest event-loop pause during it', ms(encBackupStallMs), '', 'info'],
    ['encrypt in place (rekey)', ms(encryptMs), '', 'info'],
    ...pages.map((p) => [
      `page: ${p.name}`,
      `enc ${ms(p.encrypted.p50)} / plain ${ms(p.plain.p50)} / raw ${ms(p.raw.p50)} → ${round(p.ratio, 2)}×`,
      `≤ ${TARGETS.encryptedRatio}× plain`,
      p.ratio <= TARGETS.encryptedRatio ? 'PASS' : 'FAIL',
    ]),
  ]
  const header = `Kakehashi safety benchmark — ${CONTACTS.toLocaleString()} people, ${VISITS.toLocaleString()} visits, file ${round(fileMb, 0)} MB; node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}`
  console.log(`\n${header}\n\n${table(['measure', 'value', 'target', 'result'], rows)}\n`)
  fs.writeFileSync(
    path.join(OUT_DIR, 'safety.json'),
    JSON.stringify(
      {
        contacts: CONTACTS,
        visits: VISITS,
        fileMb,
        light,
        opens,
        quickMs: quick,
        fullMs: full,
        backupMs,
        backupStallMs,
        encBackupMs,
        encBackupStallMs,
        encryptMs,
        pages,
      },
      null,
      2,
    ),
  )
  if (!process.env.BENCH_KEEP) fs.rmSync(WORK, { recursive: true, force: true })
}, 1_800_000)

it(`crash harness: ${TRIALS} SIGKILL trials`, async () => {
  const crashDir = path.join(OUT_DIR, 'safety-crash')
  fs.rmSync(crashDir, { recursive: true, force: true })
  fs.mkdirSync(crashDir, { recursive: true })
  const started = performance.now()
  const crash = await runCrashTrials(crashDir, TRIALS)
  const seconds = (performance.now() - started) / 1000
  const bad = crash.corrupt + crash.partialImports + crash.lostEdits + crash.lostDeletes + crash.badBackups
  console.log(
    `\nCrash harness — ${crash.trials} SIGKILL trials in ${round(seconds, 0)} s: corrupt ${crash.corrupt}, partial imports ${crash.partialImports}, ` +
      `lost acknowledged edits ${crash.lostEdits}, lost deletes ${crash.lostDeletes}, bad backups ${crash.badBackups} → ${bad === 0 ? 'PASS' : 'FAIL'}\n` +
      `acknowledged before the kills: ${JSON.stringify(crash.acknowledged)}\n${crash.problems.slice(0, 5).join('\n')}\n`,
  )
  fs.writeFileSync(path.join(OUT_DIR, 'safety-crash.json'), JSON.stringify({ seconds, ...crash }, null, 2))
  if (!process.env.BENCH_KEEP) fs.rmSync(crashDir, { recursive: true, force: true })
  expect(crash.trials).toBe(TRIALS)
  expect(bad).toBe(0)
}, 3_600_000)

function timeOnceSync(fn: () => unknown): number {
  const t = performance.now()
  fn()
  return performance.now() - t
}
