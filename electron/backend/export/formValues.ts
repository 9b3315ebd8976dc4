import { publishedFigures, summaryKeys } from '../../../shared/domain/reports/published'
import type { Breakdown } from '../../../shared/domain/reports/published'
import type { FiscalYearReport } from '../../../shared/domain/reports/types'
import { fiscalYearMonths, formatFiscalYear } from '../../../shared/domain/dates'
import { fundingSources, genders, roots, bases, stages } from '../../../shared/domain/vocabulary'
import { scopeText } from './reportXlsx'

export type FormValue = string | number

/**
 * The values a form's placeholders can name, e.g. {{uniquePeople}}, {{byArea.東京圏}},
 * {{byGender.女性}} or {{byGender.female}}, {{byMonth.2024-04}} or {{byMonth.04}}. With k, the very cells every other
 * export shows (publishedFigures), so a form beside the workbook gives nothing away.
 */
export function formValues(report: FiscalYearReport, k: number | null): Map<string, FormValue> {
  const values = new Map<string, FormValue>()
  const published = publishedFigures(report, k)
  for (const key of summaryKeys) values.set(key, published.summary[key] ?? 0)
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

  const line = (name: Breakdown, labels: Record<string, string> = {}) => {
    const { keys, values: cells } = published.breakdowns[name]
    keys.forEach((key, i) => {
      const value: FormValue = cells[i] ?? 0
      values.set(`${name}.${key}`, value)
      if (labels[key]) values.set(`${name}.${labels[key]}`, value)
    })
  }
  line('byArea')
  line('byPrefecture')
  line('byAgeBand')
  line('byGender', genders.labels)
  line('byRoots', roots.labels)
  line('byBasis', bases.labels)
  // The report keys months 'YYYY-MM'; a form names them by the month alone as well ({{byMonth.04}}),
  // as forms written before did — within one 年度 the month is enough.
  line('byMonth', Object.fromEntries(fiscalYearMonths(report.fiscalYear).map((m) => [m, m.slice(5, 7)])))
  line('stagesAtYearEnd', stages.labels)
  return values
}

/** Per-program values for a table row: {{program.name}}, {{program.uniquePeople}}, … */
export function programValues(report: FiscalYearReport, k: number | null): Map<string, FormValue>[] {
  const published = publishedFigures(report, k).programs
  return report.programs.map((p, i) => {
    const f = published[i]!
    return new Map<string, FormValue>([
      ['program.no', i + 1],
      ['program.name', p.name],
      ['program.fundingSource', p.fundingSource ? fundingSources.labels[p.fundingSource] : ''],
      ['program.sessions', p.sessions.length],
      ['program.firstSession', p.sessions[0]?.date ?? ''],
      ['program.lastSession', p.sessions[p.sessions.length - 1]?.date ?? ''],
      ['program.applicants', f.applicants ?? 0],
      ['program.confirmed', f.confirmed ?? 0],
      ['program.completed', f.completed ?? 0],
      ['program.uniquePeople', f.uniquePeople ?? 0],
      ['program.totalInvolvements', f.totalInvolvements ?? 0],
      ['program.anonymousHeadcount', f.anonymousHeadcount ?? 0],
    ])
  })
}
