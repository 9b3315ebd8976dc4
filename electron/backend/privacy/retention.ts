import type { RetentionCandidate } from '../../../shared/contract/privacy'
import { todayIso } from '../../../shared/domain/dates'
import { prefectureByCode } from '../../../shared/domain/localGov'
import type { BackendContext } from '../context'
import { notInvolvedSince } from '../db/repos/privacyRepo'

/**
 * People with no involvement for `years` years, and those in the trash: listed for the
 * coordinator to review, never auto-deleted.
 */
export async function retentionReview(ctx: BackendContext, years: number, today = todayIso()): Promise<RetentionCandidate[]> {
  const cutoff = `${Number(today.slice(0, 4)) - years}${today.slice(4)}`
  const rows = await notInvolvedSince(ctx.db, cutoff)
  return rows.map((r) => ({
    contactId: r.contactId,
    displayName: `${r.familyName} ${r.givenName}`.trim(),
    // What tells namesakes apart (山田 愛 twice): their reading and prefecture.
    detail: [`${r.familyKana ?? ''} ${r.givenKana ?? ''}`.trim(), r.prefectureCode && prefectureByCode(r.prefectureCode)?.name]
      .filter(Boolean)
      .join('・'),
    inTrash: r.deletedAt !== null,
    lastInvolvedOn: r.lastInvolvedOn,
    visits: r.visits,
  }))
}
