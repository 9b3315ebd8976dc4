import { normalizeForSearch } from '../kana'

/** The parts of a person that identify them, from a file row or from the database. */
export interface Identity {
  familyName: string | null
  givenName: string | null
  familyKana: string | null
  givenKana: string | null
  email: string | null
  phone: string | null
  birthDate: string | null
  birthYear: number | null
  municipalityCode: string | null
}

/** Lookup keys; each is indexed in the database (see migration 0004) so candidates are found without comparing all pairs. */
export interface IdentityKeys {
  email: string | null
  phone: string | null
  name: string | null
  kana: string | null
  /** The reading with family and given swapped: forms often get the order wrong. */
  kanaReversed: string | null
  nameReversed: string | null
}

const key = (s: string | null | undefined): string | null => {
  const k = normalizeForSearch(s ?? '')
  return k === '' ? null : k
}

/** The same keys the database computes (emails compared lower-case whole; phones as digits). */
export function identityKeys(p: Identity): IdentityKeys {
  return {
    email: p.email ? p.email.trim().toLowerCase() : null,
    phone: p.phone ? p.phone.replace(/\D/g, '') || null : null,
    name: key((p.familyName ?? '') + (p.givenName ?? '')),
    kana: key((p.familyKana ?? '') + (p.givenKana ?? '')),
    kanaReversed: p.givenKana ? key(p.givenKana + (p.familyKana ?? '')) : null,
    nameReversed: p.givenName ? key(p.givenName + (p.familyName ?? '')) : null,
  }
}

export interface MatchScore {
  /** 0–100: 100 is certain (same e-mail), ≥ 70 is proposed as a duplicate. */
  score: number
  reasons: string[]
  /**
   * The same e-mail or phone under another name (a family's landline or shared address): shown
   * for review, but someone else unless the user says otherwise (see defaultAction).
   */
  otherName?: true
}

export const DUPLICATE_THRESHOLD = 70
/** A match this strong (same e-mail, same phone) is the person: namesakes are not offered beside it. */
export const CERTAIN_SCORE = 95

/**
 * The score of the same name alone (no reading, no contact detail to compare). A person list
 * does not propose it (同姓同名 are common), but a sign-in sheet usually has nothing else: there,
 * a regular who signs in as 林 太郎 each time is the 林 太郎 already known, unless an e-mail or a
 * phone on both sides says otherwise (see likelySame).
 */
export const NAME_ONLY_SCORE = 60

/** Both sides have an e-mail, or both a phone, and they differ: two people, whatever the name. */
const contactsDiffer = (ka: IdentityKeys, kb: IdentityKeys) =>
  (ka.email !== null && kb.email !== null && ka.email !== kb.email) ||
  (ka.phone !== null && kb.phone !== null && ka.phone !== kb.phone)

/**
 * Whether a pair's score proposes it as a duplicate. Below the duplicate threshold (down to
 * `minScore`, for sign-in sheets) only when no e-mail or phone contradicts it.
 */
export function likelySame(score: number, ka: IdentityKeys, kb: IdentityKeys, minScore = DUPLICATE_THRESHOLD): boolean {
  if (score >= DUPLICATE_THRESHOLD) return true
  return score >= minScore && !contactsDiffer(ka, kb)
}

function birthAgrees(a: Identity, b: Identity): boolean | null {
  if (a.birthDate && b.birthDate) return a.birthDate === b.birthDate
  const ya = a.birthYear ?? (a.birthDate ? Number(a.birthDate.slice(0, 4)) : null)
  const yb = b.birthYear ?? (b.birthDate ? Number(b.birthDate.slice(0, 4)) : null)
  return ya !== null && yb !== null ? ya === yb : null
}

/**
 * How likely two records are the same person, with the reasons in Japanese for the review
 * screen. Contact details are strong evidence; a name alone is weak (同姓同名 are common),
 * and a different birth date or year counts against.
 */
export function matchScore(a: Identity, b: Identity): MatchScore {
  return matchScoreWithKeys(a, identityKeys(a), b, identityKeys(b))
}

