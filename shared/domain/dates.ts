/**
 * Calendar dates, 年度 (fiscal years) and 和暦 (Japanese eras).
 *
 * A date is a plain 'YYYY-MM-DD' string everywhere in Kakehashi: event days and
 * birth dates are calendar days, not instants, so no time zone ever enters the
 * arithmetic here (the one exception, todayIso, asks for the local calendar day).
 */
import { normalizeWidth } from './kana'
import { fail, ok, type Parsed } from './result'

// ---------------------------------------------------------------------------
// Plain calendar helpers

type Ymd = { y: number; m: number; d: number }

function pad2(n: number): string {
  return String(n).padStart(2, '0')
}

function toIso({ y, m, d }: Ymd): string {
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
}

function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
}

function isRealDate({ y, m, d }: Ymd): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
}

/** True for a well-formed 'YYYY-MM-DD' that names a real day (2024-02-29 yes, 2023-02-29 no). */
export function isValidIsoDate(date: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  return match !== null && isRealDate({ y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) })
}

/** Splits a stored date; a malformed one is a bug upstream, so it throws rather than guessing. */
function partsOf(date: string): Ymd {
  if (!isValidIsoDate(date)) throw new RangeError(`Not a 'YYYY-MM-DD' date: "${date}"`)
  return { y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)) }
}

/** Today's date in the computer's own time zone, which for our users is Japan's. */
export function todayIso(): string {
  const now = new Date()
  return toIso({ y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() })
}

/** The same day `months` months earlier (or later); the 31st falls back to the month's last day. */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4))
  const m = Number(date.slice(5, 7)) - 1 + months
  const year = y + Math.floor(m / 12)
  const month = ((m % 12) + 12) % 12
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  const day = Math.min(Number(date.slice(8, 10)), lastDay)
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

// ---------------------------------------------------------------------------
// 年度

/** 年度 run April 1 – March 31 and are named after the year they start in. */
export function fiscalYearOf(date: string): number {
  const { y, m } = partsOf(date)
  return m >= 4 ? y : y - 1
}

export function fiscalYearRange(fy: number): { start: string; end: string } {
  return { start: toIso({ y: fy, m: 4, d: 1 }), end: toIso({ y: fy + 1, m: 3, d: 31 }) }
}

/** The 12 months of a 年度 as 'YYYY-MM', April first: the order its figures are charted in. */
export function fiscalYearMonths(fy: number): string[] {
  return Array.from({ length: 12 }, (_, i) => addMonths(`${fy}-04-01`, i).slice(0, 7))
}

/**
 * The day a 年度's figures are as of: today while it runs, its last day once it is over, its
 * first day before it begins (a coordinator may look at next year's plans in March).
 */
export function fiscalYearAsOf(fy: number, today: string): string {
  const { start, end } = fiscalYearRange(fy)
  return today < end ? (today < start ? start : today) : end
}

/**
 * '令和6年度（2024年度）'. A 年度 takes the era in force at the end of its first
 * calendar year, which gives the conventional names: FY2019 began under 平成31 but is
 * 令和元年度, FY1988 ended under 平成 but is 昭和63年度. Works from 明治 (1868) on.
 */
export function formatFiscalYear(fy: number): string {
  return `${eraFiscalYear(fy)}（${fy}年度）`
}

/** 「令和8年度」: the short form, where a parenthesis around the 西暦 would nest in another. */
export function eraFiscalYear(fy: number): string {
  return `${eraYearName(fy)}年度`
}

// ---------------------------------------------------------------------------
// 和暦

export type EraName = '明治' | '大正' | '昭和' | '平成' | '令和'

type EraDef = { name: EraName; letter: string; abbreviation: string; start: string }

/**
 * Newest first. 明治 is counted from 1868-01-25 (the Gregorian date of 明治元年1月1日,
 * since the era was applied retroactively to the whole year); the others from the
 * day they began. These agree with Intl's 'ja-JP-u-ca-japanese' from 1873 on.
 */
const ERAS: readonly EraDef[] = [
  { name: '令和', letter: 'R', abbreviation: '令', start: '2019-05-01' },
  { name: '平成', letter: 'H', abbreviation: '平', start: '1989-01-08' },
  { name: '昭和', letter: 'S', abbreviation: '昭', start: '1926-12-25' },
  { name: '大正', letter: 'T', abbreviation: '大', start: '1912-07-30' },
  { name: '明治', letter: 'M', abbreviation: '明', start: '1868-01-25' },
]

