import { z } from 'zod'
import { method } from './define'

/** Long jobs (import commits): the client picks the job id, listens to job.progress, may cancel. */
export const jobMethods = {
  /**
   * Asks a running job to stop; it rolls back and its own call answers JOB_CANCELLED.
   * `running` is false when the job had already ended (or has not begun: it then stops at once).
   */
  'job.cancel': method<{ running: boolean }>()(z.object({ jobId: z.string().uuid() }).strict()),
} as const
