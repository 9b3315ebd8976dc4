import { useTranslation } from 'react-i18next'
import type { ImportPreview } from '../../../../shared/contract/imports'
import type { RowFilter } from './importState'

const filters: RowFilter[] = ['all', 'errors', 'warnings', 'duplicates']

/** The counts of the whole file, which double as the row filter (すべて / エラー / 警告 / 重複の候補). */
export function ReviewCounts({
  preview,
  filter,
  onFilter,
}: {
  preview: ImportPreview
  filter: RowFilter
  onFilter: (filter: RowFilter) => void
}) {
  const { t } = useTranslation()
  const { counts } = preview
  const countOf: Record<RowFilter, number> = {
    all: counts.rows,
    errors: counts.errors,
    warnings: counts.warnings,
    duplicates: counts.duplicates,
  }
  return (
    <div className="import-counts">
      <p className="import-counts-summary" data-testid="import-counts">
        <strong>{t('import.counts.rows', { count: counts.rows })}</strong>
        <span>
          {t('import.counts.ok')} <b>{counts.ok.toLocaleString()}</b>
        </span>
        <span className={counts.errors > 0 ? 'count-error' : undefined}>
          {t('import.counts.errors')} <b>{counts.errors.toLocaleString()}</b>
        </span>
        <span className={counts.warnings > 0 ? 'count-warning' : undefined}>
          {t('import.counts.warnings')} <b>{counts.warnings.toLocaleString()}</b>
        </span>
        <span className={counts.duplicates > 0 ? 'count-duplicate' : undefined}>
          {t('import.counts.duplicates')} <b>{counts.duplicates.toLocaleString()}</b>
        </span>
      </p>
      <div className="segmented" role="group" aria-label={t('import.filter.label')} data-testid="import-filter">
        {filters.map((f) => (
          <button
            key={f}
            type="button"
            aria-pressed={filter === f}
            data-testid={`import-filter-${f}`}
            onClick={() => onFilter(f)}
          >
            {t(`import.filter.${f}`)}（{countOf[f].toLocaleString()}）
          </button>
        ))}
      </div>
    </div>
  )
}
