import { useTranslation } from 'react-i18next'
import type { ProgramSummary } from '../../../../shared/contract/records'
import { formatFiscalYear } from '../../../../shared/domain/dates'
import { fundingSources } from '../../../../shared/domain/vocabulary'
import type { FundingSource } from '../../../../shared/domain/vocabulary'

export interface Scope {
  fiscalYear: number
  programIds: string[]
  fundingSource: FundingSource | null
}

/** Year (和暦 and 西暦), funding source, and optionally some of the year's programs. */
export function ScopePicker({
  scope,
  years,
  programs,
  onChange,
}: {
  scope: Scope
  years: number[]
  programs: ProgramSummary[]
  onChange: (scope: Scope) => void
}) {
  const { t } = useTranslation()
  const inYear = programs.filter(
    (p) => p.fiscalYear === scope.fiscalYear && (!scope.fundingSource || p.fundingSource === scope.fundingSource),
  )
  const toggle = (id: string) =>
    onChange({
      ...scope,
      programIds: scope.programIds.includes(id) ? scope.programIds.filter((x) => x !== id) : [...scope.programIds, id],
    })
  return (
    <div className="panel report-scope" aria-label={t('reportsPage.scope')} role="group">
      <label className="report-field">
        <span>{t('reportsPage.fiscalYear')}</span>
        <select
          data-testid="report-fiscal-year"
          value={scope.fiscalYear}
          onChange={(e) => onChange({ fiscalYear: Number(e.target.value), programIds: [], fundingSource: scope.fundingSource })}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {formatFiscalYear(y)}
            </option>
          ))}
        </select>
      </label>
      <label className="report-field">
        <span>{t('reportsPage.funding')}</span>
        <select
          data-testid="report-funding"
          value={scope.fundingSource ?? ''}
          onChange={(e) =>
            onChange({ ...scope, programIds: [], fundingSource: (e.target.value || null) as FundingSource | null })
          }
        >
          <option value="">{t('reportsPage.allFunding')}</option>
          {fundingSources.codes.map((code) => (
            <option key={code} value={code}>
              {t(`vocab.fundingSource.${code}`)}
            </option>
          ))}
        </select>
      </label>
      <details className="report-programs">
        <summary data-testid="report-programs-summary">
          {t('reportsPage.programs')}:{' '}
          {scope.programIds.length === 0
            ? t('reportsPage.allPrograms')
            : t('reportsPage.programsChosen', { count: scope.programIds.length })}
        </summary>
        {inYear.length === 0 ? (
          <p className="panel-description">{t('reportsPage.noProgramsInYear')}</p>
        ) : (
          <ul>
            {inYear.map((p) => (
              <li key={p.id}>
                <label>
                  <input type="checkbox" checked={scope.programIds.includes(p.id)} onChange={() => toggle(p.id)} /> {p.name}
                </label>
              </li>
            ))}
          </ul>
        )}
        {scope.programIds.length > 0 && (
          <button type="button" className="button" onClick={() => onChange({ ...scope, programIds: [] })}>
            {t('reportsPage.clearPrograms')}
          </button>
        )}
      </details>
    </div>
  )
}
