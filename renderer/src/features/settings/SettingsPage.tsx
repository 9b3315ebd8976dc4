import { useTranslation } from 'react-i18next'
import { useApiQuery } from '../../api/hooks'
import { LoadError } from '../../app/LoadError'
import { PageHeader } from '../../app/PageHeader'
import { DatabaseInfo } from './DatabaseInfo'
import { StageLabelRow } from './StageLabelRow'
import { BackupsPanel } from './BackupsPanel'
import { EncryptionPanel } from './EncryptionPanel'
import { RetentionPanel } from '../privacy/RetentionPanel'
import { StageRuleSettings } from '../timeline/StageRuleSettings'

export function SettingsPage() {
  const { t } = useTranslation()
  const stages = useApiQuery('stages.list', {}, ['setting'])
  return (
    <section className="page page-text" aria-labelledby="settings-title">
      <PageHeader id="settings-title" title={t('settings.title')} />
      <DatabaseInfo />
      <BackupsPanel />
      <EncryptionPanel />
      <RetentionPanel />
      <div className="panel">
        <h2>{t('settings.stages')}</h2>
        <p className="panel-description">{t('settings.stagesDescription')}</p>
        {stages.error && <LoadError error={stages.error} onRetry={stages.reload} />}
        <div className="stage-list">
          {stages.data?.map((stage) => (
            <StageLabelRow key={stage.code} stage={stage} />
          ))}
        </div>
      </div>
      <StageRuleSettings />
    </section>
  )
}
