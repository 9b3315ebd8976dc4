import { useTranslation } from 'react-i18next'
import { useApiQuery } from '../../api/hooks'

export function DatabaseInfo() {
  const { t } = useTranslation()
  // The counts, asked for here only: counting a big database's visits is not free.
  const { data: info } = useApiQuery('app.info', {}, ['contact', 'program', 'session', 'visit', 'setting'])
  if (!info) return null
  const rows: [string, string | number][] = [
    [t('settings.databaseName'), info.databaseName],
    [t('settings.demo'), info.isDemo ? t('settings.demoYes') : t('settings.demoNo')],
    [t('settings.schemaVersion'), info.schemaVersion],
    [t('settings.appVersion'), info.appVersion],
    ...(['contacts', 'programs', 'sessions', 'visits'] as const).map((key): [string, string] => [
      t(`reports.counts.${key}`),
      info.counts[key].toLocaleString('ja-JP'),
    ]),
  ]
  return (
    <div className="panel">
      <h2>{t('settings.database')}</h2>
      <dl className="info-list" data-testid="database-info">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  )
}
