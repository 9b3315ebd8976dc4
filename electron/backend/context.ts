import type { Kysely } from 'kysely'
import type { DbHandle } from './db/connection'
import type { Database } from './db/schema'
import type { EventBus } from './events'

/** What every handler and service may use. Built once per open database. */
export interface BackendContext {
  handle: DbHandle
  db: Kysely<Database>
  events: EventBus
  /** The local user's name, written into the audit log. */
  userName: string
  /** Where automatic backups go (default: `backups/` beside the database). */
  backupDir?: string
  /** Files the user chose in the desktop app's dialogs (absent in the browser door, tests and CLI). */
  files?: import('./files').FileGrants
  /** The open flow's state and door operations (set by openBackend). */
  safety?: import('./safety/door').SafetyDoor
}
