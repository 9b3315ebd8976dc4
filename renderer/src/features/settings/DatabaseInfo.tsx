import { useTranslation } from 'react-i18next'
import { useAppInfo } from '../../app/AppInfoContext'

export function DatabaseInfo() {
  const { t } = useTranslation()
  const { data: info } = useAppInfo()
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
