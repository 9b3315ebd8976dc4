/**
 * Kana and character-width handling.
 *
 * Names reach Kakehashi from paper sign-in sheets, Google Forms, old Excel files and
 * phones, so the same person shows up as 「やまだ」「ヤマダ」「ﾔﾏﾀﾞ」 or 「ヤ マ ダ」.
 * Search and duplicate detection must see through those differences; stored
 * values keep what the person typed (see contactFields.ts) except where a field has
 * one correct form (フリガナ is always full-width katakana).
 */
import { fail, ok, type Parsed } from './result'

/** Hiragana and katakana blocks are parallel, 0x60 code points apart. */
const KANA_BLOCK_OFFSET = 0x60

/**
 * Hiragana → katakana. Covers ぁ–ゖ (so ゔ→ヴ, ゕ→ヵ, ゖ→ヶ) and the iteration marks
 * ゝゞ→ヽヾ. Everything else, including ー and kanji, is left alone.
 */
export function toKatakana(s: string): string {
  return s.replace(/[\u3041-\u3096\u309D\u309E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + KANA_BLOCK_OFFSET))
}

/**
 * Katakana → hiragana, the reverse of {@link toKatakana}. ヷヸヹヺ have no precomposed
 * hiragana and stay katakana.
 */
export function toHiragana(s: string): string {
  return s.replace(/[\u30A1-\u30F6\u30FD\u30FE]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - KANA_BLOCK_OFFSET))
}

/**
 * Width normalization: Unicode NFKC, after turning the spacing voiced marks ゛゜
 * (U+309B/U+309C) into their combining forms.
 *
 * What NFKC does to the text we see in this app:
 * - full-width ASCII → ASCII (ＡＢＣ１２３＠－ → ABC123@-), ideographic space → space;
 * - half-width katakana → full-width, with ﾞﾟ composed (ｶﾞ → ガ, ﾊﾟ → パ, ｳﾞ → ヴ, ｰ → ー);
 * - kana + combining mark → precomposed (か+U+3099 → が);
 * - compatibility characters are spelled out: ①→1, ㈱→(株), ㍻→平成, ～→~, …→...;
 * - CJK compatibility ideographs that have a canonical mapping become the unified
 *   character (U+FA19 神 → 神). 﨑 (U+FA11) and 髙 (U+9AD9) are NOT touched.
 * That last point is the only one that can change how a name looks, which is why
 * stored person names do not go through this function (see normalizePersonName);
 * for search keys, フリガナ, e-mail, phone and codes it is exactly what we want.
 *
 * The spacing marks are converted first because NFKC maps 「゛」 to "space + combining
 * mark", which would leave 「カ゛」 as 「カ ゙」 instead of 「ガ」.
 */
export function normalizeWidth(s: string): string {
  return s
    .replace(/\u309B/g, '\u3099')
    .replace(/\u309C/g, '\u309A')
    .normalize('NFKC')
}

/** Whitespace, plus the zero-width characters that ride along when text is copied from web pages. */
const SPACES = /[\s\u200B-\u200D\u2060\uFEFF]+/gu

/**
 * Whitespace, zero-width and control characters: none of them carry meaning in a search
 * key, and dropping controls means a key never contains one, so callers may join several
 * keys with a control character (contactSearch.ts uses U+001F) without false matches.
 */
const NOT_IN_SEARCH_KEYS = /[\s\u0000-\u001F\u007F-\u009F\u200B-\u200D\u2060\uFEFF]+/gu

/** Hyphen look-alikes left after NFKC (which has already turned － and ﹣ into "-"). */
const HYPHENS = /[-\u2010-\u2015\u2043\u2212]/g

/**
 * ー typed as a hyphen in numbers and codes (IMEs produce it for "-" in kana mode:
 * 「090ー1234ー5678」). Between kana it is the long vowel of スーパー and must stay.
 */
const CHOON_BETWEEN_ALNUM = /(?<=[0-9a-z])ー+(?=[0-9a-z])/g

/**
 * The ONE search-key normalizer. Use it both when storing a search key and when
 * turning a query into one, so the two always agree.
 *
 * Steps: width-normalize (NFKC, see {@link normalizeWidth}) → lowercase → drop all
 * whitespace and control characters → hiragana to katakana → fold ヶ/ヵ into ケ/カ (「六ヶ所」「六ケ所」 are the
 * same place, 「一ヶ谷」「一ケ谷」 the same family) → drop hyphens, and ー between
 * digits or latin letters.
 *
 * Examples: やまだ / ﾔﾏﾀﾞ / ヤ マ ダ → ヤマダ; 090-1234-5678 / ０９０ー１２３４ー５６７８ →
 * 09012345678; ＡＢＣ → abc; ｽｰﾊﾟｰ → スーパー.
 * It does not fold kanji variants (髙/高, 﨑/崎): those are different characters to
 * the people who own them, and guessing would create false duplicates.
 */
export function normalizeForSearch(s: string): string {
  return toKatakana(normalizeWidth(s).toLowerCase().replace(NOT_IN_SEARCH_KEYS, ''))
    .replace(/ヶ/g, 'ケ')
    .replace(/ヵ/g, 'カ')
    .replace(CHOON_BETWEEN_ALNUM, '')
    .replace(HYPHENS, '')
}

/**
 * What a フリガナ may contain once normalized: full-width katakana ァ–ヺ, ・ and ー
 * (both inside U+30A1–U+30FE together with ヽヾ), the ＝ of foreign names, and single
 * half-width spaces.
 */
const KANA_READING = /^[\u30A1-\u30FE＝ ]+$/

const KANA_READING_MESSAGE = 'フリガナはひらがなかカタカナで入力してください'

/**
 * Normalizes a フリガナ field to full-width katakana.
 *
 * Accepts hiragana, katakana, half-width katakana, ー, ・, ＝ (also = and the katakana
 * double hyphen ゠) and spaces of either width. Runs of spaces become one half-width
 * space (the person chose to separate words, we keep that) and the ends are trimmed.
 * Kanji, latin letters and digits are rejected: a reading is what sorts and searches
 * the roster, so it has to be kana. Empty input is fine (the field is optional).
 */
export function normalizeKanaReading(input: string): Parsed<string> {
  const reading = toKatakana(normalizeWidth(input)).replace(/[=゠]/g, '＝').replace(SPACES, ' ').trim()
  if (reading === '') return ok('')
  if (!KANA_READING.test(reading)) return fail(KANA_READING_MESSAGE)
  return ok(reading)
}

/**
 * True when `s` is a non-empty kana reading, i.e. exactly what
 * {@link normalizeKanaReading} would accept (any width, either script, with ー ・ ＝
 * and spaces). Lets callers decide whether a query can be matched against readings.
 */
export function isKanaOnly(s: string): boolean {
  const parsed = normalizeKanaReading(s)
  return parsed.ok && parsed.value !== ''
}
