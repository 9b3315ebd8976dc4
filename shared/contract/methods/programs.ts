import { z } from 'zod'
import type { ProgramSummary } from '../records'
import { fiscalYear } from '../schemaHelpers'
import { method } from './define'

/** Programs, their sessions and enrollments. */
export const programMethods = {
  'programs.list': method<ProgramSummary[]>()(z.object({ fiscalYear: fiscalYear.optional() }).strict()),
} as const
