import { parseDateInput } from '../dates'
import { normalizeWidth } from '../kana'
import { fiscalYearLimits } from '../recordLimits'
import { fundingSources, programCategories, sessionModes } from '../vocabulary'
import type { FundingSource, ProgramCategory, SessionMode, VisitMode } from '../vocabulary'
import { parseAddress } from './address'
import { readDate } from './personRow'

/** A cell read: its value, or a Japanese message saying why it could not be. */
export type CellRead<T> = { ok: true; value: T; warning?: string } | { ok: false; message: string }

const ok = <T>(value: T, warning?: string): CellRead<T> => (warning ? { ok: true, value, warning } : { ok: true, value })
const fail = (message: string): CellRead<never> => ({ ok: false, message })

/** Compact text for matching words: width folded, spaces and brackets gone, lower case. */
const squash = (raw: string) =>
  normalizeWidth(raw)
    .replace(/[\s()（）「」・/／]/g, '')
    .toLowerCase()

/**
 * An event day as sign-in sheets write it: the person-row date reader (西暦, 和暦, Excel
 * serial) after dropping a weekday 「(土)」 and a time 「10:15」 that often follow the date.
 */
export function readEventDate(raw: string): CellRead<string> {
  const text = normalizeWidth(raw)
    .trim()
    .replace(/\s*[(（][月火水木金土日](曜日?)?[)）]\s*/, ' ')
    .replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '')
    .trim()
  const parsed = readDate(text)
  if (!parsed.ok) return fail(parsed.message)
  if (parsed.value === '') return fail('日付がありません')
  return ok(parsed.value, parsed.warning)
}

/** 年度: 2024, 2024年度, R6, 令和6年度, 令和元年度, H30年度 → the starting calendar year. */
export function readFiscalYear(raw: string): CellRead<number> {
  const text = normalizeWidth(raw)
    .replace(/\s/g, '')
    .replace(/年度$|年$/, '')
  if (/^\d{4}$/.test(text)) {
    const year = Number(text)
    const { min, max } = fiscalYearLimits
    return year >= min && year <= max ? ok(year) : fail(`年度は${min}〜${max}年度にしてください（${year}年度です）`)
  }
  // The era reader wants a whole date: try the fiscal year's first day, then a day late in
  // the calendar year (令和元年 begins in May, after April 1).
  for (const day of ['年4月1日', '年12月1日']) {
    const parsed = parseDateInput(text + day)
    if (parsed.ok && parsed.value !== '') return ok(Number(parsed.value.slice(0, 4)))
  }
  return fail(`年度「${raw}」を読み取れません（例: 2024、2024年度、R6、令和6年度）`)
}

/** A label or code from a closed vocabulary (Japanese label, code, or the label without spaces). */
function fromVocabulary<C extends string>(labels: Record<C, string>, raw: string, extra: [RegExp, C][] = []): C | null {
  const key = squash(raw)
  for (const [code, label] of Object.entries(labels) as [C, string][]) {
    if (key === code.toLowerCase() || key === squash(label)) return code
  }
  return extra.find(([re]) => re.test(key))?.[1] ?? null
}

const visitModeWords: [RegExp, VisitMode][] = [
  [/^(現地|会場|来場|対面|リアル|参加|来訪|onsite|offline)$/, 'onsite'],
  [/^(オンライン|online|zoom|web|ウェブ|リモート|配信)/, 'online'],
]
/** 参加形態 of one person: 現地 or オンライン (codes and common words accepted). */
export function readVisitMode(raw: string): CellRead<VisitMode> {
  const mode = fromVocabulary({ onsite: '現地', online: 'オンライン' }, raw, visitModeWords)
  return mode ? ok(mode) : fail(`参加形態「${raw}」を読み取れません（現地 か オンライン）`)
}

/** 開催形態 of a session: 現地, オンライン or ハイブリッド. */
export function readSessionMode(raw: string): CellRead<SessionMode> {
  const mode = fromVocabulary(sessionModes.labels, raw, [
    ...visitModeWords,
    [/^(ハイブリッド|hybrid|併用|現地オンライン|現地\+オンライン)/, 'hybrid'],
  ])
  return mode ? ok(mode) : fail(`開催形態「${raw}」を読み取れません（現地・オンライン・ハイブリッド）`)
}

