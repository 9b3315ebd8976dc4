import { useTranslation } from 'react-i18next'
import type { ImportFilter } from './useImportFilter'

const day = (iso: string) => new Date(iso).toLocaleDateString('ja-JP', { year: 'numeric', month: 'numeric', day: 'numeric' })

/**
 * What the list is narrowed to when opened from an import's result: 「取り込み「名簿.csv」の40人」
 * with × to see everyone. An undone or unknown import says so here, in words, rather than
 * leaving the coordinator in front of an empty list wondering where the people went.
 */
export function ImportFilterChip({ filter }: { filter: ImportFilter }) {
  const { t } = useTranslation()
  const { batch, missing, clear } = filter
  if (!batch && !missing) return null
  const problem = missing || batch?.undoneAt
  const text = missing
    ? t('people.importFilter.missing')
    : batch!.undoneAt
      ? t('people.importFilter.undone', { file: batch!.fileName, date: day(batch!.undoneAt) })
      : t('people.importFilter.label', { file: batch!.fileName, count: batch!.people })
  return (
    <div className={problem ? 'filter-chip filter-chip-problem' : 'filter-chip'} data-testid="participants-import-filter">
      <span className="filter-chip-text" role={problem ? 'alert' : undefined}>
        {text}
      </span>
      {problem ? (
        <button type="button" className="button-secondary" data-testid="participants-import-clear" onClick={clear}>
          {t('people.importFilter.showAll')}
        </button>
      ) : (
        <button
          type="button"
          className="filter-chip-remove"
          aria-label={t('people.importFilter.clear')}
          title={t('people.importFilter.clear')}
          data-testid="participants-import-clear"
          onClick={clear}
        >
          ×
        </button>
      )}
    </div>
  )
}
