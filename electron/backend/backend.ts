import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ApiError } from '../../shared/contract/errors'
import type { Client } from '../../shared/contract/client'
import type { EventName, EventPayloads } from '../../shared/contract/events'
import { doorMethodNames } from '../../shared/contract/methods/safety'
import type {
  BackupInfo,
  DatabaseState,
  FileBackupResult,
  FileRestoreResult,
  RestorePreview,
  RestoreResult,
  SafetyStatus,
} from '../../shared/contract/safety'
import type { BackendContext } from './context'
import { backgroundSettled, openDatabase } from './db/connection'
import type { DbHandle } from './db/connection'
import type { AuditSource } from './db/repos/auditRepo'
import { withAttached } from './db/repos/auditRepo'
import { erasuresMissing } from './privacy/reapplyErasures'
import { migrate, requireCurrentSchema } from './db/migrate'
import type { MigrationOutcome } from './db/migrate'
import { createDispatcher } from './dispatch'
import type { Dispatch, Reply } from './dispatch'
import { EventBus } from './events'
import { handlers } from './handlers/index'
import { fillDemoDatabase } from './demo/fillDemo'
import { backupToFolder, defaultBackupDir, hasBackupOfToday, listBackups, removePlainBackups } from './safety/backups'
import { fullCheckDue, lastFullCheckAt, recordFullCheck } from './safety/checkSchedule'
import type { FileGrants } from './files'
import type { RestoreOptions, SafetyDoor } from './safety/door'
import { inspectHandle } from './safety/integrity'
import { rekeyDatabase } from './safety/passphrase'
import { restoreDatabase } from './safety/restore'
import { takeBackup } from './safety/takeBackup'
import { grantedFile, grantedPath } from './files'
import { backupToChosenFile, looksPlain, restoreProblem, stageChosenFile } from './safety/fileTransfer'
import { passphraseChange, recordRestoreLine, recordSafetyAudit } from './safety/safetyAudit'
import type { ErasuresOutcome } from './safety/safetyAudit'
import { gateOf } from './jobs/writeGate'
import { DelayedTask } from './jobs/delayedTask'

/** A restore's outcome, with the replaced database's copy whose audit lines go on (null: it was damaged). */
type Replaced = Awaited<ReturnType<typeof restoreDatabase>> & { replaced: AuditSource | null }

/** What answers while a restore or a rekey replaces the connection (nothing there touches it). */
const answersWhileReplacing: readonly string[] = ['safety.status', 'safety.listBackups']

export interface BackendOptions {
  /** The database file; created (and migrated) if missing. */
  file: string
  /** Fill a newly created database with the demo data set. */
  demo?: boolean
  userName?: string
  backupDir?: string
  /** The passphrase of an encrypted database (or of a new one to create encrypted). */
  passphrase?: string
  /**
   * Open a locked (encrypted, no or wrong passphrase) or damaged database in a waiting state
   * where only the door methods (safety.status/unlock/listBackups/restore) answer, instead
   * of failing. The app and the HTTP door use this; tests and the CLI keep the plain throw.
   */
  degraded?: boolean
  /** Take the first-open-of-the-day backup (default true). */
  dailyBackup?: boolean
  /**
   * How long after the open the day's backup starts (default 0: at once). The app and the
   * browser door wait DAILY_BACKUP_DELAY_MS (safety/dailyBackupDelay.ts).
   */
  dailyBackupDelayMs?: number
  /**
   * Look without touching (the CLI's --dry-run): the file is opened read-only, never
   * migrated, backed up or marked as checked; one from an older version is refused.
   */
  readonly?: boolean
  /** Files granted by the desktop app's open/save dialogs, read by id (import.preview). */
  files?: FileGrants
}

export interface Backend {
  dispatch: Dispatch
  events: EventBus
  /** The open database's context (throws DB_LOCKED / DB_CORRUPT while the flow waits). */
  readonly context: BackendContext
  readonly migration: MigrationOutcome
  readonly state: DatabaseState
  /** The in-process door: the same dispatcher, for tests and the CLI. */
  client: Client
  /** Starts the open's background work now if it is waiting (the day's backup); resolves once it is done. */
  idle(): Promise<void>
  close(): Promise<void>
}

/** The open database with its context and dispatcher (not "session": in Kakehashi that is a program's 回). */
interface OpenDatabase {
  handle: DbHandle
  context: BackendContext
  dispatch: Dispatch
  migration: MigrationOutcome
}

