/**
 * Which jobs are running, so a `job.cancel` from any door reaches the right one. Job ids are
 * UUIDs chosen by the client, so one registry serves every open database.
 */
const running = new Map<string, { cancelled: boolean }>()

/**
 * Cancels that arrived before their job started (the user pressed 中止 while the backup before
 * an import was still being written). Kept few: a client cancels only jobs it just started.
 */
const early = new Set<string>()
const EARLY_LIMIT = 50

/** Registers a job; the returned flag turns true when someone cancels it. */
export function registerJob(jobId: string): { readonly cancelled: boolean; done(): void } {
  const control = { cancelled: early.delete(jobId) }
  running.set(jobId, control)
  return {
    get cancelled() {
      return control.cancelled
    },
    done: () => {
      if (running.get(jobId) === control) running.delete(jobId)
    },
  }
}

/** Asks a job to stop; true if it was running (false: it had already ended or not yet begun). */
export function cancelJob(jobId: string): boolean {
  const control = running.get(jobId)
  if (control) {
    control.cancelled = true
    return true
  }
  early.add(jobId)
  if (early.size > EARLY_LIMIT) early.delete(early.values().next().value!)
  return false
}
