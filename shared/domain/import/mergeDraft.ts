import { personDraftFields } from './personRow'
import type { PersonDraft } from './personRow'

/**
 * What merging an import row into a person writes: every blank filled from the row, a value
 * that differs replaced only where the row chose the file's (`takeFromFile`; see
 * differingFields). `before` and
 * `after` hold just the changed fields (for undo and the audit log); `updated` is the person
 * after the merge. Used by the contacts and the visits import alike.
 */
export function mergedValues<T extends PersonDraft>(
  existing: T,
  draft: PersonDraft,
  takeFromFile: readonly (keyof PersonDraft)[] = [],
): { before: Record<string, unknown>; after: Record<string, unknown>; updated: T } {
  const before: Record<string, unknown> = {}
  const after: Record<string, unknown> = {}
  const updated: T = { ...existing }
  const differing = new Set(differingFields(existing, draft))
  for (const f of personDraftFields) {
    const incoming = draft[f]
    if (incoming === null || incoming === existing[f]) continue
    if (differing.has(f) && !takeFromFile.includes(f)) continue
    before[f] = existing[f]
    after[f] = incoming
    ;(updated as unknown as Record<string, unknown>)[f] = incoming
  }
  return { before, after, updated }
}

/**
 * The fields where the row has a value that a merge writes only if chosen (the review screen
 * shows them side by side): a stored value that differs, and — when the row puts the person in
 * another prefecture — every part of the place, blank or not (東京都 filled in with 粟島浦村
 * is no place at all). Any other blank is filled.
 */
export function differingFields(existing: PersonDraft, draft: PersonDraft): (keyof PersonDraft)[] {
  const elsewhere = livesElsewhere(existing, draft)
  return personDraftFields.filter((f) => {
    const incoming = draft[f]
    const stored = existing[f]
    if (incoming === null || incoming === stored) return false
    // '' is how a missing 名 is stored (storedPersonValues): blank, so a later list fills it.
    const blank = stored === null || stored === ''
    return !blank || (elsewhere && placeFields.has(f))
  })
}

/** The fields that together say where someone lives. */
const placeFields = new Set<keyof PersonDraft>(['postalCode', 'prefectureCode', 'municipalityCode', 'address'])

/** The prefecture a person's place lies in: given, or the first two digits of the municipality. */
const prefectureOf = (p: PersonDraft) => p.prefectureCode ?? p.municipalityCode?.slice(0, 2) ?? null

/** The row puts the person in another prefecture than the one stored. */
function livesElsewhere(existing: PersonDraft, draft: PersonDraft): boolean {
  const stored = prefectureOf(existing)
  const incoming = prefectureOf(draft)
  return stored !== null && incoming !== null && stored !== incoming
}

/** A merge's changes as the audit log keeps them: field → [before, after]. */
export const mergeChanges = (before: Record<string, unknown>, after: Record<string, unknown>) =>
  Object.fromEntries(Object.keys(after).map((f) => [f, [before[f], after[f]]]))
