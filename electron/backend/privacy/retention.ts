import type { RetentionCandidate } from '../../../shared/contract/privacy'
import { todayIso } from '../../../shared/domain/dates'
import type { BackendContext } from '../context'
import { notInvolvedSince } from '../db/repos/privacyRepo'

/** People with no involvement for `years` years: listed for the coordinator to review, never auto-deleted. */
export async function retentionReview(ctx: BackendContext, years: number, today = todayIso()): Promise<RetentionCandidate[]> {
  const cutoff = `${Number(today.slice(0, 4)) - years}${today.slice(4)}`
  const rows = await notInvolvedSince(ctx.db, cutoff)
  return rows.map((r) => ({
    contactId: r.contactId,
    displayName: `${r.familyName} ${r.givenName}`.trim(),
    lastInvolvedOn: r.lastInvolvedOn,
    visits: r.visits,
  }))
}