const MEIJI_START = '1868-01-25'

function eraStartYear(era: EraDef): number {
  return Number(era.start.slice(0, 4))
}

/** The first year of an era is written 元年, never 1年. */
function eraYearLabel(year: number): string {
  return year === 1 ? '元' : String(year)
}

/**
 * '平成2' for 1990: a calendar year is named after the era in force at its end, as
 * with 年度 (1989 is 平成元年 even though it began in 昭和64年).
 */
function eraYearName(year: number): string {
  const { era, year: eraYear } = eraOf(toIso({ y: year, m: 12, d: 31 }))
  return `${era}${eraYearLabel(eraYear)}`
}

/** Era and era year of a date; throws for dates before 明治. */
export function eraOf(date: string): { era: EraName; year: number } {
  const { y } = partsOf(date)
  const era = ERAS.find((e) => date >= e.start)
  if (!era) throw new RangeError(`${date} is before 明治 (${MEIJI_START})`)
  return { era: era.name, year: y - eraStartYear(era) + 1 }
}

/** '2025/04/01': how a date is written on screen and in messages (the stored form keeps hyphens). */
export function slashDate(date: string): string {
  return date.replaceAll('-', '/')
}

/** '令和6年4月1日', '令和元年5月1日'. */
export function formatJapaneseDate(date: string): string {
  const { m, d } = partsOf(date)
  const { era, year } = eraOf(date)
  return `${era}${eraYearLabel(year)}年${m}月${d}日`
}

// ---------------------------------------------------------------------------
// Parsing what people type

/** 明治 M 明 … in any case; after width normalization. */
const ERA_TOKEN = '(明治|大正|昭和|平成|令和|明|大|昭|平|令|[MTSHR])'
/** Separators people use between year, month and day; ー is what a kana-mode IME gives for "-". */
const SEP = '[-/.\\u2010-\\u2015\\u2212ー]'

const WESTERN_SEPARATED = new RegExp(`^(\\d{4})${SEP}(\\d{1,2})${SEP}(\\d{1,2})$`)
const WESTERN_KANJI = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/
const WESTERN_COMPACT = /^(\d{4})(\d{2})(\d{2})$/
const ERA_DATE = new RegExp(`^${ERA_TOKEN}(元|\\d{1,2})(?:${SEP}|年)(\\d{1,2})(?:${SEP}|月)(\\d{1,2})日?$`, 'i')
const WESTERN_YEAR = /^(\d{4})年?$/
const ERA_YEAR = new RegExp(`^${ERA_TOKEN}(元|\\d{1,2})年?$`, 'i')

/** Width-normalized, with every space removed ('S 60. 4. 1' is still S60.4.1). */
function clean(input: string): string {
  return normalizeWidth(input).replace(/[\s\u200B-\u200D\uFEFF]+/gu, '')
}

function eraByToken(token: string): EraDef {
  const era = ERAS.find((e) => token === e.name || token === e.abbreviation || token.toUpperCase() === e.letter)
  // The regexes only let known tokens through.
  if (!era) throw new Error(`unknown era token ${token}`)
  return era
}

function eraYearNumber(text: string): number {
  return text === '元' ? 1 : Number(text)
}

const DATE_FORMAT_MESSAGE = '日付の形式が正しくありません（例: 1985-04-01、1985/4/1、S60.4.1、昭和60年4月1日）'

/**
 * Reads a full date in any accepted notation and checks that it exists, including
 * that a 和暦 date lies inside its era. No range check: callers differ on that.
 */
