import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../../shared/contract/errors'
import { api } from '../../api/client'
import { saveDownload } from '../../api/download'
import { Dialog } from '../participants/Dialog'
import { ExportProtectionFields, useExportProtection } from './ExportProtection'

/** 開示: asks for a password (recommended), then writes everything about the person. */
export function DisclosureDialog({
  contactId,
  onClose,
  onDone,
}: {
  contactId: string
  onClose: () => void
  onDone: (fileName: string) => void
}) {
  const { t } = useTranslation()
  const protection = useExportProtection()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function submit() {
    setBusy(true)
    setError(null)
    try {
      const file = await api.call('privacy.disclosure', { contactId, password: protection.value })
      saveDownload(file)
      onDone(file.fileName)
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog title={t('exportProtection.disclosureTitle')} onClose={onClose} testId="disclosure-dialog">
      <form
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault()
          if (protection.ready) void submit()
        }}
      >
        <p className="dialog-text">{t('exportProtection.disclosureText')}</p>
        <ExportProtectionFields protection={protection} />
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button-link" onClick={onClose}>
            {t('privacy.cancel')}
          </button>
          <button type="submit" className="button" disabled={busy || !protection.ready} data-testid="export-submit">
            {busy ? t('exportProtection.exporting') : t('exportProtection.export')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
