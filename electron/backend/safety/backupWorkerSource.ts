/**
 * The code of the thread that writes and checks a backup (started by backupInWorker.ts). It is
 * a string run with `new Worker(source, { eval: true })` rather than a module file, so the same
 * text runs from the TypeScript sources (Vitest) and from the electron-vite bundle (CLI,
 * backend host) with no extra build entry or file to ship beside the bundle. Plain CommonJS,
 * because an eval'd worker is a script.
 *
 * It opens its own read-only connection, which reads one committed snapshot of the WAL
 * database while the main connection keeps working, and copies it: a plain database through
 * SQLite's online backup API, an encrypted one through VACUUM INTO (SQLite3 Multiple Ciphers
 * writes the copy encrypted with the same key; its backup API refuses an encrypted source with
 * an unkeyed destination). Then it reads every page of the copy (PRAGMA quick_check): at
 * 790 MB both steps take seconds, and here they hold nothing but this thread. The driver is
 * required by the absolute path the main thread resolved: the very module the main thread
 * loaded, wherever the process was started from (an eval'd worker resolves from the cwd).
 * What it posts back never holds the key: SQLite's messages do not quote the key pragma.
 *
 * It posts { pinned: true } once the copy's content is fixed, so that writes after that point
 * cannot be in it: for a plain database as soon as its read transaction has begun (the online
 * backup then copies that one snapshot, whatever other connections commit meanwhile); VACUUM
 * INTO cannot run inside a transaction, so an encrypted database is pinned when its copy is
 * written. An import starts its writes only after that message (backupBesideTransaction in takeBackup.ts).
 */
export const backupWorkerSource = String.raw`
'use strict'
const { parentPort, workerData } = require('node:worker_threads')
const { driver, file, keyPragma, target } = workerData
const Database = require(driver)

function open(path) {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  if (keyPragma) db.pragma(keyPragma)
  db.pragma('busy_timeout = 5000')
  // The first read: a wrong or missing key fails here (SQLITE_NOTADB), before any work.
  db.pragma('schema_version')
  return db
}

async function run() {
  const source = open(file)
  try {
    if (keyPragma) {
      source.prepare('VACUUM INTO ?').run(target)
      parentPort.postMessage({ pinned: true })
    } else {
      // A read transaction held across every step of the backup: one snapshot, never restarted.
      source.exec('BEGIN')
      source.prepare('SELECT count(*) FROM sqlite_schema').get()
      parentPort.postMessage({ pinned: true })
      await source.backup(target)
      source.exec('COMMIT')
    }
  } finally {
    source.close()
  }
  const copy = open(target)
  try {
    const problems = copy.pragma('quick_check').map((row) => String(Object.values(row)[0])).filter((m) => m !== 'ok')
    return problems.slice(0, 5)
  } finally {
    copy.close()
  }
}

run().then(
  (problems) => parentPort.postMessage({ ok: true, problems }),
  (error) => {
    const message = error && error.message ? String(error.message) : String(error)
    parentPort.postMessage({ ok: false, code: (error && error.code) || null, message })
  },
)
`
