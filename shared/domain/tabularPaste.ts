import { normalizePrefectureCode } from './contactFields'
import { normalizeForSearch } from './kana'
import { municipalityNamed } from './localGov'
import { bases, genders, roots, stages } from './vocabulary'

/**
 * Rows copied from Excel or Google Sheets arrive as tab-separated text: cells holding a tab,
 * a line break or a quote are wrapped in quotes with inner quotes doubled, lines end in CRLF
 * (Excel) or LF (Sheets), and a copy usually ends with one line break.
 */
export function parseTabSeparated(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let i = 0
  let quoted = false
  let atCellStart = true
  while (i < text.length) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i += 2
        continue
      }
      if (ch === '"') {
        quoted = false
        i++
        continue
      }
      cell += ch
      i++
      continue
    }
    if (ch === '"' && atCellStart) {
      quoted = true
      atCellStart = false
      i++
      continue
    }
    if (ch === '\t') {
      row.push(cell)
      cell = ''
      atCellStart = true
      i++
      continue
    }
    if (ch === '\r' || ch === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      atCellStart = true
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
      continue
    }
    cell += ch
    atCellStart = false
    i++
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell)
    rows.push(row)
  }
  // Excel pads short rows with nothing; give every row the same width.
  const width = Math.max(0, ...rows.map((r) => r.length))
  return rows.map((r) => (r.length < width ? [...r, ...Array<string>(width - r.length).fill('')] : r))
}

/** Fields a pasted column can fill (the person's editable fields, as typed text). */
export const pasteFields = [
  'familyName',
  'givenName',
  'familyKana',
  'givenKana',
  'email',
  'phone',
  'postalCode',
  'prefectureCode',
  'municipalityCode',
  'address',
  'birth',
  'gender',
  'occupation',
  'affiliation',
  'roots',
  'basis',
  'firstContact',
  'stage',
  'notes',
] as const
export type PasteField = (typeof pasteFields)[number]

/** Header words seen in coordinators' sheets (and ours), compared after normalizeForSearch. */
const headerWords: Record<PasteField, string[]> = {
  familyName: ['姓', '氏', '苗字', '名字', 'familyname', 'lastname', 'surname'],
  // Not 名前: on a Japanese sheet that is the whole name, which no single field holds.
  givenName: ['名', 'givenname', 'firstname'],
  familyKana: ['セイ', 'せい', 'フリガナ(姓)', 'ふりがな(姓)', 'familykana'],
  givenKana: ['メイ', 'めい', 'フリガナ(名)', 'ふりがな(名)', 'givenkana'],
  email: ['メール', 'メールアドレス', 'eメール', 'email', 'e-mail', 'mail'],
  phone: ['電話', '電話番号', '携帯', '携帯電話', 'tel', 'phone'],
  postalCode: ['郵便番号', '〒', 'postalcode', 'zip'],
  prefectureCode: ['都道府県', 'prefecture'],
  municipalityCode: ['市区町村', '市町村', 'municipality', 'city'],
  address: ['住所', 'address'],
  birth: ['生年月日', '誕生日', '生年', 'birth', 'birthday', 'birthdate'],
  gender: ['性別', 'gender', 'sex'],
  occupation: ['職業', 'occupation', 'job'],
  affiliation: ['所属', '勤務先', '学校', 'affiliation', 'organization'],
  roots: ['ゆかり', 'roots'],
  basis: ['関わり方', 'basis'],
  firstContact: ['きっかけ', 'firstcontact'],
  stage: ['段階', '関係の段階', 'stage'],
  notes: ['メモ', '備考', 'notes', 'note'],
}
const headerIndex = new Map<string, PasteField>()
for (const field of pasteFields) for (const word of headerWords[field]) headerIndex.set(normalizeForSearch(word), field)

/** The field a header cell names, or null. */
export function fieldOfHeader(header: string): PasteField | null {
  return headerIndex.get(normalizeForSearch(header)) ?? null
}

/** The mapping a header row names (each field once, from its first column). */
export function headerMapping(first: readonly string[]): (PasteField | null)[] {
  const seen = new Set<PasteField>()
  return first.map(fieldOfHeader).map((f) => (f && !seen.has(f) && seen.add(f) ? f : null))
}

/** The mapping by position: the grid's visible columns from where the user pasted. */
export function positionMapping(first: readonly string[], fallback: readonly (PasteField | null)[]): (PasteField | null)[] {
  return first.map((_, i) => fallback[i] ?? null)
}

/**
 * A first guess at the column → field mapping: from the header row when the first row looks
 * like one (at least half of its filled cells name a field: a person 「山田 芽衣 ヤマダ メイ」
 * has one such cell, メイ, and is no header), otherwise by position from `fallback`.
 */
export function guessMapping(
  rows: string[][],
  fallback: readonly (PasteField | null)[],
): { headerRow: boolean; mapping: (PasteField | null)[] } {
  const first = rows[0] ?? []
  const filled = first.filter((c) => c.trim() !== '').length
  const named = first.filter((c) => fieldOfHeader(c) !== null).length
  if (named > 0 && named * 2 >= filled) return { headerRow: true, mapping: headerMapping(first) }
  return { headerRow: false, mapping: positionMapping(first, fallback) }
}

/** A label typed for a closed vocabulary ('女性', 'つながる') → its code; unknown text is kept for the validator to refuse. */
function codeOf(labels: Record<string, string>, text: string): string {
  const wanted = normalizeForSearch(text)
  for (const [code, label] of Object.entries(labels)) {
    if (normalizeForSearch(label) === wanted || code === text) return code
  }
  return text
}

/**
 * One pasted row as the text of each mapped field, ready for the contract's field schemas:
 * vocabulary labels become codes, a municipality name ('浜田市', 'はまだし') becomes its code
 * when exactly one matches. Empty cells are left out (they do not clear a value).
 */
export function rowToFields(
  row: readonly string[],
  mapping: readonly (PasteField | null)[],
  stageLabels: Record<string, string> = stages.labels,
): Partial<Record<PasteField, string>> {
  const out: Partial<Record<PasteField, string>> = {}
  // The row's own prefecture, if pasted: a municipality name is looked for there only.
  const prefectureColumn = mapping.indexOf('prefectureCode')
  const prefecture = prefectureColumn >= 0 ? normalizePrefectureCode(row[prefectureColumn] ?? '') : null
  const prefectureCode = prefecture?.ok && prefecture.value !== '' ? prefecture.value : null
  mapping.forEach((field, i) => {
    const text = (row[i] ?? '').trim()
    if (!field || text === '') return
    if (field === 'gender') out.gender = codeOf(genders.labels, text)
    else if (field === 'roots') out.roots = codeOf(roots.labels, text)
    else if (field === 'basis') out.basis = codeOf(bases.labels, text)
    else if (field === 'stage') out.stage = codeOf(stageLabels, text)
    else if (field === 'municipalityCode' && !/^\d/.test(text))
      out.municipalityCode = municipalityNamed(text, prefectureCode)?.code ?? text
    else out[field] = text
  })
  return out
}
