import { createRequire } from 'node:module'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { keyLiteral } from '../db/connection'
import { vacuumWorkerSource } from './vacuumWorkerSource'

type WorkerReply = { ok: true } | { ok: false; code: string | null; message: string }

/**
 * Writes `VACUUM INTO target` of the database `file` from a worker thread with its own
 * read-only connection opened with `key`. The copy of a large encrypted database takes seconds
 * (most of the 12 s a backup took at 790 MB), and on the main connection VACUUM INTO is one
 * synchronous call that would hold every backend call that long. Here the main thread only
 * awaits; the copy holds the committed state as of the moment the worker's read began.
 * Settles when the thread has exited (its connection closed); rejects with an Error whose
 * message names SQLite's error, never the key.
 */
export function vacuumIntoInWorker(file: string, key: string | undefined, target: string): Promise<void> {
  // Resolved here, not in the worker: from this module the driver is found wherever the code
  // runs from (sources, out/main bundle), while an eval'd worker would resolve from the cwd.
  // Should openDatabase ever load another build of the driver (`nativeBinding`), so must this.
  const driver = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers')
  const workerData = {
    driver,
    file: path.resolve(file),
    target: path.resolve(target),
    keyPragma: key ? `key=${keyLiteral(key)}` : null,
  }
  return new Promise<void>((resolve, reject) => {
    let reply: WorkerReply | null = null
    let crash: Error | null = null
    const worker = new Worker(vacuumWorkerSource, { eval: true, workerData })
    worker.once('message', (message: WorkerReply) => (reply = message))
    worker.once('error', (error) => (crash = error))
    worker.once('exit', (exitCode) => {
      if (reply?.ok) return resolve()
      const reason = reply ? `${reply.code ?? 'error'}: ${reply.message}` : String(crash ?? `exit code ${exitCode}`)
      reject(new Error(`backup thread: ${withoutKey(reason, key)}`))
    })
  })
}

/** Belt and braces: should a message ever quote the passphrase, it does not leave here. */
function withoutKey(text: string, key: string | undefined): string {
  return key ? text.split(key).join('***') : text
}
