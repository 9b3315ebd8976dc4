import { z } from 'zod'
import type { Program } from '../programs'
import { programCreate, programPatch } from '../programs'
import type { ProgramSummary } from '../records'
import { fiscalYear, id } from '../schemaHelpers'
import { enrollmentRoles, enrollmentStatuses } from '../../domain/vocabulary'
import { method } from './define'

/** What enrolling a batch of people did; `enrolledAfter` counts non-withdrawn enrollments, for the capacity warning. */
export interface EnrollmentsAddResult {
  added: number
  alreadyEnrolled: number
  capacity: number | null
  enrolledAfter: number
}

/** Programs, their sessions and enrollments. */
export const programMethods = {
  'programs.list': method<ProgramSummary[]>()(z.object({ fiscalYear: fiscalYear.optional() }).strict()),
  /** Fiscal years that have programs, newest first. */
  'programs.fiscalYears': method<number[]>()(z.object({}).strict()),
  'programs.get': method<Program>()(z.object({ id }).strict()),
  'programs.create': method<Program>()(z.object({ fields: programCreate }).strict()),
  'programs.update': method<Program>()(z.object({ id, patch: programPatch }).strict()),
  /** Soft delete; its sessions, enrollments and visits stay for the records. */
  'programs.delete': method<{ deleted: boolean }>()(z.object({ id }).strict()),
  /** Next year's edition: same fields and sessions shifted by a year (same weekday), no people. */
  'programs.copyToNextYear': method<Program>()(z.object({ id }).strict()),
  /** Enroll many people at once (the participants grid's bulk action, or search on the program page). */
  'enrollments.add': method<EnrollmentsAddResult>()(
    z
      .object({
        programId: id,
        contactIds: z.array(id).min(1).max(10000),
        status: z.enum(enrollmentStatuses.codes).default('applied'),
        role: z.enum(enrollmentRoles.codes).default('learner'),
      })
      .strict(),
  ),
} as const
