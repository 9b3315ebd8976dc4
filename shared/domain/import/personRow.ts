import { contactTextLimits, normalizeEmail, normalizePersonName, normalizePhone, normalizePostalCode } from '../contactFields'
import { eraOverflowDate, excelSerialToIso, parseBirthInput, parseDateInput } from '../dates'
import { normalizeKanaReading, normalizeWidth } from '../kana'
import { municipalityNamed } from '../localGov'
import { tooLongMessage } from '../recordLimits'
import type { Parsed } from '../result'
import type { GenderCode } from '../vocabulary'
import { parseAddress } from './address'
import type { ImportField } from './headers'
import { splitFullName, splitKana } from './names'

/** A person as read from one row, before duplicate checks. Empty fields are null. */
export interface PersonDraft {
  familyName: string | null
  givenName: string | null
  familyKana: string | null
  givenKana: string | null
  email: string | null
  phone: string | null
  postalCode: string | null
  prefectureCode: string | null
  municipalityCode: string | null
  address: string | null
  birthDate: string | null
  birthYear: number | null
  gender: GenderCode | null
  occupation: string | null
  affiliation: string | null
  firstContact: string | null
  notes: string | null
  consentDate: string | null
}

export interface CellIssue {
  /** Column index in the source row. */
  column: number
  severity: 'error' | 'warning'
  message: string
}

export interface ReadPerson {
  draft: PersonDraft
  issues: CellIssue[]
  /** No error: the row can be imported as it is. */
  ok: boolean
}

/** Every field of a draft, in the order forms and exports list them. */
export const personDraftFields = [
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
  'birthDate',
  'birthYear',
  'gender',
  'occupation',
  'affiliation',
  'firstContact',
  'notes',
  'consentDate',
] as const satisfies readonly (keyof PersonDraft)[]

/**
 * A draft's values in `personDraftFields` order, as the contacts table stores them: a missing
 * name is '' there (the column is NOT NULL, and the add-person form stores '' too), so 「林」
 * alone, or a sheet with only a 姓 column, is registered with a blank 名.
 */
export const storedPersonValues = (draft: PersonDraft): unknown[] =>
  personDraftFields.map((f) => (f === 'familyName' || f === 'givenName' ? (draft[f] ?? '') : draft[f]))

const blankDraft = Object.freeze(Object.fromEntries(personDraftFields.map((f) => [f, null]))) as unknown as PersonDraft
/** A draft with every field blank: a copy of one template (built per row, 100k times in a big file). */
export const emptyDraft = (): PersonDraft => ({ ...blankDraft })

const genderWords: [RegExp, GenderCode][] = [
  [/^(男|男性|m|male|man)$/i, 'male'],
  [/^(女|女性|f|female|woman)$/i, 'female'],
  [/^(回答しない|無回答|答えたくない|未回答|noanswer|prefernottosay)$/i, 'no_answer'],
  [/^(その他|other|x)$/i, 'other'],
]

/** A cell's value, or why it could not be read; `warning` says what was guessed to read it. */
type DateRead = { ok: true; value: string; warning?: string } | { ok: false; message: string }

/** What an import says when it reads a 和暦 date outside its era (see eraOverflowDate). */
const eraOverflowWarning = (o: { date: string; asTyped: string; meant: string }) =>
  `${o.asTyped}を${o.meant}（${o.date}）として読みました`

/** A date with a time after it (an Excel date-time cell, a form's timestamp) is that day. */
const withoutTime = (text: string) => text.replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '')

/**
 * Dates as Excel shows them, as 和暦 (平成31年5月1日 too, with a warning: old forms say so),
 * or as the serial number a formatted cell became. A time after the date is dropped.
 */
