import { displayCell, suppressLine, suppressValue } from '../../../shared/domain/reports/suppression'
import { breakdownKeys, summaryFigures, summaryKeys } from '../../../shared/domain/reports/tables'
import type { Breakdown } from '../../../shared/domain/reports/tables'
import type { FiscalYearReport } from '../../../shared/domain/reports/types'
import { formatFiscalYear } from '../../../shared/domain/dates'
import { fundingSources, genders, roots, bases, stages } from '../../../shared/domain/vocabulary'
import { scopeText } from './reportXlsx'

export type FormValue = string | number

/**
 * The values a form's placeholders can name, e.g. {{uniquePeople}}, {{byArea.東京圏}},
 * {{byGender.女性}} or {{byGender.female}}, {{byMonth.04}}. With k, the same suppression as
 * every other export (a breakdown is suppressed as a line against its total).
 */
export function formValues(report: FiscalYearReport, k: number | null): Map<string, FormValue> {
  const values = new Map<string, FormValue>()
  const suppressing = k !== null && k > 1
  const figures = summaryFigures(report, k)
  for (const key of summaryKeys) values.set(key, figures[key] ?? 0)
  values.set('fiscalYear', report.fiscalYear)
  values.set('fiscalYearLabel', formatFiscalYear(report.fiscalYear))
  values.set('fiscalYearJapanese', formatFiscalYear(report.fiscalYear).replace(/（.*）$/, ''))
  values.set('periodStart', report.period.start)
  values.set('periodEnd', report.period.end)
  values.set('organizationName', report.rules.organizationName)
  values.set('scope', scopeText(report))
  values.set('generatedAt', report.generatedAt.slice(0, 10))
  values.set('continuingMinInvolvements', report.rules.continuingMinInvolvements)
  values.set('suppressionK', report.rules.suppressionK)

  const line = (name: Breakdown, counts: Record<string, number>, total: number, labels: Record<string, string> = {}) => {
    // The tables' order, so both hide the same cells (breakdownKeys).
    const keys = breakdownKeys(report, name).filter((key) => key in counts)
    const cells = suppressing
      ? suppressLine(
          keys.map((key) => counts[key]),
          total,
          k,
        ).cells
      : null
    keys.forEach((key, i) => {
      const value: FormValue = cells ? displayCell(cells[i], k!) : counts[key]
      values.set(`${name}.${key}`, value)
      if (labels[key]) values.set(`${name}.${labels[key]}`, value)
    })
  }
  line('byArea', report.byArea, report.uniquePeople)
  line('byPrefecture', report.byPrefecture, report.uniquePeople)
  line('byAgeBand', report.byAgeBand, report.uniquePeople)
  line('byGender', report.byGender, report.uniquePeople, genders.labels)
  line('byRoots', report.byRoots, report.uniquePeople, roots.labels)
  line('byBasis', report.byBasis, report.uniquePeople, bases.labels)
  line('byMonth', report.byMonth, report.totalInvolvements)
  line('stagesAtYearEnd', report.stagesAtYearEnd, report.uniquePeople, stages.labels)
  return values
}

/** Per-program values for a table row: {{program.name}}, {{program.uniquePeople}}, … */
export function programValues(report: FiscalYearReport, k: number | null): Map<string, FormValue>[] {
  const suppressing = k !== null && k > 1
  const one = (n: number): FormValue => (suppressing ? displayCell(suppressValue(n, k), k) : n)
  return report.programs.map(
    (p, i) =>
      new Map<string, FormValue>([
        ['program.no', i + 1],
        ['program.name', p.name],
        ['program.fundingSource', p.fundingSource ? fundingSources.labels[p.fundingSource] : ''],
        ['program.sessions', one(p.sessions.length)],
        ['program.firstSession', p.sessions[0]?.date ?? ''],
        ['program.lastSession', p.sessions[p.sessions.length - 1]?.date ?? ''],
        ['program.applicants', one(p.applicants)],
        ['program.confirmed', one(p.confirmed)],
        ['program.completed', one(p.completed)],
        ['program.uniquePeople', one(p.uniquePeople)],
        ['program.totalInvolvements', one(p.totalInvolvements)],
        ['program.anonymousHeadcount', one(p.anonymousHeadcount)],
      ]),
  )
}
