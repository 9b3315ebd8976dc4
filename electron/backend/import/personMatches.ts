import type { Database as Sqlite } from 'better-sqlite3'
import { duplicatesWithinFile, DUPLICATE_THRESHOLD, identityKeys, matchScoreWithKeys } from '../../../shared/domain/import/dedupe'
import type { IdentityKeys } from '../../../shared/domain/import/dedupe'
import type { PersonDraft } from '../../../shared/domain/import/personRow'
import { candidateFinder, storedKeys } from '../db/repos/importRepo'
import type { CandidateRow } from '../db/repos/importRepo'
import type { DuplicateMatch } from './contactsPreview'

const displayName = (p: { familyName: string | null; givenName: string | null }) =>
  `${p.familyName ?? ''} ${p.givenName ?? ''}`.trim()

/**
 * The people each row may be, best first: people already in the database (indexed candidate
 * lookups, then the same scoring as the contacts import) and earlier rows of the same file.
 * Only matches at or above the duplicate threshold are returned.
 */
export function personMatches(sqlite: Sqlite, drafts: readonly PersonDraft[]): DuplicateMatch[][] {
  const inFile = duplicatesWithinFile(drafts)
  const find = candidateFinder(sqlite)
  const candidateKeys = new Map<string, IdentityKeys>()
  const keysOf = (c: CandidateRow) => candidateKeys.get(c.id) ?? candidateKeys.set(c.id, identityKeys(c)).get(c.id)!
  return drafts.map((draft, index) => {
    const candidates = draft.familyName || draft.email || draft.phone ? find(storedKeys(draft)) : []
    const draftKeys = identityKeys(draft)
    const inDb = candidates
      .map((c) => ({ contactId: c.id, name: displayName(c), match: matchScoreWithKeys(draft, draftKeys, c, keysOf(c)) }))
      .filter((d) => d.match.score >= DUPLICATE_THRESHOLD)
    const earlier = (inFile.get(index) ?? []).map((d) => ({ row: d.row, name: displayName(drafts[d.row]!), match: d.match }))
    return [...inDb, ...earlier].sort((a, b) => b.match.score - a.match.score)
  })
}
