import { useTranslation } from 'react-i18next'

/** The active batch filter above the log, with × to drop it (the other filters stay). */
export function BatchFilterChip({ label, onClear }: { label: string; onClear: () => void }) {
  const { t } = useTranslation()
  return (
    <p className="audit-batch-chip" data-testid="audit-batch-filter">
      <span>{t('audit.batchFilter', { label })}</span>
      <button type="button" onClick={onClear} aria-label={t('audit.batchClear')} title={t('audit.batchClear')}>
        ×
      </button>
    </p>
  )
}
