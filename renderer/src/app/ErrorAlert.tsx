import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'

export interface AlertMessage {
  /** Changes with every new alert, so the same text twice still restarts the timer. */
  id: number
  title: string
  message: string
  hint?: string
}

/** A quiet error bubble (role="alert") that closes itself after a while. */
export function ErrorAlert({ alert, onClose, testId }: { alert: AlertMessage | null; onClose: () => void; testId: string }) {
  const { t } = useTranslation()
  useEffect(() => {
    if (!alert) return
    const timer = setTimeout(onClose, 12_000)
    return () => clearTimeout(timer)
  }, [alert, onClose])
  if (!alert) return null
  return (
    <div className="error-alert" role="alert" data-testid={testId}>
      <div className="error-alert-icon" aria-hidden="true">
        !
      </div>
      <div className="error-alert-body">
        <strong>{alert.title}</strong>
        <p>{alert.message}</p>
        {alert.hint && <p className="error-alert-hint">{alert.hint}</p>}
      </div>
      <button type="button" className="error-alert-close" aria-label={t('common.close')} onClick={onClose}>
        ×
      </button>
    </div>
  )
}