export async function openBackend(options: BackendOptions): Promise<Backend> {
  const flow = new OpenFlow(options)
  await flow.start()
  return flow.backend
}

/**
 * The open flow: checks the file before writing to it, opens it (with its passphrase), runs
 * migrations behind a backup, and keeps one dispatcher for the backend's whole life that
 * answers only the door methods while the database is locked or damaged.
 */
class OpenFlow implements SafetyDoor {
  readonly events = new EventBus()
  readonly backupDir: string
  state: DatabaseState = 'locked'
  problem: string | null = null
  /** SQLite's own words about the damage, for support (shown folded on the recovery screen). */
  problemDetail: string | null = null
  opened: OpenDatabase | null = null
  /** The day's backup, waiting for its delay or running (see dailyBackupDelayMs). */
  dailyBackup: DelayedTask | null = null
  key: string | undefined
  readonly userName: string
  readonly doorDispatch: Dispatch
  /** A restore or a passphrase change is replacing the connection: other calls answer DB_BUSY. */
  replacing = false

  constructor(readonly options: BackendOptions) {
    this.backupDir = options.backupDir ?? defaultBackupDir(options.file)
    this.key = options.passphrase || undefined
    this.userName = options.userName ?? localUserName()
    this.doorDispatch = createDispatcher(handlers, this.doorContext())
  }

  async start(): Promise<void> {
    try {
      await this.openFile(this.key)
    } catch (error) {
      if (!this.options.degraded || !this.enterWaitingState(error)) throw error
    }
  }

  /** Locked or damaged instead of failing; false for errors the user cannot fix here. */
  enterWaitingState(error: unknown): boolean {
    if (!(error instanceof ApiError)) return false
    if (error.code === 'DB_LOCKED' || error.code === 'WRONG_PASSPHRASE') {
      this.state = 'locked'
      return true
    }
    if (error.code === 'DB_CORRUPT') {
      this.state = 'damaged'
      this.problem = String(error.details?.problem ?? error.message)
      const detail = error.details?.detail ?? error.details?.cause
      this.problemDetail = detail ? String(detail) : null
      return true
    }
    return false
  }

  async openFile(key: string | undefined): Promise<void> {
    const { file } = this.options
    const isNew = !fs.existsSync(file)
    let fullCheck = false
    if (!isNew) {
      // Read-only first: a damaged file is never written to (not even the WAL switch).
      const probe = openDatabase(file, { readonly: true, key })
      try {
        fullCheck = !this.options.readonly && fullCheckDue(file, this.backupDir)
        const inspection = inspectHandle(probe, fullCheck ? 'quick' : 'light', { counts: false })
        // Another app's file is not damage: restoring a backup over it would destroy that app's
        // data. Refused outright (the window then offers to open another file), nothing written.
        if (inspection.foreign)
          throw ApiError.from(
            'DB_UNREADABLE',
            { file },
            `${path.basename(file)} はかけはしのデータベースではありません。ほかのアプリのデータベースのようです。このファイルには何も書き込んでいません。かけはしのデータベースのファイルを開いてください。`,
          )
        if (!inspection.ok)
          throw ApiError.from('DB_CORRUPT', { file, problem: inspection.problem, detail: inspection.detail ?? null })
        if (fullCheck) recordFullCheck(file, this.backupDir)
      } finally {
        await probe.close()
      }
    }
    const readonly = this.options.readonly === true
    const handle = openDatabase(file, { key, readonly })
    try {
      const migration = readonly ? requireCurrentSchema(handle) : await migrate(handle, { backupDir: this.backupDir })
      if (isNew && this.options.demo) await fillDemoDatabase(handle)
      const context: BackendContext = {
        handle,
        db: handle.db,
        events: this.events,
        userName: this.userName,
        backupDir: this.backupDir,
        safety: this,
      }
      if (this.options.files) context.files = this.options.files
      this.opened = { handle, context, migration, dispatch: createDispatcher(handlers, context) }
    } catch (error) {
      await handle.close()
      if (isNew) removeDatabaseFiles(file) // never leave a half-made new file behind
      throw error
    }
    this.key = key
    this.state = 'open'
    this.problem = null
    this.problemDetail = null
    if (!isNew && !readonly && this.options.dailyBackup !== false && !hasBackupOfToday(this.backupDir, this.options.file)) {
      const context = this.opened.context
      this.dailyBackup = new DelayedTask(
        () =>
          takeBackup(context, 'daily').then(
            () => undefined,
            (error: unknown) => console.error('[safety] daily backup failed', error),
          ),
        this.options.dailyBackupDelayMs ?? 0,
      )
    }
  }

