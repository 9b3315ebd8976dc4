import type { Database as Sqlite } from 'better-sqlite3'
import { duplicatesWithinFile, DUPLICATE_THRESHOLD, identityKeys, matchScoreWithKeys, scoreWithKeys } from '../../../shared/domain/import/dedupe'
import type { PersonDraft } from '../../../shared/domain/import/personRow'
import { candidateFinder, storedKeys } from '../db/repos/importRepo'
import type { CandidateRow } from '../db/repos/importRepo'
import type { DuplicateMatch } from './contactsPreview'

const MATCHES_SHOWN = 10

const displayName = (p: { familyName: string | null; givenName: string | null }) =>
  `${p.familyName ?? ''} ${p.givenName ?? ''}`.trim()

/**
 * The people each row may be, best first: people already in the database (indexed candidate
 * lookups, then the same scoring as the contacts import) and earlier rows of the same file.
 * Only matches at or above the duplicate threshold are returned.
 */
export function personMatches(sqlite: Sqlite, drafts: readonly PersonDraft[]): DuplicateMatch[][] {
  const inFile = duplicatesWithinFile(drafts)
  const find = candidateFinder(sqlite, { rows: drafts.length })
  // The same person is a candidate for many rows (common names): their keys are computed once
  // and kept on the finder's own row object (a WeakMap lookup per pair cost more than scoring).
  const keysOf = (c: CandidateRow) => (c.keys ??= identityKeys(c))
  return drafts.map((draft, index) => {
    const candidates = draft.familyName || draft.email || draft.phone ? find(storedKeys(draft)) : []
    const draftKeys = identityKeys(draft)
    const inDb: DuplicateMatch[] = []
    for (const c of candidates) {
      const keys = keysOf(c)
      if (scoreWithKeys(draft, draftKeys, c, keys) < DUPLICATE_THRESHOLD) continue
      inDb.push({ contactId: c.id, name: displayName(c), match: matchScoreWithKeys(draft, draftKeys, c, keys) })
    }
    const earlier = (inFile.get(index) ?? []).map((d) => ({ row: d.row, name: displayName(drafts[d.row]!), match: d.match }))
    // The review screen offers the best few; a common name can have dozens of namesakes.
    return [...inDb, ...earlier].sort((a, b) => b.match.score - a.match.score).slice(0, MATCHES_SHOWN)
  })
}