export function readDate(raw: string): DateRead {
  const text = withoutTime(raw.trim())
  if (/^\d{5}(\.\d+)?$/.test(text)) {
    try {
      const value = excelSerialToIso(Math.floor(Number(text)))
      // The same 1900–2099 as a written date: 「99999」 would be 2173-10-14.
      if (value <= '2099-12-31') return { ok: true, value }
    } catch {
      // not a serial Excel can show as a date
    }
    return { ok: false, message: '日付として読めない数値です' }
  }
  const parsed = parseDateInput(text)
  if (parsed.ok) return { ok: true, value: parsed.value }
  const overflow = eraOverflowDate(text)
  return overflow ? { ok: true, value: overflow.date, warning: eraOverflowWarning(overflow) } : parsed
}

/**
 * The birth year that makes someone `age` today, by the app's rule for a birth year alone
 * (ageOn in dates.ts counts a 7月1日 birthday): before July they have not had this year's
 * birthday yet. 30 on 2024-06-01 → 1993, not 1994 (which ageOn would make 29, 20代).
 */
export function birthYearForAge(age: number, today: string): number {
  return Number(today.slice(0, 4)) - age - (Number(today.slice(5, 7)) < 7 ? 1 : 0)
}

/**
 * Reads one source row through a column mapping into a person draft, with an issue per cell
 * that could not be read (error: the row cannot be imported as is) or was read with a guess
 * (warning). Pure: `today` is passed in so ages and dates are testable.
 */
