import { useMemo } from 'react'
import { fiscalYearOf, todayIso } from '../../../../shared/domain/dates'
import type { ProgramSummary } from '../../../../shared/contract/records'

/** Years to offer: every year with a program, plus the last five up to the current one. */
export function fiscalYearOptions(programs: ProgramSummary[] | undefined): number[] {
  const current = currentFiscalYear()
  const years = new Set<number>()
  for (let y = current - 5; y <= current; y++) years.add(y)
  for (const p of programs ?? []) years.add(p.fiscalYear)
  return [...years].sort((a, b) => b - a)
}

export function useFiscalYearOptions(programs: ProgramSummary[] | undefined): number[] {
  return useMemo(() => fiscalYearOptions(programs), [programs])
}

/** The 年度 that today falls in. */
export function currentFiscalYear(): number {
  return fiscalYearOf(todayIso())
}

/** Grant reports are written for the year that just ended. */
export function defaultFiscalYear(): number {
  return currentFiscalYear() - 1
}
