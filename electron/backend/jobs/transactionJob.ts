import { setImmediate as nextTurn } from 'node:timers/promises'
import { uuidv7 } from 'uuidv7'
import { ApiError } from '../../../shared/contract/errors'
import type { BackendContext } from '../context'
import { commitWithCheckpointBeside } from '../db/checkpointInWorker'
import { registerJob } from './jobRegistry'
import { gateOf } from './writeGate'

/**
 * A long write (an import commit) written as a generator: it does its writes and yields the
 * number of rows done so far every so often. The runner owns the transaction around it.
 * The generator must not open its own transaction (a nested better-sqlite3 `transaction()`
 * becomes a savepoint and is fine; Kysely's `db.transaction()` is not).
 */
export type TransactionWork<T> = Generator<number, T, void>

export interface TransactionJobOptions {
  /** Chosen by the caller so it can listen to job.progress and cancel before the call returns. */
  jobId?: string
  total: number
  label: string
  /**
   * Work that must see the database as it was before this job (the before-import backup).
   * Called once the transaction holds the write lock, before the job's first write; resolves
   * when that state is pinned. The job commits only after `finished` resolves and rolls back,
   * answering its error, if it rejects. A job that fails or is cancelled still waits for it.
   */
  beside?: () => Promise<{ finished: Promise<unknown> }>
}

/** How long the transaction works before it lets the event loop breathe (progress, a cancel). */
const SLICE_MS = 100
/** …or this many rows, whichever comes first (a cancel is heard soon even on a fast machine). */
const SLICE_ROWS = 1000
/** job.progress at most this often per job. */
const PROGRESS_MS = 100

/**
 * Runs `work` in ONE transaction: all of it is written or none of it. The work runs in slices
 * of about 100 ms; between slices the event loop turns, so progress events go out and a
 * `job.cancel` is heard. A cancel or any exception rolls the whole transaction back; a cancel
 * answers JOB_CANCELLED. While the transaction is open the connection's write gate holds every
 * other call, so nothing else is committed or rolled back with the job.
 */
export async function runTransactionJob<T>(
  ctx: BackendContext,
  options: TransactionJobOptions,
  work: () => TransactionWork<T>,
): Promise<T> {
  const jobId = options.jobId ?? uuidv7()
  const job = registerJob(jobId)
  const sqlite = ctx.handle.sqlite
  let lastProgress = 0
  const progress = (done: number) => ctx.events.emit('job.progress', { jobId, done, total: options.total, label: options.label })
  try {
    const result = await gateOf(ctx.handle).exclusive(async () => {
      if (job.cancelled) throw ApiError.from('JOB_CANCELLED', { jobId })
      sqlite.exec('BEGIN IMMEDIATE')
      let besideWork: { finished: Promise<unknown> } | null = null
      try {
        besideWork = options.beside ? await options.beside() : null
        // Sent when the writes begin: the first slice runs before the event loop turns again.
        progress(0)
        lastProgress = performance.now()
        const it = work()
        let done = 0
        for (;;) {
          const sliceEnd = performance.now() + SLICE_MS
          const sliceRows = done + SLICE_ROWS
          let step = it.next()
          while (!step.done && step.value < sliceRows && performance.now() < sliceEnd) {
            done = step.value
            step = it.next()
          }
          if (step.done) {
            if (besideWork) await besideWork.finished
            if (job.cancelled) throw ApiError.from('JOB_CANCELLED', { jobId })
            commitWithCheckpointBeside(ctx.handle)
            progress(options.total)
            return step.value
          }
          done = step.value
          if (performance.now() - lastProgress >= PROGRESS_MS) {
            progress(done)
            lastProgress = performance.now()
          }
          await nextTurn()
          if (job.cancelled) {
            it.return(undefined as never)
            throw ApiError.from('JOB_CANCELLED', { jobId })
          }
        }
      } catch (error) {
        if (sqlite.inTransaction) sqlite.exec('ROLLBACK')
        // The work beside (a backup being written) ends before the job answers: nothing of
        // the job is left running once it has (a closing backend, a test removing its folder).
        await besideWork?.finished.catch(() => undefined)
        throw error
      }
    })
    ctx.events.emit('job.finished', { jobId, ok: true })
    return result
  } catch (error) {
    const shape = error instanceof ApiError ? error : ApiError.from('INTERNAL')
    ctx.events.emit('job.finished', { jobId, ok: false, error: { code: shape.code, message: shape.message } })
    throw error
  } finally {
    job.done()
  }
}
