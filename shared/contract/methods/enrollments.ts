import { z } from 'zod'
import type { EnrollmentList } from '../programs'
import { enrollmentRole, enrollmentStatus } from '../programs'
import { id } from '../schemaHelpers'
import { method } from './define'

/** Enrollments (申込・参加登録) of a program. Adding them is 'enrollments.add' (methods/programs.ts). */
export const enrollmentMethods = {
  'enrollments.list': method<EnrollmentList>()(z.object({ programId: id }).strict()),
  /** Moves enrollments to a status and/or role; the date of reaching a status is recorded. */
  'enrollments.update': method<{ updated: number }>()(
    z
      .object({
        ids: z.array(id).min(1).max(10000),
        patch: z.object({ status: enrollmentStatus, role: enrollmentRole }).partial().strict(),
      })
      .strict(),
  ),
  /** Removes enrollments entered by mistake (a 辞退 is a status, not a removal). Visits stay. */
  'enrollments.remove': method<{ removed: number }>()(z.object({ ids: z.array(id).min(1).max(10000) }).strict()),
} as const
