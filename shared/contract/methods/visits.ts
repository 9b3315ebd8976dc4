import type { Page } from '../listQuery'
import { listQuery } from '../listQuery'
import type { VisitRow } from '../records'
import { isoDate } from '../schemaHelpers'
import { method } from './define'

export const visitColumns = ['visitDate', 'mode', 'municipalityCode', 'nights', 'contactName', 'programName'] as const

/** Visits: one involvement of one person on one date. */
export const visitMethods = {
  'visits.list': method<Page<VisitRow>>()(listQuery(visitColumns).extend({ from: isoDate.optional(), to: isoDate.optional() })),
} as const
