import fs from 'node:fs'
import os from 'node:os'
import { ApiError } from '../../shared/contract/errors'
import type { Client } from '../../shared/contract/client'
import type { EventName, EventPayloads } from '../../shared/contract/events'
import type { BackendContext } from './context'
import { openDatabase } from './db/connection'
import { migrate } from './db/migrate'
import type { MigrationOutcome } from './db/migrate'
import { createDispatcher } from './dispatch'
import type { Dispatch } from './dispatch'
import { EventBus } from './events'
import { handlers } from './handlers/index'
import { fillDemoDatabase } from './demo/fillDemo'

export interface BackendOptions {
  /** The database file; created (and migrated) if missing. */
  file: string
  /** Fill a newly created database with the demo data set. */
  demo?: boolean
  userName?: string
  backupDir?: string
}

export interface Backend {
  dispatch: Dispatch
  events: EventBus
  context: BackendContext
  migration: MigrationOutcome
  /** The in-process door: the same dispatcher, for tests and the CLI. */
  client: Client
  close(): Promise<void>
}

export async function openBackend(options: BackendOptions): Promise<Backend> {
  const isNew = !fs.existsSync(options.file)
  const handle = openDatabase(options.file)
  try {
    const migration = await migrate(handle, { backupDir: options.backupDir })
    if (isNew && options.demo) await fillDemoDatabase(handle)
    const events = new EventBus()
    const context: BackendContext = { handle, db: handle.db, events, userName: options.userName ?? localUserName() }
    const dispatch = createDispatcher(handlers, context)
    return { dispatch, events, context, migration, client: localClient(dispatch, events), close: () => handle.close() }
  } catch (error) {
    await handle.close()
    if (isNew) removeDatabaseFiles(options.file) // never leave a half-made new file behind
    throw error
  }
}

export function localClient(dispatch: Dispatch, events: EventBus): Client {
  return {
    async call(method, args) {
      const reply = await dispatch(method, args)
      if (!reply.ok) throw new ApiError(reply.error)
      return reply.result as never
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) {
      return events.subscribe((e) => {
        if (e.event === event) listener(e.payload as EventPayloads[E])
      })
    },
  }
}

function localUserName(): string {
  try {
    return os.userInfo().username
  } catch {
    return 'unknown'
  }
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
}
