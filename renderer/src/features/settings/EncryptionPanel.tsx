import { useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../../shared/contract/errors'
import { api } from '../../api/client'
import { useApiQuery } from '../../api/hooks'
import { useConfirm } from '../../app/useConfirm'

/** Set, change or remove the database passphrase (encryption at rest). */
export function EncryptionPanel() {
  const { t } = useTranslation()
  const status = useApiQuery('safety.status', {}, ['setting'])
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [again, setAgain] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const encrypted = status.data?.encrypted ?? false
  const plainBackups = status.data?.plainBackupCount ?? 0
  const { confirm, dialog } = useConfirm()

  async function removePlainBackups() {
    const yes = await confirm({
      title: t('safety.removePlainTitle'),
      body: t('safety.removePlainConfirm', { count: plainBackups }),
      confirmLabel: t('safety.removePlainGo'),
      cancelLabel: t('safety.cancel'),
      testId: 'plain-backups-remove',
    })
    if (!yes) return
    setBusy(true)
    setMessage(null)
    try {
      const { removed } = await api.call('safety.removePlainBackups', {})
      setMessage({ kind: 'ok', text: t('safety.plainRemoved', { count: removed }) })
      status.reload()
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : String(e) })
    } finally {
      setBusy(false)
    }
  }

  async function save(remove: boolean) {
    setMessage(null)
    if (!remove) {
      if ([...next].length < 8) return setMessage({ kind: 'error', text: t('safety.passphraseTooShort') })
      if (next !== again) return setMessage({ kind: 'error', text: t('safety.passphraseMismatch') })
    } else if (
      !(await confirm({
        title: t('safety.removeTitle'),
        body: t('safety.removeConfirm'),
        confirmLabel: t('safety.removeGo'),
        cancelLabel: t('safety.cancel'),
        testId: 'encryption-remove',
      }))
    )
      return
    setBusy(true)
    try {
      await api.call('safety.setPassphrase', { ...(encrypted ? { current } : {}), next: remove ? null : next })
      setMessage({ kind: 'ok', text: remove ? t('safety.passphraseRemoved') : t('safety.passphraseSaved') })
      setCurrent('')
      setNext('')
      setAgain('')
      status.reload()
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : String(e) })
    } finally {
      setBusy(false)
    }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    void save(false)
  }

  return (
    <form className="panel safety-passphrase" onSubmit={submit} data-testid="encryption-panel" noValidate>
      <h2>{t('safety.encryption')}</h2>
      {dialog}
      <p className="panel-description">{encrypted ? t('safety.encryptionOn') : t('safety.encryptionOff')}</p>
      {encrypted && plainBackups > 0 && (
        <div className="safety-plain-backups" data-testid="plain-backups">
          <p>{t('safety.plainBackups', { count: plainBackups })}</p>
          <button type="button" className="button-secondary" disabled={busy} onClick={() => void removePlainBackups()}>
            {t('safety.removePlain')}
          </button>
        </div>
      )}
      {encrypted && (
        <label>
          {t('safety.currentPassphrase')}
          <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
        </label>
      )}
      <label>
        {t('safety.newPassphrase')}
        <input type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
      </label>
      <label>
        {t('safety.confirmPassphrase')}
        <input type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />
      </label>
      <div className="safety-actions">
        <button type="submit" className="button" disabled={busy || !next || (encrypted && !current)}>
          {encrypted ? t('safety.changePassphrase') : t('safety.setPassphrase')}
        </button>
        {encrypted && (
          <button type="button" className="button-link" disabled={busy || !current} onClick={() => void save(true)}>
            {t('safety.removePassphrase')}
          </button>
        )}
      </div>
      {message && (
        <p className={message.kind === 'ok' ? 'field-status' : 'field-error'} role={message.kind === 'ok' ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </form>
  )
}
