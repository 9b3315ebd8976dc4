import { useTranslation } from 'react-i18next'
import { PageHeader } from '../../app/PageHeader'
import { PlannedList } from '../../app/PlannedList'

/** A placeholder until the import wizard lands. */
export function ImportPage() {
  const { t } = useTranslation()
  return (
    <section className="page page-text" aria-labelledby="import-title">
      <PageHeader id="import-title" title={t('import.title')} description={t('import.description')} />
      <PlannedList title={t('import.planned')} items={t('import.plannedItems', { returnObjects: true })} />
    </section>
  )
}
