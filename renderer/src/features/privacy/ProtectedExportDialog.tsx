import { useState } from 'react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { FileDownload } from '../../../../shared/contract/files'
import type { ExportColumn } from '../../../../shared/domain/contactExport'
import { api } from '../../api/client'
import { saveDownload } from '../../api/download'
import { editErrorMessage } from '../../grid/cellEditing'
import { Dialog } from '../participants/Dialog'
import { ExportProtectionFields, useExportProtection } from './ExportProtection'

/**
 * An export of personal data: asks for a password first (recommended, on by default when the
 * database is encrypted), then asks the backend for the file and saves it. `exportFile` is the
 * one call that differs between exports (participants, 開示).
 */
export function ProtectedExportDialog({
  title,
  text,
  testId,
  exportFile,
  onClose,
  onDone,
  children,
  canExport = true,
}: {
  title: string
  text?: string
  testId: string
  exportFile: (password: string | undefined) => Promise<FileDownload>
  onClose: () => void
  onDone: (file: FileDownload) => void
  /** Choices of this export shown above the password (the participants export's columns). */
  children?: ReactNode
  /** False while those choices cannot make a file. */
  canExport?: boolean
}) {
  const { t } = useTranslation()
  const protection = useExportProtection()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function submit() {
    setBusy(true)
    setError(null)
    try {
      const file = await exportFile(protection.value)
      saveDownload(file)
      onDone(file)
    } catch (e) {
      setError(editErrorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog title={title} onClose={onClose} testId={testId}>
      <form
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault()
          if (protection.ready && canExport) void submit()
        }}
      >
        {text && <p className="dialog-text">{text}</p>}
        {children}
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
          <button type="submit" className="button" disabled={busy || !protection.ready || !canExport} data-testid="export-submit">
            {busy ? t('exportProtection.exporting') : t('exportProtection.export')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

/** The selected people as CSV or XLSX, with the chosen columns only. */
export const participantsExport =
  (ids: string[], format: 'csv' | 'xlsx', columns: ExportColumn[]) => (password: string | undefined) =>
    api.call('contacts.export', { ids, format, columns, password })

/** 開示: everything stored about one person. */
export const disclosureExport = (contactId: string) => (password: string | undefined) =>
  api.call('privacy.disclosure', { contactId, password })
