/**
 * Session dates: series generation (every other Saturday, the second Saturday of each month…),
 * shifting a program to the next year, and the local (JST) date and time of a stored instant.
 * Dates are 'YYYY-MM-DD' calendar days; arithmetic is done on UTC day numbers so no time zone
 * or daylight-saving rule ever moves a day.
 */
import { fiscalYearRange, isValidIsoDate, slashDate } from './dates'

const MS_PER_DAY = 86_400_000

function dayNumber(date: string): number {
  if (!isValidIsoDate(date)) throw new RangeError(`Not a 'YYYY-MM-DD' date: "${date}"`)
  return Math.round(Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY)
}

function isoOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10)
}

export function addDays(date: string, days: number): string {
  return isoOfDay(dayNumber(date) + days)
}

/** 0 = Sunday … 6 = Saturday, as in Date#getUTCDay. */
export function weekdayOf(date: string): number {
  return new Date(dayNumber(date) * MS_PER_DAY).getUTCDay()
}

export const weekdayLabels = ['日', '月', '火', '水', '木', '金', '土'] as const

/** '2025/11/22（土）': a session's day as coordinators read it, with its weekday. */
export function dateWithWeekday(date: string): string {
  return `${slashDate(date)}（${weekdayLabels[weekdayOf(date)]}）`
}

/**
 * A repeating pattern of sessions:
 * - weekly: every `intervalWeeks` weeks on the weekday of `startDate` (1 = every week, 2 = every other week);
 * - monthly: the `nth` given weekday of each month (nth 1–4, or -1 for the last one), from `startDate`'s month.
 */
export type SeriesRule =
  | { kind: 'weekly'; startDate: string; intervalWeeks: number; count: number }
  | { kind: 'monthly'; startDate: string; nth: 1 | 2 | 3 | 4 | -1; weekday: number; count: number }

/** The most people a session may count as present but not known by name (人数のみの参加). */
export const MAX_ANONYMOUS_HEADCOUNT = 1_000_000

/** The largest series one request may create: two years of weekly sessions. */
export const MAX_SERIES_COUNT = 104

/** The session dates of a series, in order. A monthly series starts on or after `startDate`. */
export function seriesDates(rule: SeriesRule): string[] {
  const count = Math.max(0, Math.min(MAX_SERIES_COUNT, Math.floor(rule.count)))
  if (rule.kind === 'weekly') {
    const step = 7 * Math.max(1, Math.floor(rule.intervalWeeks))
    const first = dayNumber(rule.startDate)
    return Array.from({ length: count }, (_, i) => isoOfDay(first + i * step))
  }
  const dates: string[] = []
  let year = Number(rule.startDate.slice(0, 4))
  let month = Number(rule.startDate.slice(5, 7))
  // Twelve months always contain each 1st–4th and last weekday, so this always terminates.
  while (dates.length < count) {
    const date = nthWeekdayOfMonth(year, month, rule.nth, rule.weekday)
    if (date >= rule.startDate) dates.push(date)
    month += 1
    if (month > 12) {
      month = 1
      year += 1
    }
  }
  return dates
}

/** E.g. the 2nd Saturday (nth 2, weekday 6) of 2025-01 → '2025-01-11'; nth -1 is the last. */
export function nthWeekdayOfMonth(year: number, month: number, nth: 1 | 2 | 3 | 4 | -1, weekday: number): string {
  const first = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`
  if (nth === -1) {
    const nextMonthFirst = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`
    const last = dayNumber(nextMonthFirst) - 1
    const back = (weekdayOf(isoOfDay(last)) - weekday + 7) % 7
    return isoOfDay(last - back)
  }
  const ahead = (weekday - weekdayOf(first) + 7) % 7
  return isoOfDay(dayNumber(first) + ahead + (nth - 1) * 7)
}

/**
 * Which of its month's weekdays a date is, as a monthly series names it: 2026-10-03 is the 1st
 * Saturday (1); a 5th occurrence is the last (-1). A series started from a date should include it.
 */
export function weekdayOrdinalOf(date: string): 1 | 2 | 3 | 4 | -1 {
  const n = Math.ceil(Number(date.slice(8, 10)) / 7)
  return n >= 5 ? -1 : (n as 1 | 2 | 3 | 4)
}

/**
 * The same weekday about one year later: a Saturday course stays on Saturdays. It is the day
 * with the original weekday nearest to the anniversary (at most three days away); 2月29日's
 * anniversary in a common year is 2月28日.
 */
export function sameWeekdayNextYear(date: string): string {
  const y = Number(date.slice(0, 4)) + 1
  let anniversary = `${y}${date.slice(4)}`
  if (!isValidIsoDate(anniversary)) anniversary = `${y}-02-28`
  const diff = (weekdayOf(date) - weekdayOf(anniversary) + 7) % 7
  return addDays(anniversary, diff <= 3 ? diff : diff - 7)
}

