import { fiscalYearOf } from './dates'

/**
 * The birth year kept when a person is anonymized. 年度 statistics band ages at April 1
 * (reports/ageBand.ts), and with only a year they assume a July 1 birthday. So a person born
 * January 1 – April 1 (早生まれ) is stored with the year before: with that year, the age on
 * every April 1 is exactly the age the full birth date gave, and no past or future 年度
 * figure moves. The exact date is gone; what is kept is the school-year cohort.
 */
export function cohortBirthYear(birthDate: string | null, birthYear: number | null): number | null {
  if (!birthDate) return birthYear
  const y = Number(birthDate.slice(0, 4))
  const monthDay = birthDate.slice(5, 10)
  return monthDay <= '04-01' ? y - 1 : y
}

export interface FiscalYearImpact {
  fiscalYear: number
  /** 実人数 change (−1 where the person was involved that year). */
  uniquePeople: number
  /** 延べ人数 change (−their visits that year). */
  attendances: number
}

/** How deleting one person changes each fiscal year's 実人数 and 延べ人数, from their visit dates. */
export function deletionImpact(visitDates: readonly string[]): FiscalYearImpact[] {
  const byYear = new Map<number, number>()
  for (const d of visitDates) byYear.set(fiscalYearOf(d), (byYear.get(fiscalYearOf(d)) ?? 0) + 1)
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([fiscalYear, n]) => ({ fiscalYear, uniquePeople: -1, attendances: -n }))
}
