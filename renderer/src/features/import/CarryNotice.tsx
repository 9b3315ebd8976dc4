import { useTranslation } from 'react-i18next'
import type { CarryNotice as Notice } from './useRowWork'

/** After a new reading of the same file: how many rows kept their fix or choice, and which could not. */
export function CarryNotice({ notice, carrying }: { notice: Notice | null; carrying: boolean }) {
  const { t } = useTranslation()
  if (carrying)
    return (
      <p className="import-busy" role="status" data-testid="import-carry-notice">
        <span className="spinner" aria-hidden="true" />
        {t('import.carry.working')}
      </p>
    )
  if (!notice) return null
  return (
    <p
      className={notice.dropped > 0 ? 'import-notice import-notice-warn' : 'import-notice'}
      role="status"
      data-testid="import-carry-notice"
    >
      {t('import.carry.kept', { count: notice.kept })}
      {notice.dropped > 0 && <> {t('import.carry.dropped', { count: notice.dropped, lines: notice.lines.join('・') })}</>}
    </p>
  )
}