function readDate(text: string): Parsed<string> {
  const western = WESTERN_SEPARATED.exec(text) ?? WESTERN_KANJI.exec(text) ?? WESTERN_COMPACT.exec(text)
  if (western) {
    const ymd = { y: Number(western[1]), m: Number(western[2]), d: Number(western[3]) }
    if (!isRealDate(ymd)) return fail(`${ymd.y}年${ymd.m}月${ymd.d}日は存在しない日付です`)
    return ok(toIso(ymd))
  }

  const japanese = ERA_DATE.exec(text)
  if (!japanese) return fail(DATE_FORMAT_MESSAGE)
  const era = eraByToken(japanese[1])
  const eraYear = eraYearNumber(japanese[2])
  const ymd = { y: eraStartYear(era) + eraYear - 1, m: Number(japanese[3]), d: Number(japanese[4]) }
  const asTyped = `${era.name}${eraYearLabel(eraYear)}年${ymd.m}月${ymd.d}日`
  if (!isRealDate(ymd)) return fail(`${asTyped}は存在しない日付です`)

  const iso = toIso(ymd)
  const next = ERAS[ERAS.indexOf(era) - 1]
  if (iso < era.start || (next && iso >= next.start)) {
    // Say which date they probably meant: H31.5.1 is 令和元年5月1日.
    const hint = iso >= MEIJI_START ? `（${formatJapaneseDate(iso)}です）` : ''
    return fail(`${asTyped}は存在しません${hint}`)
  }
  return ok(iso)
}

/**
 * A 和暦 date just outside its era, as the calendar date its numbers name. Forms printed with
 * 平成 went on being filled in after 令和 began (平成31年5月1日; 平成32年 on printed
 * expiry dates), and such dates were accepted as 2019-05-01 and 2020. parseDateInput refuses
 * them, so a slip in a form is caught; an import reads an old list's dates with this and says
 * what it read. Up to two calendar years past the era's end, or earlier in the year it began
 * (令和元年4月30日); null for anything else, and for dates parseDateInput reads itself.
 */
export function eraOverflowDate(input: string): { date: string; asTyped: string; meant: string } | null {
  const japanese = ERA_DATE.exec(clean(input))
  if (!japanese) return null
  const era = eraByToken(japanese[1])
  const eraYear = eraYearNumber(japanese[2])
  const ymd = { y: eraStartYear(era) + eraYear - 1, m: Number(japanese[3]), d: Number(japanese[4]) }
  if (!isRealDate(ymd) || ymd.y < MIN_YEAR || ymd.y > MAX_YEAR) return null
  const date = toIso(ymd)
  const next = ERAS[ERAS.indexOf(era) - 1]
  const early = date < era.start && ymd.y === eraStartYear(era)
  const late = next !== undefined && date >= next.start && ymd.y <= eraStartYear(next) + 2
  if (!early && !late) return null
  return { date, asTyped: `${era.name}${eraYearLabel(eraYear)}年${ymd.m}月${ymd.d}日`, meant: formatJapaneseDate(date) }
}

/** Dates this app can meaningfully hold: people alive today, events past and planned. */
const MIN_YEAR = 1900
const MAX_YEAR = 2099

/**
 * A date typed by a person → 'YYYY-MM-DD'.
 *
 * Accepts, in full or half width and with spaces anywhere: 1985-04-01, 1985/4/1,
 * 1985.4.1, 19850401, 1985年4月1日, and 和暦 with a letter (S60.4.1, s60/4/1,
 * S60-04-01, R元.5.1), an abbreviation (昭60.4.1) or the full name (昭和60年4月1日,
 * 令和元年5月1日). Two-digit western years ('85/4/1') are refused as ambiguous.
 * Years are limited to 1900–2099, which also keeps typos like 0202 out.
 * Empty input gives ok('') like the other field parsers, so optional fields work.
 */
export function parseDateInput(input: string): Parsed<string> {
  const text = clean(input)
  if (text === '') return ok('')
  const parsed = readDate(text)
  if (!parsed.ok) return parsed
  const year = Number(parsed.value.slice(0, 4))
  if (year < MIN_YEAR || year > MAX_YEAR) return fail(`${MIN_YEAR}年から${MAX_YEAR}年までの日付を入力してください`)
  return parsed
}

export type Birth = { birthDate: string | null; birthYear: number | null }

/** A year on its own: '1985', '1985年', 'S60', '昭和60年', 'R元'. */
function readYear(text: string): Parsed<number> | undefined {
  const western = WESTERN_YEAR.exec(text)
  if (western) return ok(Number(western[1]))
  const japanese = ERA_YEAR.exec(text)
  if (!japanese) return undefined
  const era = eraByToken(japanese[1])
  const eraYear = eraYearNumber(japanese[2])
  const year = eraStartYear(era) + eraYear - 1
  const next = ERAS[ERAS.indexOf(era) - 1]
  // 昭和64年 existed for a week, so an era year is valid up to the year the next era began.
  if (eraYear < 1 || (next && year > eraStartYear(next))) {
    const hint = year >= 1868 ? `（${eraYearName(year)}年です）` : ''
    return fail(`${era.name}${eraYearLabel(eraYear)}年は存在しません${hint}`)
  }
  return ok(year)
}

