import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FileDownload } from '../../../../shared/contract/files'
import { api } from '../../api/client'
import { saveDownload } from '../../api/download'
import { editErrorMessage } from '../../grid/cellEditing'
import { ExportProtectionFields, useExportProtection } from '../privacy/ExportProtection'
import { Dialog } from './Dialog'

/** Exporting the selected people: asks for a password first (personal data leaves the app). */
export function ExportDialog({
  ids,
  format,
  onClose,
  onDone,
}: {
  ids: string[]
  format: 'csv' | 'xlsx'
  onClose: () => void
  onDone: (file: FileDownload) => void
}) {
  const { t } = useTranslation()
  const protection = useExportProtection()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function submit() {
    setBusy(true)
    setError(null)
    try {
      const file = await api.call('contacts.export', { ids, format, password: protection.value })
      saveDownload(file)
      onDone(file)
    } catch (e) {
      setError(editErrorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog
      title={t('exportProtection.dialogTitle', { format: format.toUpperCase(), count: ids.length })}
      onClose={onClose}
      testId="export-dialog"
    >
      <form
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault()
          if (protection.ready) void submit()
        }}
      >
        <ExportProtectionFields protection={protection} />
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('people.cancel')}
          </button>
          <button type="submit" className="button" disabled={busy || !protection.ready} data-testid="export-submit">
            {busy ? t('exportProtection.exporting') : t('exportProtection.export')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
