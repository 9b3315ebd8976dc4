import { useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import './safety.css'

/**
 * Asks for the passphrase a backup was written with, when it is not today's (the backup is
 * older than a passphrase change). Shown by the backups list and by the recovery screen.
 */
export function BackupPassphraseForm({
  date,
  prompt,
  busy,
  error,
  onRestore,
  onCancel,
}: {
  date: string
  /** Replaces the backup-folder wording (a file chosen from a USB stick has no date of ours). */
  prompt?: string
  busy: boolean
  error: string | null
  onRestore: (passphrase: string) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const [passphrase, setPassphrase] = useState('')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (passphrase) onRestore(passphrase)
  }
  return (
    <form className="safety-passphrase safety-backup-passphrase" onSubmit={submit} data-testid="backup-passphrase-form">
      <p>{prompt ?? t('safety.backupPassphraseNeeded', { date })}</p>
      <label>
        {t('safety.backupPassphrase')}
        <input
          type="password"
          autoFocus
          autoComplete="off"
          value={passphrase}
          aria-invalid={error !== null}
          onChange={(e) => setPassphrase(e.target.value)}
        />
      </label>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="safety-actions">
        <button type="submit" className="button" disabled={busy || !passphrase}>
          {busy ? t('safety.restoring') : t('safety.restoreWithPassphrase')}
        </button>
        <button type="button" className="button-link" onClick={onCancel} disabled={busy}>
          {t('safety.cancel')}
        </button>
      </div>
    </form>
  )
}
