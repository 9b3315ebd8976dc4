import { personDraftFields } from './personRow'
import type { PersonDraft } from './personRow'

/**
 * What merging an import row into a person writes: every blank filled from the row, a value
 * that differs replaced only where the row chose the file's (`takeFromFile`). `before` and
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
  for (const f of personDraftFields) {
    const incoming = draft[f]
    if (incoming === null || incoming === existing[f]) continue
    // '' is how a missing 名 is stored (storedPersonValues): blank, so a later list fills it.
    if (existing[f] === null || existing[f] === '' || takeFromFile.includes(f)) {
      before[f] = existing[f]
      after[f] = incoming
      ;(updated as unknown as Record<string, unknown>)[f] = incoming
    }
  }
  return { before, after, updated }
}

/** A merge's changes as the audit log keeps them: field → [before, after]. */
export const mergeChanges = (before: Record<string, unknown>, after: Record<string, unknown>) =>
  Object.fromEntries(Object.keys(after).map((f) => [f, [before[f], after[f]]]))
