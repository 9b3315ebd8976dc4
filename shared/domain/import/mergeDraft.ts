import { personDraftFields } from './personRow'
import type { PersonDraft } from './personRow'

/**
 * Fields that only make sense together, so a merge takes or leaves each group whole: a new
 * address under the old prefecture, or a birth date beside another birth year, describes no
 * one. Every other field stands alone.
 */
export const mergeUnits: readonly (readonly (keyof PersonDraft)[])[] = [
  ['postalCode', 'prefectureCode', 'municipalityCode', 'address'],
  ['birthDate', 'birthYear'],
]

/** The fields merged together with `field` (itself alone for most). */
export const unitOf = (field: keyof PersonDraft): readonly (keyof PersonDraft)[] =>
  mergeUnits.find((unit) => unit.includes(field)) ?? [field]

// '' is how a missing 名 is stored (storedPersonValues): blank, so a later list fills it.
const isBlank = (value: unknown) => value === null || value === undefined || value === ''
const digits = (value: unknown) => String(value).replace(/\D/g, '')
/**
 * Whether two values of a field say the same. Phones by their digits: duplicates are found
 * by digits, and 080-0065-5486 written as 0800-065-5486 is not another number to choose.
 */
const same = (a: unknown, b: unknown, f?: keyof PersonDraft) =>
  a === b || (isBlank(a) && isBlank(b)) || (f === 'phone' && !isBlank(a) && !isBlank(b) && digits(a) === digits(b))

/**
 * What merging an import row into a person writes: every blank filled from the row, a value
 * that differs replaced only where the row chose the file's (`takeFromFile`; see
 * differingFields) — and then its whole unit, the file's blanks included. `before` and
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
  const taken = new Set(takeFromFile.filter((f) => differing.has(f)).flatMap(unitOf))
  for (const f of personDraftFields) {
    const incoming = incomingValue(draft, f)
    if (same(incoming, existing[f], f)) continue
    if (differing.has(f) ? !taken.has(f) : incoming === null) continue
    before[f] = existing[f]
    after[f] = incoming
    ;(updated as unknown as Record<string, unknown>)[f] = incoming
  }
  return { before, after, updated }
}

/**
 * The fields a merge writes only if chosen (the review screen shows them side by side): every
 * field of a unit (see mergeUnits) in which the row has a value that differs from a stored
 * one — or, when the row puts the person in another prefecture, any part of the place (東京都
 * filled in with 粟島浦村 is no place at all). Listed are the unit's fields whose values
 * differ, blanks on either side included. Any other blank is filled.
 */
export function differingFields(existing: PersonDraft, draft: PersonDraft): (keyof PersonDraft)[] {
  const elsewhere = livesElsewhere(existing, draft)
  const conflicting = new Set<keyof PersonDraft>()
  for (const f of personDraftFields) {
    const incoming = incomingValue(draft, f)
    if (incoming === null || same(incoming, existing[f], f)) continue
    if (!isBlank(existing[f]) || (elsewhere && placeFields.has(f))) for (const g of unitOf(f)) conflicting.add(g)
  }
  return personDraftFields.filter((f) => conflicting.has(f) && !same(incomingValue(draft, f), existing[f], f))
}

/** The row's value of a field; its prefecture is also that of its municipality. */
const incomingValue = (draft: PersonDraft, f: keyof PersonDraft) => (f === 'prefectureCode' ? prefectureOf(draft) : draft[f])

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