export function readPersonRow(cells: readonly string[], mapping: readonly ImportField[], today: string): ReadPerson {
  const draft = emptyDraft()
  const issues: CellIssue[] = []
  const place: { column: number; raw: string; field: 'prefecture' | 'municipality' }[] = []
  const issue = (column: number, severity: CellIssue['severity'], message: string) => issues.push({ column, severity, message })

  mapping.forEach((field, column) => {
    const raw = (cells[column] ?? '').trim()
    if (raw === '' || field === 'ignore') return
    // (A phone written +81… is a phone number, read as one, not a formula.)
    if (/^[=+@]/.test(raw) && !(field === 'phone' && normalizePhone(raw).ok))
      issue(column, 'warning', '数式のような値です。計算はせず、文字としてそのまま取り込みます')
    const text = (fn: (s: string) => Parsed<string> | DateRead, set: (v: string) => void) => {
      const r = fn(raw)
      if (r.ok) set(r.value)
      else issue(column, 'error', r.message)
      if (r.ok && 'warning' in r && r.warning) issue(column, 'warning', r.warning)
    }
    /**
     * Excel keeps a phone number or postal code typed as a number without its leading 0
     * (090-… becomes 9012345678, 060-0001 becomes 600001). Bare digits one short of a valid
     * value get the 0 back, with a warning, when that makes a valid value.
     */
    const withLostZero =
      (fn: (s: string) => Parsed<string>, short: RegExp) =>
      (value: string): Parsed<string> => {
        const read = fn(value)
        const digits = normalizeWidth(value)
        if (read.ok || !short.test(digits)) return read
        const restored = fn(`0${digits}`)
        if (restored.ok)
          issue(column, 'warning', `先頭の0を補いました（${restored.value}）。Excelで数値として保存されると0が消えます`)
        return restored.ok ? restored : read
      }
    switch (field) {
      case 'fullName': {
        const split = splitFullName(normalizeName(raw))
        draft.familyName = split.family || null
        draft.givenName = split.given || null
        if (split.guessed) issue(column, 'warning', `姓と名の区切りを推定しました（${split.family} ${split.given}）`)
        break
      }
      case 'familyName':
        draft.familyName = normalizeName(raw)
        break
      case 'givenName':
        draft.givenName = normalizeName(raw)
        break
      case 'fullKana': {
        const split = splitKana(raw)
        const whole = normalizeKanaReading(raw)
        if (!whole.ok) issue(column, 'error', whole.message)
        else if (split) [draft.familyKana, draft.givenKana] = [split.family, split.given]
        else [draft.familyKana, draft.givenKana] = [whole.value, null]
        break
      }
      case 'familyKana':
        text(normalizeKanaReading, (v) => (draft.familyKana = v))
        break
      case 'givenKana':
        text(normalizeKanaReading, (v) => (draft.givenKana = v))
        break
      case 'email':
        text(normalizeEmail, (v) => (draft.email = v))
        break
      case 'phone':
        text(withLostZero(normalizePhone, /^[1-9]\d{8,9}$/), (v) => (draft.phone = v))
        break
      case 'postalCode':
        text(withLostZero(normalizePostalCode, /^[1-9]\d{5}$/), (v) => (draft.postalCode = v))
        break
      case 'address': {
        const parsed = parseAddress(raw)
        draft.address = normalizeWidth(raw)
        draft.prefectureCode ??= parsed.prefectureCode
        draft.municipalityCode ??= parsed.municipalityCode
        if (!parsed.prefectureCode) issue(column, 'warning', '住所から都道府県を読み取れませんでした')
        break
      }
      case 'prefecture':
      case 'municipality':
        // Read together below: 「北区」 is 東京都北区 alone, but not next to 愛知県.
        place.push({ column, raw, field })
        break
      case 'birth': {
        const day = withoutTime(raw)
        const asDate = /^\d{5}(\.\d+)?$/.test(day) ? readDate(day) : null
        const parsed = asDate?.ok ? parseBirthInput(asDate.value, today) : parseBirthInput(day, today)
        const overflow = parsed.ok ? null : eraOverflowDate(day)
        const asOverflow = overflow && parseBirthInput(overflow.date, today)
        if (parsed.ok) Object.assign(draft, parsed.value)
        else if (overflow && asOverflow?.ok) {
          Object.assign(draft, asOverflow.value)
          issue(column, 'warning', eraOverflowWarning(overflow))
        } else issue(column, 'error', parsed.message)
        break
      }
      case 'age': {
        const written = normalizeWidth(raw)
        const stated = Number(written.replace(/[歳才代]$/, ''))
        if (!Number.isInteger(stated) || stated < 0 || stated > 120)
          issue(column, 'error', '年齢は0〜120の整数で入力してください')
        else if (draft.birthYear === null) {
          // 「30代」 is anyone from 30 to 39: the middle of the decade keeps the person in it.
          const age = written.endsWith('代') ? stated + 5 : stated
          draft.birthYear = birthYearForAge(age, today)
          issue(column, 'warning', `年齢から生年を推定しました（${draft.birthYear}年ごろ）`)
        }
        break
      }
      case 'gender': {
        const key = normalizeWidth(raw).replace(/\s/g, '')
        const found = genderWords.find(([re]) => re.test(key))
        if (found) draft.gender = found[1]
        else issue(column, 'warning', `性別「${raw}」は読み取れないため空欄にします`)
        break
      }
      case 'consentDate':
        text(readDate, (v) => (draft.consentDate = v))
        break
      case 'occupation':
      case 'affiliation':
      case 'firstContact':
      case 'notes':
        draft[field] = raw
        break
    }
  })
  // A ragged row: a value past the header's last column belongs to no column and is not read
  // (most often a comma inside an unquoted value, 「A社, 営業部」, that moved the rest along).
  for (let column = mapping.length; column < cells.length; column++)
    if ((cells[column] ?? '').trim() !== '')
      issue(
        column,
        'warning',
        '見出しのない列に値があります。取り込まれません（値の中のカンマで列がずれていないか確かめてください）',
      )
  readPlace(place, draft, issue)
  for (const [field, { label, from }] of Object.entries(limitedFields) as [keyof typeof limitedFields, LimitedField][]) {
    const limit = contactTextLimits[field]
    const value = draft[field]
    if (value !== null && value.length > limit) {
      const column = mapping.findIndex((f) => from.includes(f))
      issue(column, 'error', tooLongMessage(label, limit, value.length))
    }
  }
  if (!draft.familyName) {
    // On the name column the file has, in its words, so the cell is marked and the row editor
    // starts there; on the whole row when no column is the name.
    const column = mapping.findIndex((f) => f === 'fullName' || f === 'familyName')
    const message = column < 0 ? '氏名（姓）がありません' : mapping[column] === 'fullName' ? '氏名がありません' : '姓がありません'
    issues.push({ column, severity: 'error', message })
  } else if (!draft.email && !draft.phone && closingRow((draft.familyName ?? '') + (draft.givenName ?? ''))) {
    const column = mapping.findIndex((f) => f === 'fullName' || f === 'familyName')
    const name = `${draft.familyName ?? ''}${draft.givenName ?? ''}`
    // No name to split: the guess at where 合 and 計 part says nothing.
    const split = issues.findIndex((i) => i.column === column && i.message.startsWith('姓と名の区切りを推定'))
    if (split >= 0) issues.splice(split, 1)
    issue(column, 'error', `「${name}」は合計や締めの行のようです。人としては取り込みません（人の行なら氏名を直してください）`)
  }
  return { draft, issues, ok: !issues.some((i) => i.severity === 'error') }
}

