import fs from 'node:fs'
import SqliteDatabase from 'better-sqlite3-multiple-ciphers'
import { keyLiteral } from '../db/connection'

/**
 * Whether another process (the app, `serve`) has the database open. The app keeps it in WAL
 * mode, where every open connection holds a shared lock on the file: an exclusive lock is then
 * refused at once. Replacing the file under such a process would be silent data loss on
 * macOS/Linux (it goes on writing into the removed file) and a half-done restore on Windows.
 * Without a -shm file no connection has it open in WAL mode, and the file is not touched.
 */
export function databaseInUse(file: string, key?: string): boolean {
  if (!fs.existsSync(`${file}-shm`)) return false
  let sqlite: InstanceType<typeof SqliteDatabase>
  try {
    sqlite = new SqliteDatabase(file, { fileMustExist: true, timeout: 0 })
  } catch {
    return false // unreadable: the restore's own checks say why
  }
  try {
    if (key) sqlite.pragma(`key=${keyLiteral(key)}`)
    sqlite.pragma('locking_mode = EXCLUSIVE')
    sqlite.exec('BEGIN EXCLUSIVE')
    sqlite.exec('ROLLBACK')
    return false
  } catch (error) {
    return (error as { code?: string }).code?.startsWith('SQLITE_BUSY') === true
  } finally {
    sqlite.close()
  }
}