  readonly dispatch: Dispatch = async (method, args) => {
    if (this.replacing && !answersWhileReplacing.includes(method)) return { ok: false, error: ApiError.from('DB_BUSY').toJSON() }
    if (this.state !== 'open' && !doorMethodNames.includes(method)) return { ok: false, error: this.waitingError().toJSON() }
    const opened = this.opened
    const reply: Reply = await (opened?.dispatch ?? this.doorDispatch)(method, args)
    // Only the open connection's own answer tells of damage, not the door's refusal while none is open.
    const fromOpened = opened !== null && this.opened === opened
    if (
      !reply.ok &&
      reply.error.code === 'DB_CORRUPT' &&
      fromOpened &&
      this.state === 'open' &&
      !doorMethodNames.includes(method)
    ) {
      // Damage found while open: stop writing at once and offer the restore screen.
      this.problem = String(reply.error.details?.cause ?? reply.error.message)
      this.state = 'damaged'
      await this.closeFile()
    }
    return reply
  }

  /**
   * Runs a restore or a rekey, which close the connection and open another: the calls already
   * running finish first (the write gate), and until the new connection is open every other
   * call answers DB_BUSY instead of reaching a closed connection (or being taken for damage).
   */
  async replacingConnection<T>(work: () => Promise<T>): Promise<T> {
    if (this.replacing) throw ApiError.from('DB_BUSY')
    this.replacing = true
    try {
      const opened = this.opened
      return opened ? await gateOf(opened.handle).exclusive(work) : await work()
    } finally {
      this.replacing = false
    }
  }

  waitingError(): ApiError {
    return this.state === 'locked' ? ApiError.from('DB_LOCKED') : ApiError.from('DB_CORRUPT', { problem: this.problem })
  }

  /** Handlers of the door methods reach only `safety`; any database access answers the waiting error. */
  doorContext(): BackendContext {
    const refuse = () => {
      throw this.waitingError()
    }
    const guard = new Proxy({}, { get: refuse }) as never
    return { handle: guard, db: guard, events: this.events, userName: this.userName, backupDir: this.backupDir, safety: this }
  }

  /**
   * Before the connection closes or is replaced: the day's backup is dropped if it has not
   * started (the next open takes it) and awaited if it has.
   */
  async settleDailyBackup(): Promise<void> {
    await this.dailyBackup?.drop()
  }

  async closeFile(): Promise<void> {
    await this.settleDailyBackup()
    const opened = this.opened
    this.opened = null
    if (opened) await opened.handle.close()
  }

  // ---- SafetyDoor ----

  status(): SafetyStatus {
    const backups = listBackups(this.backupDir, this.options.file)
    const encrypted = this.opened ? this.opened.handle.encrypted : this.state === 'locked'
    return {
      state: this.state,
      databaseName: path.basename(this.options.file),
      problem: this.problem,
      problemDetail: this.problemDetail,
      encrypted,
      backupDir: this.backupDir,
      lastBackup: backups[0] ?? null,
      backupCount: backups.length,
      plainBackupCount: encrypted ? backups.filter((b) => !b.encrypted).length : 0,
      lastFullCheckAt: lastFullCheckAt(this.options.file, this.backupDir),
    }
  }

  async unlock(passphrase: string): Promise<SafetyStatus> {
    if (this.state === 'damaged') throw this.waitingError()
    if (this.state === 'locked') {
      try {
        await this.openFile(passphrase)
        this.events.emit('data.changed', { entity: 'setting' })
      } catch (error) {
        if (!(error instanceof ApiError && error.code === 'DB_CORRUPT' && this.enterWaitingState(error))) throw error
        // The file opened with this passphrase before its damage showed: a backup taken with
        // it can be restored without asking again.
        this.key = passphrase
      }
    }
    return this.status()
  }

  listBackups(): BackupInfo[] {
    return listBackups(this.backupDir, this.options.file)
  }

  restore(backupId: string, passphrase?: string, options: RestoreOptions = {}): Promise<RestoreResult> {
    return this.replacingConnection(() => this.restoreNow(backupId, passphrase, options))
  }

