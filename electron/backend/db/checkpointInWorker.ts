import { createRequire } from 'node:module'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import type { Database as Sqlite } from 'better-sqlite3'
import { keyLiteral } from './connection'
import type { DbHandle } from './connection'

/**
 * The worker's code, a string run with `new Worker(source, { eval: true })` like the backup
 * thread's (see backupWorkerSource.ts for why). Its own connection copies what the WAL holds
 * into the database file — a PASSIVE checkpoint: it never waits for or blocks the main
 * connection's readers and writers, and stops at the frames a reader still needs.
 */
const checkpointWorkerSource = String.raw`
'use strict'
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file, { fileMustExist: true })
try {
  if (workerData.keyPragma) db.pragma(workerData.keyPragma)
  db.pragma('busy_timeout = 5000')
  db.pragma('wal_checkpoint(PASSIVE)')
  parentPort.postMessage({ ok: true })
} catch (error) {
  parentPort.postMessage({ ok: false, message: error && error.message ? String(error.message) : String(error) })
} finally {
  db.close()
}
`

/**
 * Commits a big write without copying it into the database file on the spot, and has a worker
 * thread copy it right after.
 *
 * In WAL mode the COMMIT that takes the log past 1000 pages also checkpoints it: copies every
 * page it touched into the database file, with syncs. After a 100k-row import that is about
 * 60 % of the COMMIT (~1–2 s on two cores) and the whole backend waits for it. Here the
 * COMMIT only appends to the log; the copy runs on the other core while the backend answers.
 * What is committed is equally safe either way: the log is part of the database until copied.
 * The handle's close waits for the worker.
 */
export function commitWithCheckpointBeside(handle: DbHandle): void {
  const { sqlite } = handle
  const autoCheckpoint = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number
  sqlite.pragma('wal_autocheckpoint = 0')
  try {
    sqlite.exec('COMMIT')
  } finally {
    sqlite.pragma(`wal_autocheckpoint = ${autoCheckpoint}`)
  }
  if (walPages(sqlite) < autoCheckpoint) return
  const work = checkpointInWorker(handle.file, handle.key).catch((error: unknown) =>
    // Nothing is lost: the next commit past the threshold, or closing, checkpoints instead.
    console.error('[db] background checkpoint failed', error),
  )
  handle.background.add(work)
  void work.finally(() => handle.background.delete(work))
}

/** Pages in the log not yet copied into the database file (a no-op checkpoint reports them). */
function walPages(sqlite: Sqlite): number {
  const [row] = sqlite.pragma('wal_checkpoint(NOOP)') as { log: number; checkpointed: number }[]
  return row ? row.log - row.checkpointed : 0
}

/** Checkpoints `file` from a worker thread's own connection (opened with `key` when encrypted). */
export function checkpointInWorker(file: string, key: string | undefined): Promise<void> {
  const workerData = {
    // Resolved here, as the backup thread does: the very driver the main thread loaded.
    driver: createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers'),
    file: path.resolve(file),
    keyPragma: key ? `key=${keyLiteral(key)}` : null,
  }
  return new Promise((resolve, reject) => {
    let reply: { ok: boolean; message?: string } | null = null
    const worker = new Worker(checkpointWorkerSource, { eval: true, workerData })
    worker.on('message', (message: { ok: boolean; message?: string }) => (reply = message))
    worker.once('error', reject)
    worker.once('exit', (exitCode) => {
      if (reply?.ok) resolve()
      const reason = reply?.message ?? `exit code ${exitCode}`
      reject(new Error(`checkpoint thread: ${key ? reason.split(key).join('***') : reason}`))
    })
  })
}
