import { createRequire } from 'node:module'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { keyLiteral } from '../db/connection'
import { backupWorkerSource } from './backupWorkerSource'

type WorkerReply = { ok: true; problems: string[] } | { ok: false; code: string | null; message: string }
type WorkerMessage = WorkerReply | { pinned: true }

/**
 * Copies the database `file` to `target` from a worker thread with its own read-only
 * connection (opened with `key` when encrypted), then reads every page of the copy there
 * (quick_check). At 790 MB the copy and the check take seconds each; on the main thread they
 * held every backend call that long — the day's first open backed up while the first screen
 * loaded. The main thread only awaits; the copy holds the committed state as of the moment the
 * worker's read began. Resolves with quick_check's complaints (empty: every page is sound)
 * once the thread has exited (its connections closed); rejects with an Error whose message
 * names SQLite's error, never the key. `onPinned` is called once the copy's content is fixed:
 * what is committed after that is not in it.
 */
export function backupInWorker(
  file: string,
  key: string | undefined,
  target: string,
  onPinned: () => void = () => undefined,
): Promise<string[]> {
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
  return new Promise<string[]>((resolve, reject) => {
    let reply: WorkerReply | null = null
    let crash: Error | null = null
    const worker = new Worker(backupWorkerSource, { eval: true, workerData })
    worker.on('message', (message: WorkerMessage) => {
      if ('pinned' in message) onPinned()
      else reply = message
    })
    worker.once('error', (error) => (crash = error))
    worker.once('exit', (exitCode) => {
      if (reply?.ok) return resolve(reply.problems)
      const reason = reply ? `${reply.code ?? 'error'}: ${reply.message}` : String(crash ?? `exit code ${exitCode}`)
      reject(new Error(`backup thread: ${withoutKey(reason, key)}`))
    })
  })
}

/** Belt and braces: should a message ever quote the passphrase, it does not leave here. */
function withoutKey(text: string, key: string | undefined): string {
  return key ? text.split(key).join('***') : text
}
