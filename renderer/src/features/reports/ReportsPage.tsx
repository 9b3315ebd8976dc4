import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { eraFiscalYear } from '../../../../shared/domain/dates'
import { useApiQuery } from '../../api/hooks'
import { LoadError } from '../../app/LoadError'
import { PageHeader } from '../../app/PageHeader'
import { hrefOf } from '../../app/routes'
import { ExportPanel } from './ExportPanel'
import { FiguresView } from './FiguresView'
import { ProgramTable } from './ProgramTable'
import { RulesPanel } from './RulesPanel'
import { ScopePicker } from './ScopePicker'
import type { Scope } from './ScopePicker'
import { currentFiscalYear, defaultFiscalYear, useFiscalYearOptions } from './useFiscalYears'
import './reports.css'

/** 年度の報告: pick the year and scope, read the figures and charts, export or fill a form. */
export function ReportsPage() {
  const { t } = useTranslation()
  const [scope, setScope] = useState<Scope>({ fiscalYear: defaultFiscalYear(), programIds: [], fundingSource: null })
  const programs = useApiQuery('programs.list', {}, ['program'])
  const years = useFiscalYearOptions(programs.data)
  const report = useApiQuery('reports.fiscalYear', scope, ['contact', 'visit', 'program', 'session', 'enrollment', 'setting'])
  const rules = useApiQuery('reports.rules.get', {}, ['setting'])
  const stages = useApiQuery('stages.list', {}, ['setting'])
  const data = report.data
  const thisYear = currentFiscalYear()
  const noRecordsAtAll = useApiQuery('app.hasRecords', {}, ['visit']).data?.visits === false

  return (
    <section className="page page-text report-page" aria-labelledby="reports-title" aria-busy={report.loading}>
      <PageHeader id="reports-title" title={t('reportsPage.title')} description={t('reportsPage.description')} />
      <ScopePicker scope={scope} years={years} programs={programs.data ?? []} onChange={setScope} />
      {report.error && <LoadError error={report.error} onRetry={report.reload} />}
      {!data ? (
        <p className="panel-description" role="status">
          {t('reportsPage.loading')}
        </p>
      ) : (
        <>
          <h2 className="report-heading" data-testid="report-heading">
            {data.fiscalYearLabel}{' '}
            <small>
              {data.period.start} 〜 {data.period.end}
            </small>
            {report.loading && <small className="report-refreshing"> {t('reportsPage.loading')}</small>}
          </h2>
          {data.uniquePeople === 0 && (
            <p className="panel panel-muted" data-testid="report-empty">
              {/* Changing the year is no help while the database has no records at all. */}
              {noRecordsAtAll ? (
                <>
                  {t('reportsPage.emptyDatabase')} <a href={hrefOf('visits')}>{t('reportsPage.emptyDatabaseLink')}</a>
                </>
              ) : (
                <>
                  {t('reportsPage.empty')}
                  {/* The page opens on last 年度 (the one reported on); a new user's records are this year's. */}
                  {scope.fiscalYear !== thisYear && (
                    <>
                      {' '}
                      <button
                        type="button"
                        className="button-secondary"
                        onClick={() => setScope({ fiscalYear: thisYear, programIds: [], fundingSource: scope.fundingSource })}
                      >
                        {t('reportsPage.showCurrentYear', { year: eraFiscalYear(thisYear) })}
                      </button>
                    </>
                  )}
                </>
              )}
            </p>
          )}
          <FiguresView report={data} stageLabels={stages.data} />
          <ProgramTable programs={data.programs} />
          <div className="panel">
            <h2>{t('reportsPage.definitions')}</h2>
            <dl className="report-definitions" data-testid="report-definitions">
              {data.definitions.map((d) => (
                <div key={d.term}>
                  <dt>{d.term}</dt>
                  <dd>{d.text}</dd>
                </div>
              ))}
            </dl>
          </div>
          <ExportPanel scope={scope} k={data.rules.suppressionK} />
        </>
      )}
      {rules.data && <RulesPanel rules={rules.data} onSaved={() => report.reload()} />}
    </section>
  )
}
