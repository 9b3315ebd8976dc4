/**
 * しばらく会っていない人 (the dashboard's follow-up list): people who took part at least twice
 * and whose last visit is 12 to 36 months before the day the 年度 is seen as of
 * (fiscalYearAsOf), so a past 年度 lists who had gone quiet then. The home screen's hint
 * (home.followUpHint) states the same numbers to the coordinator.
 */
import { addMonths } from './dates'

export const FOLLOW_UP = { quietMonths: 12, activeMonths: 24, minVisits: 2, listed: 50 } as const

/** The last-visit window of the follow-up list: from `activeFrom` (inclusive) to `cutoff` (exclusive). */
export function followUpWindow(asOf: string): { activeFrom: string; cutoff: string } {
  const cutoff = addMonths(asOf, -FOLLOW_UP.quietMonths)
  return { activeFrom: addMonths(cutoff, -FOLLOW_UP.activeMonths), cutoff }
}
