import { normalizeForSearch } from '../kana'

/**
 * Where a person list's columns can go. Full name/kana and address are split on import;
 * `age` yields a birth year; `ignore` drops the column.
 */
export const importFields = [
  'fullName',
  'familyName',
  'givenName',
  'fullKana',
  'familyKana',
  'givenKana',
  'email',
  'phone',
  'postalCode',
  'address',
  'prefecture',
  'municipality',
  'birth',
  'age',
  'gender',
  'occupation',
  'affiliation',
  'firstContact',
  'notes',
  'consentDate',
  'ignore',
] as const
export type ImportField = (typeof importFields)[number]

/**
 * Header words seen in Japanese Excel lists, Google Forms and English sheets. Matching is on
 * normalized text (width, kana, case, spaces), longest synonym first, so 「フリガナ（姓）」
 * maps to familyKana before 「フリガナ」 maps to fullKana.
 */
const synonyms: Record<Exclude<ImportField, 'ignore'>, string[]> = {
  fullName: ['氏名', 'お名前', '名前', '参加者名', '申込者名', 'フルネーム', 'name', 'fullname'],
  // Google Forms and Excel often split the name as 「お名前（姓）」「お名前（名）」: without these the
  // longer 「お名前」 claims both, the given names are left out and each family name is split in two.
  familyName: ['姓', '苗字', '名字', '氏', 'お名前(姓)', '氏名(姓)', '名前(姓)', 'lastname', 'familyname', 'surname'],
  givenName: ['名', '下の名前', 'お名前(名)', '氏名(名)', '名前(名)', 'firstname', 'givenname'],
  fullKana: ['フリガナ', 'ふりがな', 'カナ', 'かな', 'よみがな', '読み', 'ヨミ', 'しめい(かな)', 'kana'],
  familyKana: ['セイ', 'フリガナ(姓)', 'フリガナ(セイ)', '姓(カナ)', '姓(フリガナ)'],
  givenKana: ['メイ', 'フリガナ(名)', 'フリガナ(メイ)', '名(カナ)', '名(フリガナ)'],
  email: ['メールアドレス', 'メール', 'eメール', 'e-mail', 'email', 'mail', 'pcメール', '連絡先メール'],
  phone: ['電話番号', '電話', '携帯電話', '携帯番号', '携帯', 'tel', 'phone', '連絡先電話番号', '連絡先'],
  postalCode: ['郵便番号', '〒', 'zip', 'postalcode', 'postcode'],
  address: ['住所', '現住所', 'ご住所', 'お住まい', '所在地', 'address'],
  prefecture: ['都道府県', '居住都道府県', 'お住まいの都道府県', 'prefecture'],
  municipality: ['市区町村', '市町村', 'お住まいの市区町村', 'city'],
  birth: ['生年月日', '誕生日', '生まれ', 'birthday', 'dateofbirth', 'birthdate'],
  age: ['年齢', '年代', 'age'],
  gender: ['性別', 'gender', 'sex'],
  occupation: ['職業', 'ご職業', '職種', 'occupation', 'job'],
  affiliation: ['所属', '勤務先', '会社名', '学校名', '所属先', '団体名', 'affiliation', 'company', 'organization'],
  firstContact: ['きっかけ', '知ったきっかけ', '何で知りましたか', '参加のきっかけ', 'howdidyouhear'],
  notes: ['備考', 'メモ', '特記事項', 'その他', 'ご意見', 'notes', 'memo', 'comment'],
  consentDate: ['同意日', '同意した日', 'consentdate'],
}

/** Normalizes a header for matching: width/kana/case, and brackets and marks ignored. */
export function headerKey(header: string): string {
  return normalizeForSearch(header).replace(/[()「」【】[\]※*:：]/g, '')
}

const normalizedSynonyms = Object.entries(synonyms)
  .flatMap(([field, words]) => words.map((w) => ({ field: field as ImportField, key: headerKey(w) })))
  .sort((a, b) => b.key.length - a.key.length)

/** The field a header most likely means, or null when nothing fits. */
export function suggestField(header: string): ImportField | null {
  const key = headerKey(header)
  if (key === '') return null
  const exact = normalizedSynonyms.find((s) => s.key === key)
  if (exact) return exact.field
  // Containment only for words of 2+ characters: 「名」 alone would match almost anything.
  const partial = normalizedSynonyms.find((s) => s.key.length >= 2 && key.includes(s.key))
  return partial?.field ?? null
}

/**
 * Suggestions for a whole header row: each field is given to one column only (the first
 * that claims it); later claimants and unknown headers are ignored.
 */
export function suggestMapping(headers: readonly string[]): ImportField[] {
  const taken = new Set<ImportField>()
  return headers.map((h) => {
    const field = suggestField(h)
    if (!field || taken.has(field)) return 'ignore'
    taken.add(field)
    return field
  })
}

const splitPairs: Partial<Record<string, readonly [ImportField, ImportField]>> = {
  fullName: ['familyName', 'givenName'],
  fullKana: ['familyKana', 'givenKana'],
}

/**
 * 「氏名」 (or 「フリガナ」) written once over two columns — in Excel a header merged across the
 * 姓 and 名 columns, blank over the second — holds the family name on the left and the given
 * name on the right. Suggested so when the column to its right has no header and the rows bear
 * it out: in at least 8 of 10 rows that use either column, the left holds one word (no space)
 * and the right is filled. Otherwise the given names would be left out.
 */
export function splitNameOverTwoColumns<F extends string>(
  mapping: readonly F[],
  headers: readonly string[],
  dataRows: readonly (readonly string[])[],
): F[] {
  const out = [...mapping]
  mapping.forEach((field, c) => {
    const pair = splitPairs[field]
    if (!pair || c + 1 >= headers.length || (headers[c + 1] ?? '').trim() !== '' || out[c + 1] !== 'ignore') return
    if (pair.some((f) => out.includes(f as string as F))) return
    const cell = (row: readonly string[], i: number) => (row[i] ?? '').trim()
    const used = dataRows.slice(0, 100).filter((r) => cell(r, c) !== '' || cell(r, c + 1) !== '')
    const split = used.filter((r) => /^\S+$/.test(cell(r, c)) && cell(r, c + 1) !== '')
    if (used.length === 0 || split.length < used.length * 0.8) return
    out[c] = pair[0] as string as F
    out[c + 1] = pair[1] as string as F
  })
  return out
}

/**
 * The header row: Excel forms often have a title and a date above it. Picks, among the first
 * rows, the one whose cells map to the most known fields (ties: the earliest).
 */
export function detectHeaderRow(rows: readonly (readonly string[])[], lookAhead = 15): number {
  let best = 0
  let bestScore = -1
  for (let i = 0; i < Math.min(rows.length, lookAhead); i++) {
    const score = rows[i]!.filter((cell) => suggestField(cell) !== null).length
    if (score > bestScore) {
      best = i
      bestScore = score
    }
  }
  return bestScore > 0 ? best : 0
}