/** 泊数: 2, 2泊, 2泊3日, 日帰り (0). */
export function readNights(raw: string): CellRead<number> {
  const text = normalizeWidth(raw).replace(/\s/g, '')
  if (/^(日帰り|なし|無し|-|0泊)$/.test(text)) return ok(0)
  const m = /^(\d{1,3})(泊(\d{1,3}日)?)?$/.exec(text)
  return m ? ok(Number(m[1])) : fail(`泊数「${raw}」を読み取れません（例: 2、2泊、2泊3日、日帰り）`)
}

/** A whole number of people or yen: 15, 15人, 40,000円, ¥40,000, 無料 (0 when allowed). */
export function readAmount(raw: string, unit: '人' | '円'): CellRead<number> {
  const text = normalizeWidth(raw)
    .replace(/[\s,，]/g, '')
    .replace(/^[¥￥]/, '')
  if (unit === '円' && /^(無料|なし|無し|0円?)$/.test(text)) return ok(0)
  const m = new RegExp(`^(\\d{1,9})(${unit}|名)?$`).exec(text)
  return m ? ok(Number(m[1])) : fail(`「${raw}」を数として読み取れません（例: 15${unit}）`)
}

/** 種別 of a program: a label or code, or a word that clearly means one. */
export function readCategory(raw: string): CellRead<ProgramCategory> {
  const code = fromVocabulary(programCategories.labels, raw, [
    [/講座|アカデミー|塾|セミナー/, 'course'],
    [/ツアー|フィールドワーク|視察/, 'study_tour'],
    [/インターン/, 'internship'],
    [/ワーキングホリデー|ワーホリ/, 'working_holiday'],
    [/副業|兼業/, 'side_job'],
    [/ボランティア/, 'volunteer'],
    [/オンライン/, 'online'],
    [/イベント|交流会|フェア|祭/, 'event'],
  ])
  return code ? ok(code) : ok('other', `種別「${raw}」は一覧にないため「その他」にします`)
}

/** 財源: a label or code, or the ministry/grant named in short. */
export function readFunding(raw: string): CellRead<FundingSource> {
  const code = fromVocabulary(fundingSources.labels, raw, [
    [/内閣府|対流促進/, 'cao_convection'],
    [/総務省/, 'mic_kankei'],
    [/推進交付金|地方創生/, 'regional_grant'],
    [/特別交付税|特交/, 'special_tax'],
    [/自主財源|単費|一般財源|自主事業/, 'own_funds'],
  ])
  return code ? ok(code) : ok('other', `財源「${raw}」は一覧にないため「その他」にします`)
}

/** 時間: 13:00, 13:00-15:00, 13時〜15時30分 → start and (optional) end, 'HH:MM'. */
export function readTimeRange(raw: string): CellRead<{ start: string; end: string | null }> {
  const text = normalizeWidth(raw)
    .replace(/\s/g, '')
    .replace(/時(\d{1,2})分?/g, ':$1')
    .replace(/時/g, ':00')
  const parts = text.split(/[-~〜～ー－‐]/).filter((p) => p !== '')
  const times = parts.map((p) => /^(\d{1,2}):(\d{2})$/.exec(p))
  const valid = times.every((m) => m && Number(m[1]) < 24 && Number(m[2]) < 60)
  if (parts.length < 1 || parts.length > 2 || !valid) return fail(`時間「${raw}」を読み取れません（例: 13:00、13:00〜15:00）`)
  const hhmm = (m: RegExpExecArray) => `${m[1]!.padStart(2, '0')}:${m[2]}`
  const start = hhmm(times[0]!)
  const end = times[1] ? hhmm(times[1]) : null
  if (end && end <= start) return fail(`終了時刻が開始時刻より前です（${raw}）`)
  return ok({ start, end })
}

/** A place: its municipality code when the text names one (「粟島浦村」「新潟県岩船郡粟島浦村」). */
export function placeMunicipality(raw: string): string | null {
  return parseAddress(raw).municipalityCode
}

/** Municipalities listed in one cell (「遠野市、粟島浦村」); names that cannot be read are returned apart. */
export function readMunicipalityList(raw: string): { codes: string[]; unknown: string[] } {
  const codes: string[] = []
  const unknown: string[] = []
  for (const name of normalizeWidth(raw)
    .split(/[、,，・\s/／]+/)
    .filter((n) => n !== '')) {
    const code = placeMunicipality(name)
    if (code && !codes.includes(code)) codes.push(code)
    else if (!code) unknown.push(name)
  }
  return { codes, unknown }
}
