import { normalizeKanaReading } from '../kana'
import { commonFamilyNames } from './familyNames'

export interface SplitName {
  family: string
  given: string
  /** True when the split point was guessed (no space in the name): worth a warning. */
  guessed: boolean
}

/** Spaces of either width, and the commas some people type between family and given names. */
const SPACE = /[\s\u3000,、，]+/

/**
 * Splits a full name into family and given names: at the first space if there is one;
 * otherwise at the longest known family name; otherwise by the typical length (2 + rest).
 * A known family name on its own is just that, with no given name.
 * A spaced reading splits the reading only (see splitKana): kana length says nothing
 * about how many kanji the family name has.
 */
export function splitFullName(fullName: string): SplitName {
  const trimmed = fullName.trim()
  if (trimmed === '') return { family: '', given: '', guessed: false }
  const parts = trimmed.split(SPACE)
  if (parts.length >= 2) return { family: parts[0]!, given: parts.slice(1).join(' '), guessed: false }
  // 「鈴木」 alone is a family name with no given name (a sign-in sheet's 「鈴木」), not 鈴 + 木.
  if (commonFamilyNames.has(trimmed)) return { family: trimmed, given: '', guessed: false }
  const chars = [...trimmed]
  for (let len = Math.min(4, chars.length - 1); len >= 1; len--) {
    const family = chars.slice(0, len).join('')
    if (commonFamilyNames.has(family)) return { family, given: chars.slice(len).join(''), guessed: true }
  }
  if (chars.length <= 1) return { family: trimmed, given: '', guessed: false }
  // Unknown family name: two characters is by far the most common length (1 + 1 for 2-character names).
  const familyLength = chars.length === 2 ? 1 : 2
  return { family: chars.slice(0, familyLength).join(''), given: chars.slice(familyLength).join(''), guessed: true }
}

/** A full reading split at its space (readings are usually typed with one); null when it has none. */
export function splitKana(fullKana: string): { family: string; given: string } | null {
  const parsed = normalizeKanaReading(fullKana)
  if (!parsed.ok) return null
  const parts = parsed.value.split(' ')
  if (parts.length < 2) return null
  return { family: parts[0]!, given: parts.slice(1).join('') }
}
