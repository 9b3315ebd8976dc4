import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../../shared/contract/errors'
import { api } from '../../api/client'
import { chooseBackupTarget, deliverBackup, hasNativeDialogs } from '../../api/chosenFiles'

const size = (bytes: number) =>
  bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`

/** The local date for a file name (2026-12-03), not UTC: a copy made at 8:00 in Japan is today's. */
function today(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/**
 * 「USBメモリなどに保存」: a verified backup written to a file the user chooses (the desktop
 * app's save dialog), or downloaded in the browser. Encrypted databases give encrypted copies.
 */
export function SaveToFile({ disabled, onBusy }: { disabled?: boolean; onBusy?: (busy: boolean) => void }) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)

  async function save() {
    setMessage(null)
    try {
      const target = await chooseBackupTarget(t('fileBackup.suggestedName', { date: today() }))
      if (!target) return
      setBusy(true)
      onBusy?.(true)
      const saved = await api.call('safety.backupToFile', { fileId: target.fileId })
      deliverBackup(target)
      const values = {
        name: saved.name,
        contacts: saved.counts.contacts.toLocaleString('ja-JP'),
        visits: saved.counts.visits.toLocaleString('ja-JP'),
        size: size(saved.sizeBytes),
        encrypted: saved.encrypted ? t('fileBackup.encryptedMark') : '',
      }
      setMessage({ kind: 'ok', text: t(hasNativeDialogs() ? 'fileBackup.saved' : 'fileBackup.downloaded', values) })
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : String(e) })
    } finally {
      setBusy(false)
      onBusy?.(false)
    }
  }

  return (
    <div className="safety-actions">
      <button
        type="button"
        className="button-secondary"
        onClick={() => void save()}
        disabled={disabled || busy}
        aria-busy={busy}
        data-testid="save-to-file"
      >
        {busy ? t('fileBackup.saving') : t('fileBackup.save')}
      </button>
      {message && (
        <p
          className={message.kind === 'ok' ? 'field-status' : 'field-error'}
          role={message.kind === 'ok' ? 'status' : 'alert'}
          data-testid="save-to-file-message"
        >
          {message.text}
        </p>
      )}
    </div>
  )
}
