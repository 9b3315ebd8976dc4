import type { Database as Sqlite } from 'better-sqlite3'
import {
  duplicatesWithinFile,
  DUPLICATE_THRESHOLD,
  identityKeys,
  CERTAIN_SCORE,
  likelySame,
  matchScoreWithKeys,
  scoreWithKeys,
} from '../../../shared/domain/import/dedupe'
import type { IdentityKeys } from '../../../shared/domain/import/dedupe'
import type { PersonDraft } from '../../../shared/domain/import/personRow'
import { municipalityLabel } from '../../../shared/domain/localGov'
import { candidateFinder, storedKeys } from '../db/repos/importRepo'
import type { CandidateRow } from '../db/repos/importRepo'
import type { DuplicateMatch } from './contactsPreview'

const MATCHES_SHOWN = 10

const displayName = (p: { familyName: string | null; givenName: string | null }) =>
  `${p.familyName ?? ''} ${p.givenName ?? ''}`.trim()

/** What tells a stored person apart from their namesakes on the review screen. */
const detailOf = (c: CandidateRow) =>
  [
    c.email,
    c.phone,
    c.birthDate ?? (c.birthYear ? `${c.birthYear}年生` : null),
    c.municipalityCode && municipalityLabel(c.municipalityCode),
  ]
    .filter(Boolean)
    .join('・')

/**
 * The people each row may be, best first: people already in the database (indexed candidate
 * lookups, then the same scoring as the contacts import) and earlier rows of the same file.
 * Only matches at or above the duplicate threshold (or `minScore`, see likelySame) are returned.
 *
 * A row whose e-mail or phone finds someone is that person, so its namesakes (同姓同名, dozens
 * for a common name) are neither looked up nor scored, in the database or in the file: in a
 * re-imported master list that is most rows, and most of the preview's work.
 */
export function personMatches(
  sqlite: Sqlite,
  drafts: readonly PersonDraft[],
  /** The lowest score proposed: NAME_ONLY_SCORE for a sign-in sheet (see likelySame). */
  minScore = DUPLICATE_THRESHOLD,
): DuplicateMatch[][] {
  const find = candidateFinder(sqlite, { rows: drafts.length })
  // The same person is a candidate for many rows (common names): their keys are computed once
  // and kept on the finder's own row object (a WeakMap lookup per pair cost more than scoring).
  const keysOf = (c: CandidateRow) => (c.keys ??= identityKeys(c))
  const scored = (draft: PersonDraft, draftKeys: IdentityKeys, candidates: readonly CandidateRow[]) => {
    const found: DuplicateMatch[] = []
    for (const c of candidates) {
      const keys = keysOf(c)
      if (!likelySame(scoreWithKeys(draft, draftKeys, c, keys), draftKeys, keys, minScore)) continue
      found.push({
        contactId: c.id,
        name: displayName(c),
        detail: detailOf(c),
        match: matchScoreWithKeys(draft, draftKeys, c, keys),
      })
    }
    return found
  }
  const certain = new Set<number>()
  const allKeys = drafts.map(identityKeys)
  const inDb = drafts.map((draft, index) => {
    if (!draft.familyName && !draft.email && !draft.phone) return []
    const keys = storedKeys(draft)
    const draftKeys = allKeys[index]!
    const byContact = scored(draft, draftKeys, find({ ...keys, name: null, kana: null, kanaReversed: null, nameReversed: null }))
    if (byContact.some((m) => m.match.score >= CERTAIN_SCORE)) {
      certain.add(index)
      return byContact
    }
    return scored(draft, draftKeys, find(keys))
  })
  const inFile = duplicatesWithinFile(drafts, (row) => !certain.has(row), allKeys, minScore)
  return drafts.map((_draft, index) => {
    const earlier = (inFile.get(index) ?? []).map((d) => ({ row: d.row, name: displayName(drafts[d.row]!), match: d.match }))
    // The review screen offers the best few; a common name can have dozens of namesakes.
    return [...inDb[index]!, ...earlier].sort((a, b) => b.match.score - a.match.score).slice(0, MATCHES_SHOWN)
  })
}
