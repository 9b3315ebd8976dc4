import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../shared/contract/errors'

export function LoadError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const { t } = useTranslation()
  return (
    <div className="load-error" role="alert">
      <span>
        {t('common.loadFailed')}：{error.message}
      </span>
      <button type="button" className="button" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  )
}