/** Days between two dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a)
}

// ---------------------------------------------------------------------------
// Session times are stored as UTC instants; people think in Japan's local time (UTC+9, no DST).

const JST_OFFSET_MS = 9 * 3_600_000

/** '2025-06-14' + '13:30' (JST) → '2025-06-14T04:30:00.000Z'. */
export function jstInstant(date: string, time: string): string {
  const [h, m] = time.split(':').map(Number)
  return new Date(dayNumber(date) * MS_PER_DAY + (h * 60 + m) * 60_000 - JST_OFFSET_MS).toISOString()
}

/** A stored instant → its JST calendar day and 'HH:MM'. */
export function jstParts(instant: string): { date: string; time: string } {
  const local = new Date(Date.parse(instant) + JST_OFFSET_MS).toISOString()
  return { date: local.slice(0, 10), time: local.slice(11, 16) }
}

/**
 * A program's sessions as an imported list meets them: a row with a time is the session at
 * that time; a row with a day only (no 時間 column) is any session that day, so importing a
 * list without times again never adds a second session beside the 13:00 one. The other way
 * round too: a session registered without a time (stored at 00:00) is whatever time a later
 * list gives that day, so a list with times does not add the day's session a second time.
 */
export function sessionsOnRecord(starts: readonly string[]) {
  const instants = new Set(starts)
  const days = new Set<string>()
  const untimedDays = new Set<string>()
  for (const start of starts) {
    const { date, time } = jstParts(start)
    days.add(date)
    if (time === '00:00') untimedDays.add(date)
  }
  return {
    has: (date: string, time: string | null) =>
      time === null ? days.has(date) : instants.has(jstInstant(date, time)) || untimedDays.has(date),
    /** The day has a session without a time (what a timed row then meets). */
    untimedOn: (date: string) => untimedDays.has(date),
    add(date: string, time: string | null): void {
      instants.add(jstInstant(date, time ?? '00:00'))
      days.add(date)
      if (time === null) untimedDays.add(date)
    },
  }
}

/**
 * The sessions earlier rows of one file give, each with the line that gave it: a later row for
 * the same session (or a timed row on a day an earlier row left untimed) is told which line.
 */
export function sessionsInFile() {
  const seen = sessionsOnRecord([])
  const lineAt = new Map<string, number>()
  const firstLineOn = new Map<string, number>()
  const untimedLineOn = new Map<string, number>()
  const keep = (map: Map<string, number>, key: string, line: number) => map.has(key) || map.set(key, line)
  return {
    /** The line of the earlier row with this session, or null when no earlier row has it. */
    lineOf(date: string, time: string | null): number | null {
      if (!seen.has(date, time)) return null
      if (time === null) return firstLineOn.get(date) ?? null
      return lineAt.get(jstInstant(date, time)) ?? untimedLineOn.get(date) ?? null
    },
    untimedOn: seen.untimedOn,
    add(date: string, time: string | null, line: number): void {
      seen.add(date, time)
      keep(lineAt, jstInstant(date, time ?? '00:00'), line)
      keep(firstLineOn, date, line)
      if (time === null) keep(untimedLineOn, date, line)
    },
  }
}

export type SessionsInFile = ReturnType<typeof sessionsInFile>

/**
 * Session dates that fall outside their program: outside its 年度 (April–March) or outside its
 * 開始日〜終了日 (either end may be open). Forms warn about these; nothing refuses them, since a
 * course may well end with a session after the year turns.
 */
export function datesOutsideProgram(
  dates: readonly string[],
  program: { fiscalYear: number; startDate: string | null; endDate: string | null },
): { fiscalYear: string[]; period: string[] } {
  const year = fiscalYearRange(program.fiscalYear)
  return {
    fiscalYear: dates.filter((d) => d < year.start || d > year.end),
    period: dates.filter(
      (d) => (program.startDate !== null && d < program.startDate) || (program.endDate !== null && d > program.endDate),
    ),
  }
}

/**
 * A program name for next year's copy: the fiscal year written in it moves on by one
 * (2025 → 2026, 2025年度 → 2026年度, 令和7年度 → 令和8年度, R7 → R8). Other numbers stay.
 */
export function nextYearProgramName(name: string, fiscalYear: number): string {
  const reiwa = fiscalYear - 2018
  return name
    .replace(new RegExp(`(?<!\\d)${fiscalYear}(?!\\d)`, 'g'), String(fiscalYear + 1))
    .replace(new RegExp(`令和${reiwa === 1 ? '(?:元|1)' : reiwa}年度`, 'g'), `令和${reiwa + 1}年度`)
    .replace(new RegExp(`(?<![A-Za-z0-9])R${reiwa}(?!\\d)`, 'g'), `R${reiwa + 1}`)
}
