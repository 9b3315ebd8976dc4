/**
 * Dates for the generator as day numbers (days since 1970-01-01), which are cheap to draw,
 * compare and add. Conversions to the stored 'YYYY-MM-DD' text are cached: a million visits
 * share a few thousand distinct days.
 */
import { fiscalYearRange } from '../../../shared/domain/dates'

const MS_PER_DAY = 86_400_000
/** Japan is UTC+9 all year (no daylight saving). */
const JST_OFFSET_MS = 9 * 3_600_000

/** The day the demo world ends: nothing happens after it, later sessions are planned. */
export const AS_OF = '2026-11-20'

export function dayOf(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY)
}

const isoCache = new Map<number, string>()

export function isoOf(day: number): string {
  let iso = isoCache.get(day)
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10)
    isoCache.set(day, iso)
  }
  return iso
}

export const asOfDay = dayOf(AS_OF)

/** Month (1–12) of a day number. */
export function monthOf(day: number): number {
  return Number(isoOf(day).slice(5, 7))
}

/** Day number of a date in a fiscal year given as month and day ('June 10 of FY2024' is 2024-06-10). */
export function dayInFiscalYear(fy: number, month: number, dayOfMonth: number): number {
  const year = month >= 4 ? fy : fy + 1
  return dayOf(`${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`)
}

export function fiscalYearDays(fy: number): { start: number; end: number } {
  const { start, end } = fiscalYearRange(fy)
  return { start: dayOf(start), end: dayOf(end) }
}

/** Epoch milliseconds of a Japan local time on a day. */
export function jstMs(day: number, hour: number, minute = 0): number {
  return day * MS_PER_DAY + hour * 3_600_000 + minute * 60_000 - JST_OFFSET_MS
}

const PAD2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'))
const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'))

/** Stored timestamps are ISO-8601 UTC, exactly as Date#toISOString writes them (but cheaper). */
export function timestamp(ms: number): string {
  const t = Math.floor(ms)
  const day = Math.floor(t / MS_PER_DAY)
  let rest = t - day * MS_PER_DAY
  const hour = Math.floor(rest / 3_600_000)
  rest -= hour * 3_600_000
  const minute = Math.floor(rest / 60_000)
  rest -= minute * 60_000
  const second = Math.floor(rest / 1000)
  return `${isoOf(day)}T${PAD2[hour]}:${PAD2[minute]}:${PAD2[second]}.${PAD3[rest - second * 1000]}Z`
}

/** A plausible moment on a day when someone typed something in (08:30–21:59 JST). */
export function officeMs(day: number, fraction: number): number {
  return jstMs(day, 8, 30) + Math.floor(fraction * 13.5 * 3_600_000)
}
