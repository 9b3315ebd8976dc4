/**
 * The code of the thread that writes an encrypted backup (started by vacuumInWorker.ts).
 * It is a string run with `new Worker(source, { eval: true })` rather than a module file, so
 * the same text runs from the TypeScript sources (Vitest) and from the electron-vite bundle
 * (CLI, backend host) with no extra build entry or file to ship beside the bundle. Plain
 * CommonJS, because an eval'd worker is a script.
 *
 * It opens its own read-only connection with the key, which reads one committed snapshot of
 * the WAL database while the main connection keeps working, and runs VACUUM INTO there
 * (SQLite3 Multiple Ciphers writes the copy encrypted with the same key). The driver is
 * required by the absolute path the main thread resolved: the very module the main thread
 * loaded, wherever the process was started from (an eval'd worker resolves from the cwd).
 * What it posts back never holds the key: SQLite's messages do not quote the key pragma.
 */
export const vacuumWorkerSource = String.raw`
'use strict'
const { parentPort, workerData } = require('node:worker_threads')
const { driver, file, keyPragma, target } = workerData
let db
try {
  const Database = require(driver)
  db = new Database(file, { readonly: true, fileMustExist: true })
  if (keyPragma) db.pragma(keyPragma)
  db.pragma('busy_timeout = 5000')
  // The first read: a wrong or missing key fails here (SQLITE_NOTADB), before any copy.
  db.pragma('schema_version')
  db.prepare('VACUUM INTO ?').run(target)
  parentPort.postMessage({ ok: true })
} catch (error) {
  const message = error && error.message ? String(error.message) : String(error)
  parentPort.postMessage({ ok: false, code: (error && error.code) || null, message })
} finally {
  if (db && db.open) db.close()
}
`
