import { useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../shared/contract/errors'
import type { SafetyStatus } from '../../../shared/contract/safety'
import { api } from '../api/client'

/** The passphrase prompt of an encrypted database. A wrong passphrase changes nothing. */
export function LockedScreen({ status, onOpened }: { status: SafetyStatus; onOpened: (s: SafetyStatus) => void }) {
  const { t } = useTranslation()
  const [passphrase, setPassphrase] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!passphrase) return
    setBusy(true)
    setError(null)
    try {
      onOpened(await api.call('safety.unlock', { passphrase }))
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e))
      setPassphrase('')
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="safety-screen">
      <form className="safety-card" onSubmit={submit} data-testid="locked-screen">
        <div className="safety-icon safety-icon-lock" aria-hidden="true">
          <svg viewBox="0 0 16 16" width="20" height="20">
            <path
              d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2M3.5 7h9v7h-9zM8 9.5v2"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.3"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
        </div>
        <h1>{t('safety.lockedTitle')}</h1>
        <p>{t('safety.lockedDescription', { name: status.databaseName })}</p>
        <label htmlFor="unlock-passphrase">{t('safety.passphrase')}</label>
        <input
          id="unlock-passphrase"
          type="password"
          autoFocus
          autoComplete="current-password"
          value={passphrase}
          aria-invalid={error !== null}
          aria-describedby={error ? 'unlock-error' : undefined}
          onChange={(e) => setPassphrase(e.target.value)}
        />
        {error && (
          <p id="unlock-error" className="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button" disabled={busy || !passphrase}>
          {busy ? t('safety.unlocking') : t('safety.unlock')}
        </button>
      </form>
    </div>
  )
}
