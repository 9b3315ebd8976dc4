/**
 * Normalizers for the contact fields of a person record, one per field.
 *
 * Each takes what the coordinator typed or pasted (from a paper sheet, a Google Form
 * export, an old Excel list) and returns the one stored form, or a short Japanese
 * message to show beside the field. Empty input is always ok(''): every one of these
 * fields is optional, and "required" is the form's decision, not the field's.
 * Codes, phone numbers and postal codes stay strings so leading zeros survive.
 * (zod schemas elsewhere wrap these; they stay free of zod so both processes can use them.)
 */
import { normalizeWidth } from './kana'
import {
  isValidLocalGovCode,
  localGovCheckDigit,
  municipalityByCode,
  prefectureByCode,
  prefectureByName,
  type Prefecture,
} from './localGov'
import { fail, ok, type Parsed } from './result'

/**
 * The longest text each free-text field of a person takes (characters), the same for the
 * forms, the grid and the import: a list never stores what the app would refuse.
 */
export const contactTextLimits = {
  familyName: 100,
  givenName: 100,
  familyKana: 100,
  givenKana: 100,
  address: 300,
  occupation: 100,
  affiliation: 200,
  firstContact: 200,
  notes: 5000,
} as const

const SPACES = /[\s\u200B-\u200D\u2060\uFEFF]+/gu
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g
/** Hyphen look-alikes after NFKC, plus the ー a kana-mode IME types for "-". */
const DASHES = /[\u2010-\u2015\u2043\u2212ー]/g

// ---------------------------------------------------------------------------
// E-mail

const EMAIL_MESSAGE = 'メールアドレスの形式が正しくありません（例: hanako@example.jp）'