/** matchScore with keys computed once per person: imports score each row against many candidates. */
export function matchScoreWithKeys(a: Identity, ka: IdentityKeys, b: Identity, kb: IdentityKeys): MatchScore {
  const reasons: string[] = []
  const score = scorePair(a, ka, b, kb, reasons)
  return sharesContactUnderOtherName(ka, kb) ? { score, reasons, otherName: true } : { score, reasons }
}

const sameContact = (ka: IdentityKeys, kb: IdentityKeys) =>
  (ka.email !== null && ka.email === kb.email) || (ka.phone !== null && ka.phone === kb.phone)

/**
 * Both named, neither name nor reading agreeing, even swapped. A name that begins the other
 * (林 stored with no 名, 林 一郎 in the file) is the same name completed, not another one.
 */
function namesDisagree(ka: IdentityKeys, kb: IdentityKeys): boolean {
  if (ka.name === null || kb.name === null) return false
  const agree =
    ka.name.startsWith(kb.name) ||
    kb.name.startsWith(ka.name) ||
    (ka.kana !== null && (ka.kana === kb.kana || ka.kana === kb.kanaReversed)) ||
    ka.name === kb.nameReversed
  return !agree
}

const sharesContactUnderOtherName = (ka: IdentityKeys, kb: IdentityKeys) => sameContact(ka, kb) && namesDisagree(ka, kb)

/**
 * What a row becomes when the user made no choice of its own (`best`: its best candidate's
 * match): the bulk choice, except when that candidate only shares an e-mail or phone under
 * another name. That is most often a family member (山田花子 on 山田太郎's landline), and
 * merging would fill his blanks with her birth date: such a row is registered as someone new
 * unless chosen otherwise on the row.
 */
export function defaultAction<A extends string>(best: { otherName?: true } | undefined, bulk: A): A | 'new' {
  if (!best) return 'new'
  return best.otherName ? 'new' : bulk
}

/**
 * The match a row's person is taken from: its best one that is a person — someone stored, or
 * an earlier row that became someone. An earlier row that wrote no one (an error, a skipped
 * row) is passed over: its repeats further down the file all name it as their best match, and
 * would otherwise each register the same person again.
 */
export function personMatch<M extends { contactId?: string; row?: number }>(
  duplicates: readonly M[],
  rowIsPerson: (row: number) => boolean,
): M | undefined {
  return duplicates.find((d) => d.contactId !== undefined || (d.row !== undefined && rowIsPerson(d.row)))
}

/**
 * The score alone, allocating nothing: an import scores every row against all its namesakes
 * and keeps only those at or above the threshold, so the reasons are written for those only.
 */
export function scoreWithKeys(a: Identity, ka: IdentityKeys, b: Identity, kb: IdentityKeys): number {
  return scorePair(a, ka, b, kb, null)
}

/** Scores a pair; writes the Japanese reasons into `reasons` when given one. */
function scorePair(a: Identity, ka: IdentityKeys, b: Identity, kb: IdentityKeys, reasons: string[] | null): number {
  let score = 0
  if (ka.email && ka.email === kb.email) {
    score = Math.max(score, 100)
    reasons?.push('メールアドレスが一致')
  }
  if (ka.phone && ka.phone === kb.phone) {
    score = Math.max(score, 95)
    reasons?.push('電話番号が一致')
  }
  const sameName = ka.name !== null && ka.name === kb.name
  const sameKana = ka.kana !== null && ka.kana === kb.kana
  const reversedKana = ka.kana !== null && ka.kana === kb.kanaReversed
  const reversedName = ka.name !== null && ka.name === kb.nameReversed
  if (sameName && sameKana) {
    score = Math.max(score, 75)
    reasons?.push('氏名とフリガナが一致')
  } else if (sameName) {
    score = Math.max(score, 60)
    reasons?.push('氏名が一致')
  } else if (sameKana) {
    score = Math.max(score, 55)
    reasons?.push('フリガナが一致')
  } else if (reversedKana || reversedName) {
    // Both the name and its reading swapped is as telling as both matching.
    score = Math.max(score, reversedKana && reversedName ? 75 : 55)
    reasons?.push('姓と名が入れ替わっている可能性')
  }
  // A family shares a phone or an e-mail: the same contact detail under another name (and
  // reading) is a candidate to look at, not the same person for certain.
  if (score >= 95 && namesDisagree(ka, kb)) {
    score = 80
    reasons?.push('氏名が異なる（家族などの可能性）')
  }
  const birth = birthAgrees(a, b)
  if (birth === true && score > 0 && score < 100) {
    score = Math.min(99, score + 20)
    reasons?.push('生年月日（生年）が一致')
  } else if (birth === false && score < 95) {
    score = Math.max(0, score - 40)
    reasons?.push('生年月日（生年）が異なる')
  }
  if (a.municipalityCode && a.municipalityCode === b.municipalityCode && score > 0 && score < 100) {
    score = Math.min(99, score + 10)
    reasons?.push('市区町村が一致')
  }
  return score
}

