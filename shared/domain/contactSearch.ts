import { normalizeForSearch } from './kana'

/** The fields the one search box looks through (participants page). */
export interface SearchableContact {
  familyName: string
  givenName: string
  familyKana: string | null
  givenKana: string | null
  email: string | null
  phone: string | null
  affiliation: string | null
  notes: string | null
}

/**
 * The stored search key: every searchable field through the same normalizer the query goes
 * through, so "ﾔﾏﾀﾞ" finds 山田 (ヤマダ) and "09012345678" finds "090-1234-5678". Full names
 * are joined (family+given) so "山田太郎" and "やまだたろう" match too. Fields are separated
 * by a character the normalizer never produces, so a query cannot match across two fields.
 */
export function contactSearchKey(c: SearchableContact): string {
  return [c.familyName + c.givenName, (c.familyKana ?? '') + (c.givenKana ?? ''), c.email, c.phone, c.affiliation, c.notes]
    .map((part) => normalizeForSearch(part ?? ''))
    .filter((part) => part !== '')
    .join('\u001f')
}