/** Letters (including internationalized domains), digits and inner hyphens. */
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u
const TOP_LEVEL_DOMAIN = /^\p{L}{2,}$/u
/** Characters that only appear in a "local part" when two addresses or a display name were pasted. */
const LOCAL_PART_FORBIDDEN = /[<>()[\]\\,;:"]/

/**
 * Pragmatic e-mail check, not RFC 5322: one @, something before it, a domain with a
 * dot and a real-looking top-level label, no spaces. Full-width input (ｈａｎａｋｏ＠…)
 * is narrowed. Only the domain is lowercased, because the local part is
 * case-sensitive in principle. Dots in odd places before the @ are allowed on purpose:
 * old docomo and au addresses like "taro..abc.@docomo.ne.jp" exist and receive mail.
 */
export function normalizeEmail(input: string): Parsed<string> {
  const email = normalizeWidth(input).replace(ZERO_WIDTH, '').trim()
  if (email === '') return ok('')
  if (/\s/.test(email)) return fail(EMAIL_MESSAGE)
  const parts = email.split('@')
  if (parts.length !== 2) return fail(EMAIL_MESSAGE)
  const [local, domain] = parts
  if (local === '' || LOCAL_PART_FORBIDDEN.test(local)) return fail(EMAIL_MESSAGE)
  const labels = domain.toLowerCase().split('.')
  if (labels.length < 2 || !labels.every((l) => DOMAIN_LABEL.test(l))) return fail(EMAIL_MESSAGE)
  if (!TOP_LEVEL_DOMAIN.test(labels[labels.length - 1])) return fail(EMAIL_MESSAGE)
  return ok(`${local}@${labels.join('.')}`)
}

// ---------------------------------------------------------------------------
// Phone

const PHONE_MESSAGE = '電話番号は0から始まる10桁または11桁で入力してください'
const MOBILE_LENGTH_MESSAGE = '携帯電話・IP電話の番号は11桁です（例: 090-1234-5678）'
const LANDLINE_LENGTH_MESSAGE = '固定電話の番号は市外局番から10桁です（例: 03-1234-5678）'

/** 10-digit non-geographic numbers written 4-3-3: フリーダイヤル 0120, ナビダイヤル 0570, 0990, 0180, 0170. */
const FOUR_THREE_THREE = /^0(?:120|570|990|180|170)/

/**
 * Japanese phone number → the hyphenated form people read aloud.
 *
 * Accepts digits with hyphens (any dash, or ー between digits), spaces and
 * parentheses, in either width, and "+81" in place of the leading 0 ("+81 (0)3…"
 * and "+81 03…" too). The result must be 0 + 9 or 10 digits. Formatting:
 * - 11 digits: 090/080/070/060/050/020 → 090-1234-5678; 0800 → 0800-123-4567;
 *   other 11-digit numbers are refused (a landline has 10 digits).
 * - 10 digits: 0120/0570/0990/0180/0170 → 0120-123-456; 03 and 06 → 03-1234-5678;
 *   a 10-digit 0X0 number is refused (mobile and IP numbers have 11 digits).
 * - Other landlines: where the 市外局番 ends depends on the exchange (0855-22-1234
 *   in 浜田, 04-2922-1234 in 所沢, 045-123-4567 in 横浜) and we ship no exchange
 *   table. If the person typed three groups (area code starting with 0, 4-digit
 *   subscriber number, 10 digits in all) we keep their grouping; otherwise we return
 *   the bare digits rather than print a wrong grouping on an official list.
 * Foreign numbers are refused: the contact list is for calling people in Japan.
 */
export function normalizePhone(input: string): Parsed<string> {
  let phone = normalizeWidth(input).replace(ZERO_WIDTH, '').trim()
  if (phone === '') return ok('')
  phone = phone.replace(DASHES, '-')
  if (!/^\+?[\d\s\-()]+$/.test(phone)) return fail(PHONE_MESSAGE)

  if (phone.startsWith('+')) {
    const national = /^\+\s*81[\s-]*(?:\(0\)[\s-]*)?(.*)$/.exec(phone)
    if (!national) return fail(PHONE_MESSAGE)
    phone = national[1].startsWith('0') ? national[1] : `0${national[1]}`
  }

  const digits = phone.replace(/\D/g, '')
  if (!/^0\d{9,10}$/.test(digits)) return fail(PHONE_MESSAGE)

  if (digits.length === 11) {
    // 0800 (free dial) before 0X0: 080-0 is never a mobile number.
    if (digits.startsWith('0800')) return ok(group(digits, 4, 3, 4))
    if (/^0[2-9]0/.test(digits)) return ok(group(digits, 3, 4, 4))
    return fail(LANDLINE_LENGTH_MESSAGE)
  }
  if (FOUR_THREE_THREE.test(digits)) return ok(group(digits, 4, 3, 3))
  if (/^0[2-9]0/.test(digits)) return fail(MOBILE_LENGTH_MESSAGE)
  if (/^0[36]/.test(digits)) return ok(group(digits, 2, 4, 4))

  const typedGroups = phone.split(/[\s\-()]+/).filter((g) => g !== '')
  const [area, , subscriber] = typedGroups
  const keepsTypedGrouping = typedGroups.length === 3 && area.length >= 2 && area.length <= 5 && subscriber.length === 4
  return ok(keepsTypedGrouping ? typedGroups.join('-') : digits)
}

function group(digits: string, ...lengths: number[]): string {
  const parts: string[] = []
  let at = 0
  for (const length of lengths) {
    parts.push(digits.slice(at, at + length))
    at += length
  }
  return parts.join('-')
}

// ---------------------------------------------------------------------------
// Postal code

const POSTAL_MESSAGE = '郵便番号は7桁の数字で入力してください（例: 123-4567）'

/** '1234567', '123-4567', '〒123-4567', '１２３ー４５６７' → '123-4567'. */
export function normalizePostalCode(input: string): Parsed<string> {
  const typed = normalizeWidth(input).replace(SPACES, '')
  if (typed === '') return ok('')
  const text = typed.replace(/^〒/, '').replace(DASHES, '-')
  // A hyphen anywhere else ('1234-567') suggests a mistyped code, so it is not silently fixed.
  const match = /^(\d{3})-?(\d{4})$/.exec(text)
  return match ? ok(`${match[1]}-${match[2]}`) : fail(POSTAL_MESSAGE)
}

// ---------------------------------------------------------------------------
// Local government codes

/**
 * A municipality (or ward) code: 6 digits with a correct check digit, or the 5-digit
 * form many lists use (the check digit is added). Hyphens are ignored, so the
 * '32202-4' of Wikipedia and 総務省 tables works. The code must exist.
 */
export function normalizeMunicipalityCode(input: string): Parsed<string> {
  const text = normalizeWidth(input).replace(SPACES, '').replace(DASHES, '').replace(/-/g, '')
  if (text === '') return ok('')
  // A name that reached here could not be told apart (府中市 is in 東京都 and 広島県) or found.
  if (/[^\d]/.test(text))
    return fail(
      `「${input.trim()}」を市区町村として特定できません（同じ名前が複数あるか、見つかりません）。都道府県名を付けるか（例: 東京都府中市）、6桁の市区町村コードで入力してください`,
    )
  if (!/^\d{5,6}$/.test(text)) return fail('市区町村コードは6桁（または5桁）の数字で入力してください（例: 322024）')
  if (text.length === 6 && !isValidLocalGovCode(text)) {
    return fail('市区町村コードの6桁目（検査数字）が合いません。番号を確かめてください')
  }
  const code = text.length === 5 ? text + localGovCheckDigit(text) : text
  if (!municipalityByCode(code)) return fail(`市区町村コード${code}に当たる市区町村が見つかりません`)
  return ok(code)
}

/**
 * A prefecture as its 2-digit code: accepts '13', '1' (→ '01'), the 6-digit
 * prefecture code '130001', or a name with or without 都府県 ('東京都', '東京'),
 * also in kana ('とうきょう').
 */
export function normalizePrefectureCode(input: string): Parsed<string> {
  const text = normalizeWidth(input).replace(SPACES, '')
  if (text === '') return ok('')
  const prefecture = findPrefecture(text)
  return prefecture ? ok(prefecture.code) : fail('都道府県は名前（例: 島根県）か2桁のコード（例: 32）で入力してください')
}

function findPrefecture(text: string): Prefecture | undefined {
  if (/^\d{1,2}$/.test(text)) return prefectureByCode(text.padStart(2, '0'))
  // A prefecture's own local government code has 000 where a municipality's number goes.
  if (/^\d{2}000\d$/.test(text)) return isValidLocalGovCode(text) ? prefectureByCode(text.slice(0, 2)) : undefined
  return prefectureByName(text)
}

// ---------------------------------------------------------------------------
// Person names

const NAME_MAX_LENGTH = 100

/**
 * A family or given name as it should be stored.
 *
 * Trims, drops zero-width characters, and collapses runs of spaces (either width,
 * tabs, newlines from pasted cells) into one half-width space. Narrows full-width
 * latin letters (Ｍａｒｙ → Mary) and widens half-width katakana (ﾔﾏﾀﾞ → ヤマダ), both
 * pure width noise. Deliberately NOT full NFKC: people care about 髙 and 﨑, and NFKC
 * would rewrite compatibility ideographs such as U+FA19 神 into their unified forms.
 * Search sees through the differences via normalizeForSearch instead.
 * At most 100 characters (counted as code points, so 𠮷 is one).
 */
export function normalizePersonName(input: string): Parsed<string> {
  const name = input
    .replace(ZERO_WIDTH, '')
    .replace(/[Ａ-Ｚａ-ｚ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\uFF61-\uFF9F]+/g, (halfWidthKana) => halfWidthKana.normalize('NFKC'))
    .replace(SPACES, ' ')
    .trim()
  if ([...name].length > NAME_MAX_LENGTH) return fail(`名前は${NAME_MAX_LENGTH}文字以内で入力してください`)
  return ok(name)
}
