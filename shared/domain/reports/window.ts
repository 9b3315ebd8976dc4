import { fiscalYearRange } from '../dates'

/**
 * First day of the continuing-rule window: `months` whole months ending on March 31 of the
 * fiscal year. 12 gives April 1 (the year itself), 24 the start of the previous year, 6 October 1.
 */
export function continuingWindowStart(fiscalYear: number, months: number): string {
  const index = (fiscalYear + 1) * 12 + 3 - months // months since year 0, counted from January = 0
  const y = Math.floor(index / 12)
  const m = (index % 12) + 1
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`
}

/** The previous fiscal year's range, for 継続参加（前年度も関わった人）. */
export function previousFiscalYearRange(fiscalYear: number): { start: string; end: string } {
  return fiscalYearRange(fiscalYear - 1)
}
