import { z } from 'zod'
import type { SessionMode } from '../../domain/vocabulary'
import { fiscalYear } from '../schemaHelpers'
import { method } from './define'

/**
 * A fiscal year at a glance. Every count comes from visit records only (registration never
 * counts), the same definitions the reports use: 実人数 = distinct people with ≥ 1 visit,
 * 延べ = visit records. Anonymous headcounts are reported apart and never as people.
 */
export interface Dashboard {
  fiscalYear: number
  /** The day the figures are counted up to: today in the current year, March 31 for a past one. */
  asOf: string
  uniquePeople: number
  /** People whose first visit ever falls in this fiscal year. */
  newPeople: number
  totalInvolvements: number
  onsite: number
  online: number
  nights: number
  /** Online visits ÷ all visits (0 when there are none). */
  onlineShare: number
  /** Sum of the anonymous headcounts of this year's sessions: not people, never added to the above. */
  anonymousHeadcount: number
  /** April … March, 延べ onsite and online per month. */
  months: { month: string; onsite: number; online: number }[]
  upcomingSessions: {
    id: string
    programId: string
    programName: string
    date: string
    time: string
    place: string | null
    mode: SessionMode
    expected: number
  }[]
  /** Last seen 12–36 months before asOf with 2+ involvements in all: active before, not seen since. */
  followUp: {
    total: number
    cutoff: string
    people: { contactId: string; name: string; kana: string | null; lastVisit: string; visits: number }[]
  }
}

export const dashboardMethods = {
  'dashboard.get': method<Dashboard>()(z.object({ fiscalYear: fiscalYear.optional() }).strict()),
} as const