  /**
   * How many people the backup holds who were erased after it was made: the erasure lines of
   * this database's audit log the backup's log lacks, for people the backup has not erased.
   * The backup is only read (attached); one that today's passphrase cannot open answers null.
   */
  async restorePreview(backupId: string, passphrase?: string): Promise<RestorePreview> {
    if (!this.opened) throw this.waitingError()
    const backup = this.listBackups().find((b) => b.id === backupId)
    if (!backup) throw ApiError.from('NOT_FOUND', { backupId })
    const { db } = this.opened.context
    const source = { file: path.join(this.backupDir, backupId), key: backup.encrypted ? (passphrase ?? this.key) : undefined }
    try {
      const erasures = await withAttached(db, source, 'backup', () => erasuresMissing(db, 'main', 'backup', 'backup'))
      return { erasedSince: erasures.length }
    } catch {
      return { erasedSince: null }
    }
  }

  async restoreNow(backupId: string, passphrase?: string, options: RestoreOptions = {}): Promise<RestoreResult> {
    const restored = this.listBackups().find((b) => b.id === backupId)
    if (!restored) throw ApiError.from('NOT_FOUND', { backupId })
    const key = passphrase ?? this.key
    const source = path.join(this.backupDir, backupId)
    const outcome = await this.replaceWith(source, restored.encrypted ? key : undefined)
    const { previousKeptAt } = outcome
    const erasures = await this.recordRestore(
      { backup: restored.id, backupCreatedAt: restored.createdAt },
      outcome.replaced,
      options,
    )
    return { status: this.status(), restored, previousKeptAt, erasures }
  }

  restoreFromFile(fileId: string, passphrase?: string, options: RestoreOptions = {}): Promise<FileRestoreResult> {
    const chosen = grantedPath(this.options.files, fileId, 'read')
    return this.replacingConnection(async () => {
      const name = path.basename(chosen)
      const { staged, modifiedAt } = stageChosenFile(chosen, path.dirname(path.resolve(this.options.file)))
      try {
        // A plain copy opens without a key; an encrypted one with the passphrase given, else
        // today's (a copy made with the current passphrase needs none typed). Without either,
        // the check tells an encrypted copy (DB_LOCKED: asked for) from a file that is no database.
        const key = looksPlain(staged) ? undefined : (passphrase ?? this.key)
        const { source, previousKeptAt, replaced } = await this.replaceWith(staged, key)
        const counts = source.counts ?? { contacts: 0, visits: 0 }
        const erasures = await this.recordRestore({ file: name, fileModifiedAt: modifiedAt }, replaced, options)
        const restored = { name, schemaVersion: source.schemaVersion, counts, encrypted: key !== undefined }
        return { status: this.status(), restored, previousKeptAt, erasures }
      } catch (error) {
        throw restoreProblem(error, name)
      } finally {
        fs.rmSync(staged, { force: true })
      }
    })
  }

  /**
   * Puts a checked copy (written with `sourceKey`) in place of the database, keeping the current
   * file aside, and reopens. A restore brings back the data, not the passphrase setting of that
   * day: an encrypted database stays encrypted with today's passphrase, whichever copy is chosen.
   */
  async replaceWith(sourceFile: string, sourceKey: string | undefined): Promise<Replaced> {
    const { file } = this.options
    // Known unless locked: a damaged file was opened (probed) with this key, or with none.
    const settingKnown = this.state !== 'locked'
    const keepKey = this.key
    const currentDamaged = this.state === 'damaged'
    await this.closeFile()
    let outcome: Awaited<ReturnType<typeof restoreDatabase>>
    try {
      outcome = await restoreDatabase({
        target: file,
        source: sourceFile,
        key: sourceKey,
        currentKey: this.key,
        currentDamaged,
        backupCurrent: async () => {
          const current = openDatabase(file, { key: this.key })
          try {
            return path.join(this.backupDir, (await backupToFolder(current, this.backupDir, 'before-restore')).id)
          } finally {
            await current.close()
          }
        },
      })
    } catch (error) {
      // Nothing was replaced: reopen the untouched file as it was.
      await this.reopenAfterRestore(this.key)
      throw error
    }
    await this.reopenAfterRestore(sourceKey)
    if (settingKnown && this.opened && (keepKey ?? '') !== (sourceKey ?? '')) {
      await backgroundSettled(this.opened.handle)
      rekeyDatabase(this.opened.handle, keepKey ?? null)
      await this.closeFile()
      await this.reopenAfterRestore(keepKey)
    }
    for (const entity of ['contact', 'program', 'session', 'enrollment', 'visit', 'setting'] as const) {
      this.events.emit('data.changed', { entity })
    }
    // The healthy file's before-restore backup, under the passphrase it had: its audit lines go on.
    return { ...outcome, replaced: outcome.previousHealthy ? { file: outcome.previousKeptAt, key: keepKey } : null }
  }