/**
 * Rows kept per lookup key, as the database probes keep 25 people per key (importRepo): a
 * sheet where thousands of rows share one reading (a placeholder フリガナ, a shared office
 * phone) must still cost one pass, not all pairs. Such a row still meets its first 25.
 */
const ROWS_PER_KEY = 25
/** Matches shown per row: the review screen offers the best few, not every namesake. */
const MATCHES_PER_ROW = 10

/**
 * Duplicates inside one file: each row's earlier rows that share a key and score at or above
 * the threshold. Uses a key index with bounded lists, so 100k rows cost about one pass.
 */
export function duplicatesWithinFile(
  people: readonly Identity[],
  /** Rows to look for earlier matches of (default all); every row is still a candidate for later ones. */
  wanted: (row: number) => boolean = () => true,
  /** Each person's identityKeys, when the caller has them already. */
  allKeys: readonly IdentityKeys[] = people.map(identityKeys),
  /** The lowest score proposed (see likelySame). */
  minScore = DUPLICATE_THRESHOLD,
): Map<number, { row: number; match: MatchScore }[]> {
  const index = {
    email: new Map<string, number[]>(),
    phone: new Map<string, number[]>(),
    name: new Map<string, number[]>(),
    kana: new Map<string, number[]>(),
  }
  const found = new Map<number, { row: number; match: MatchScore }[]>()
  const remember = (map: Map<string, number[]>, key: string | null, row: number) => {
    if (!key) return
    const list = map.get(key)
    if (!list) map.set(key, [row])
    else if (list.length < ROWS_PER_KEY) list.push(row)
  }
  people.forEach((person, row) => {
    const keys = allKeys[row]!
    if (wanted(row)) findEarlier(person, keys, row)
    remember(index.email, keys.email, row)
    remember(index.phone, keys.phone, row)
    remember(index.name, keys.name, row)
    remember(index.kana, keys.kana, row)
  })
  return found

  function findEarlier(person: Identity, keys: IdentityKeys, row: number): void {
    const candidates = new Set<number>()
    const collect = (map: Map<string, number[]>, key: string | null) => {
      if (key) for (const earlier of map.get(key) ?? []) candidates.add(earlier)
    }
    collect(index.email, keys.email)
    collect(index.phone, keys.phone)
    collect(index.name, keys.name)
    collect(index.name, keys.nameReversed)
    collect(index.kana, keys.kana)
    collect(index.kana, keys.kanaReversed)
    let likely: number[] | null = null
    for (const earlier of candidates) {
      const earlierKeys = allKeys[earlier]!
      if (likelySame(scoreWithKeys(person, keys, people[earlier]!, earlierKeys), keys, earlierKeys, minScore))
        (likely ??= []).push(earlier)
    }
    if (likely) {
      const matches = likely
        .map((earlier) => ({ row: earlier, match: matchScoreWithKeys(person, keys, people[earlier]!, allKeys[earlier]!) }))
        .sort((x, y) => y.match.score - x.match.score || x.row - y.row)
        .slice(0, MATCHES_PER_ROW)
      found.set(row, matches)
    }
  }
}
