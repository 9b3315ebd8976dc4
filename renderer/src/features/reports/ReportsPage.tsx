import { useTranslation } from 'react-i18next'
import { useAppInfo } from '../../app/AppInfoContext'
import { PageHeader } from '../../app/PageHeader'
import { PlannedList } from '../../app/PlannedList'

const countKeys = ['contacts', 'programs', 'sessions', 'visits'] as const

/** A placeholder until the report engine lands: what is coming, and what there is to count. */
export function ReportsPage() {
  const { t } = useTranslation()
  const { data: info } = useAppInfo()
  return (
    <section className="page page-text" aria-labelledby="reports-title">
      <PageHeader id="reports-title" title={t('reports.title')} description={t('reports.description')} />
      <div className="panel">
        <h2>{t('reports.currentCounts')}</h2>
        <dl className="stat-list" data-testid="report-counts">
          {countKeys.map((key) => (
            <div key={key} className="stat">
              <dt>{t(`reports.counts.${key}`)}</dt>
              <dd>{info ? info.counts[key].toLocaleString('ja-JP') : '–'}</dd>
            </div>
          ))}
        </dl>
      </div>
      <PlannedList title={t('reports.planned')} items={t('reports.plannedItems', { returnObjects: true })} />
    </section>
  )
}
