/**
 * Counting one person's involvements per 年度, from visit records only (registration never
 * counts), the same definition the reports use: 延べ (each visit) and the programs involved.
 */
import { fiscalYearOf } from './dates'
import type { VisitMode } from './vocabulary'

export interface CountableVisit {
  visitDate: string
  mode: VisitMode
  nights: number
  programId: string | null
}

export interface FiscalYearCount {
  fiscalYear: number
  involvements: number
  onsite: number
  online: number
  nights: number
  /** Distinct programs with at least one involvement that year. */
  programs: number
}

/** Newest fiscal year first. */
export function countsByFiscalYear(visits: readonly CountableVisit[]): FiscalYearCount[] {
  const years = new Map<number, FiscalYearCount & { programIds: Set<string> }>()
  for (const v of visits) {
    const fy = fiscalYearOf(v.visitDate)
    let y = years.get(fy)
    if (!y) {
      y = { fiscalYear: fy, involvements: 0, onsite: 0, online: 0, nights: 0, programs: 0, programIds: new Set() }
      years.set(fy, y)
    }
    y.involvements += 1
    if (v.mode === 'online') y.online += 1
    else y.onsite += 1
    y.nights += v.nights
    if (v.programId) y.programIds.add(v.programId)
  }
  return [...years.values()]
    .sort((a, b) => b.fiscalYear - a.fiscalYear)
    .map(({ programIds, ...y }) => ({ ...y, programs: programIds.size }))
}