/**
 * Birth date or, when that is all the person gave, birth year.
 *
 * A full date (any notation parseDateInput accepts) sets both; a year alone sets
 * only birthYear. Years before 1900 and anything after `today` are refused.
 * Empty input → both null.
 */
export function parseBirthInput(input: string, today: string = todayIso()): Parsed<Birth> {
  const text = clean(input)
  if (text === '') return ok({ birthDate: null, birthYear: null })

  const year = readYear(text)
  if (year) {
    if (!year.ok) return year
    const problem = birthYearProblem(year.value, today)
    return problem ? fail(problem) : ok({ birthDate: null, birthYear: year.value })
  }

  const date = readDate(text)
  if (!date.ok) return fail(date.message.startsWith('日付の形式') ? BIRTH_FORMAT_MESSAGE : date.message)
  const birthYear = Number(date.value.slice(0, 4))
  const problem = birthYearProblem(birthYear, today)
  if (problem) return fail(problem)
  if (date.value > today) return fail('生年月日が未来の日付になっています')
  return ok({ birthDate: date.value, birthYear })
}

const BIRTH_FORMAT_MESSAGE = '生年月日の形式が正しくありません（例: 1985-04-01、S60.4.1、昭和60年4月1日、生まれ年だけなら1985）'

function birthYearProblem(year: number, today: string): string | undefined {
  if (year < MIN_YEAR) return `生まれ年は${MIN_YEAR}年以降で入力してください`
  if (year > partsOf(today).y) return '生まれ年が未来になっています'
  return undefined
}

/**
 * Age in whole years on the day `on`, or null when unknown or not yet born.
 *
 * With a birth date: the usual count, one more on each birthday (someone born on
 * 2月29日 turns a year older on 3月1日 in common years, as under 年齢計算ニ関スル法律).
 * With only a birth year we assume a 7月1日 birthday: the middle of the year, so the
 * age is never off by more than half a year either way, and reports that band ages
 * by decade put at most the people near a boundary in the neighbouring band.
 * In the birth year itself the age is 0.
 */
export function ageOn(birth: Birth, on: string): number | null {
  const day = partsOf(on)
  if (birth.birthDate) {
    if (on < birth.birthDate) return null
    const born = partsOf(birth.birthDate)
    const beforeBirthday = day.m < born.m || (day.m === born.m && day.d < born.d)
    return day.y - born.y - (beforeBirthday ? 1 : 0)
  }
  if (birth.birthYear !== null) {
    if (day.y < birth.birthYear) return null
    return Math.max(0, day.y - birth.birthYear - (day.m < 7 ? 1 : 0))
  }
  return null
}

// ---------------------------------------------------------------------------
// Excel

const MS_PER_DAY = 86_400_000
/** Serial 0 in Excel's 1900 date system, once the fake leap day is skipped. */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30)
/** 9999-12-31, the last date Excel can show. */
const EXCEL_MAX_SERIAL = 2_958_465

/**
 * An Excel date cell (1900 date system, the Windows default) → 'YYYY-MM-DD'.
 *
 * Excel copies Lotus 1-2-3 in treating 1900 as a leap year: serial 60 is the
 * non-existent 1900-02-29, so from 61 on a serial is one more than the real number
 * of days since 1899-12-31. Serial 60 therefore has no real date and throws, as do serials below 1,
 * past 9999-12-31 or not finite; callers importing sheets should catch and report
 * the cell. A time of day (the fraction) is dropped. Pure UTC arithmetic: no time zone shift.
 */
export function excelSerialToIso(serial: number): string {
  if (!Number.isFinite(serial) || serial < 1 || serial >= EXCEL_MAX_SERIAL + 1) {
    throw new RangeError(`Not an Excel date serial: ${serial}`)
  }
  const day = Math.floor(serial)
  if (day === 60) throw new RangeError('Excel serial 60 is 1900-02-29, a day that does not exist')
  const offset = day < 60 ? day + 1 : day
  return new Date(EXCEL_EPOCH_UTC + offset * MS_PER_DAY).toISOString().slice(0, 10)
}