  /**
   * The restore's audit line, written into the restored database once it is open (a line
   * written before would be rolled back to the copy's time with everything else), with the
   * replaced database's lines the copy lacks, before any other call can write. It says which
   * copy and when it was made; nothing about people.
   */
  async recordRestore(
    from: Record<string, string>,
    replaced: AuditSource | null,
    options: RestoreOptions,
  ): Promise<ErasuresOutcome> {
    const none = { reapplied: 0, broughtBack: 0 }
    if (!this.opened) return none
    try {
      const outcome = await recordRestoreLine(this.opened.context, from, replaced, {
        bringBackErased: options.bringBackErased === true,
      })
      if (outcome.reapplied > 0) this.events.emit('data.changed', { entity: 'contact' })
      return outcome
    } catch (error) {
      // The database is already replaced: reporting the restore as failed would be untrue.
      console.error('[safety] the restore could not be written to the audit log', error)
      return none
    }
  }

  /** Whatever happened, reopen what is there now; a file that cannot be opened puts the flow in its waiting state. */
  async reopenAfterRestore(key: string | undefined): Promise<void> {
    await this.openFile(key).catch((error: unknown) => {
      if (!this.enterWaitingState(error)) throw error
    })
  }

  removePlainBackups(): { removed: number; status: SafetyStatus } {
    // Only an encrypted database's: otherwise every backup is plain, and these are all there is.
    if (!this.opened?.handle.encrypted)
      throw ApiError.from('CONFLICT', {}, 'データベースが暗号化されていないため、削除しません。')
    const removed = removePlainBackups(this.backupDir, this.options.file)
    this.events.emit('data.changed', { entity: 'setting' })
    return { removed, status: this.status() }
  }

  async backupNow(): Promise<BackupInfo> {
    if (!this.opened) throw this.waitingError()
    return takeBackup(this.opened.context, 'manual')
  }

  async backupToFile(fileId: string): Promise<FileBackupResult> {
    if (!this.opened) throw this.waitingError()
    const grant = grantedFile(this.options.files, fileId, 'write')
    return backupToChosenFile(this.opened.handle, grant.path, grant.inDataFolder ? 'data-folder' : 'chosen')
  }

  setPassphrase(current: string | undefined, next: string | null): Promise<SafetyStatus> {
    return this.replacingConnection(() => this.setPassphraseNow(current, next))
  }

  async setPassphraseNow(current: string | undefined, next: string | null): Promise<SafetyStatus> {
    const opened = this.opened
    if (!opened) throw this.waitingError()
    if (opened.handle.encrypted && current !== this.key) throw ApiError.from('WRONG_PASSPHRASE')
    if (!opened.handle.encrypted && next === null) return this.status()
    await this.settleDailyBackup()
    await takeBackup(opened.context, 'before-passphrase')
    await backgroundSettled(opened.handle) // a checkpoint thread must not hold the log while it is rekeyed
    const wasEncrypted = opened.handle.encrypted
    rekeyDatabase(opened.handle, next)
    await this.closeFile()
    await this.openFile(next ?? undefined)
    // Before the fresh backup below, so that backup holds the line too.
    await recordSafetyAudit(this.opened!.context, 'update', { passphrase: passphraseChange(wasEncrypted, next) })
    // Backups keep the key they were written with; a fresh one under the new key is taken
    // now so the newest backup always opens with the current passphrase.
    await takeBackup(this.opened!.context, 'manual')
    this.events.emit('data.changed', { entity: 'setting' })
    return this.status()
  }

  get backend(): Backend {
    const flow = this
    return {
      dispatch: this.dispatch,
      events: this.events,
      get context() {
        if (!flow.opened) throw flow.waitingError()
        return flow.opened.context
      },
      get migration() {
        return flow.opened?.migration ?? { from: 0, to: 0, backupFile: null }
      },
      get state() {
        return flow.state
      },
      client: localClient(this.dispatch, this.events),
      idle: async () => {
        // What is left of the open's work, the day's backup included, is done now.
        await this.dailyBackup?.now()
      },
      close: () => this.closeFile(),
    }
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