/**
 * The 都道府県 and 市区町村 columns of one row, read as one address (prefecture first), so a
 * municipality is looked for in the row's own prefecture: 愛知県 + 府中市 finds nothing, not
 * 東京都府中市, 広島県 + 府中市 finds 広島県府中市 though 府中市 alone is ambiguous, and 愛知県 +
 * 北区 is 名古屋市北区.
 */
function readPlace(
  cells: readonly { column: number; raw: string; field: 'prefecture' | 'municipality' }[],
  draft: PersonDraft,
  issue: (column: number, severity: CellIssue['severity'], message: string) => void,
): void {
  if (cells.length === 0) return
  const ordered = [...cells].sort((a, b) => (a.field === b.field ? 0 : a.field === 'prefecture' ? -1 : 1))
  const parsed = parseAddress(ordered.map((c) => c.raw).join(''))
  const municipality = ordered.find((c) => c.field === 'municipality')
  // A ward written without its city (愛知県 + 北区): the one of that name in the prefecture.
  const municipalityCode =
    parsed.municipalityCode ??
    (parsed.prefectureCode && municipality
      ? (municipalityNamed(municipality.raw.trim(), parsed.prefectureCode)?.code ?? null)
      : null)
  if (parsed.prefectureCode) draft.prefectureCode = parsed.prefectureCode
  if (municipalityCode) draft.municipalityCode = municipalityCode
  if (!parsed.prefectureCode) {
    const text = ordered.map((c) => c.raw).join(' ')
    issue(ordered[0]!.column, 'warning', `「${text}」を都道府県・市区町村として読み取れませんでした`)
  } else if (municipality && !municipalityCode)
    issue(municipality.column, 'warning', `「${municipality.raw}」を市区町村として読み取れませんでした`)
}

/**
 * What Excel lists put under the people (合計, 計 12名, 以上, 以下余白): a row with such a
 * name and no e-mail or phone is no person. Spaces are ignored (「合 計」).
 */
const closingRow = (name: string) =>
  /^(合計|小計|総計|計|以上|以下余白|(合計|小計|総計|計)\d+(名|人|件)?)$/.test(normalizeWidth(name).replace(/\s/g, ''))

interface LimitedField {
  label: string
  /** The columns a value can come from, for the message's place. */
  from: readonly ImportField[]
}

/** The free-text fields with a length limit (contactTextLimits): a cell the form would refuse is an error here too. */
const limitedFields: Record<keyof typeof contactTextLimits, LimitedField> = {
  familyName: { label: '姓', from: ['fullName', 'familyName'] },
  givenName: { label: '名', from: ['fullName', 'givenName'] },
  familyKana: { label: 'フリガナ（姓）', from: ['fullKana', 'familyKana'] },
  givenKana: { label: 'フリガナ（名）', from: ['fullKana', 'givenKana'] },
  address: { label: '住所', from: ['address'] },
  occupation: { label: '職業', from: ['occupation'] },
  affiliation: { label: '所属', from: ['affiliation'] },
  firstContact: { label: 'きっかけ', from: ['firstContact'] },
  notes: { label: '備考', from: ['notes'] },
}

function normalizeName(raw: string): string {
  const parsed = normalizePersonName(raw)
  return parsed.ok ? parsed.value : raw
}
