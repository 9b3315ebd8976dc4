import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../../shared/contract/errors'
import type { DeletionPreview } from '../../../../shared/contract/privacy'
import { formatFiscalYear } from '../../../../shared/domain/dates'
import { api } from '../../api/client'
import { Dialog } from '../participants/Dialog'
import { disclosureExport, ProtectedExportDialog } from './ProtectedExportDialog'
import './privacy.css'

type Pending = { kind: 'disclosure' } | { kind: 'anonymize' } | { kind: 'delete'; preview: DeletionPreview } | null

/**
 * A person's privacy requests (APPI): 開示 export, anonymize, delete for good. Each
 * irreversible one asks first, in Japanese, saying exactly what will change.
 */
export function PrivacyActions({
  contactId,
  onChanged,
}: {
  contactId: string
  /** After the person was anonymized or deleted (a list showing them can read itself again). */
  onChanged?: () => void
}) {
  const { t } = useTranslation()
  const [pending, setPending] = useState<Pending>(null)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)

  async function run(work: () => Promise<string>) {
    setBusy(true)
    setMessage(null)
    try {
      setMessage({ kind: 'ok', text: await work() })
      setPending(null)
      onChanged?.()
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : String(e) })
      setPending(null)
    } finally {
      setBusy(false)
    }
  }

  // Asking shows the preview; unlike `run`, it leaves the confirmation open.
  async function askDelete() {
    setBusy(true)
    setMessage(null)
    try {
      setPending({ kind: 'delete', preview: await api.call('privacy.deletionPreview', { contactId }) })
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : String(e) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="privacy-actions" data-testid="privacy-panel">
      <h3>{t('privacy.title')}</h3>
      <p className="panel-muted">{t('privacy.description')}</p>
      <div className="privacy-buttons">
        <button
          type="button"
          className="button-link"
          onClick={() => setPending({ kind: 'disclosure' })}
          disabled={busy}
          data-testid="privacy-disclosure"
        >
          {t('privacy.disclosure')}
        </button>
        <button
          type="button"
          className="button-link"
          onClick={() => setPending({ kind: 'anonymize' })}
          disabled={busy}
          data-testid="privacy-anonymize"
        >
          {t('privacy.anonymize')}
        </button>
        <button
          type="button"
          className="button-link privacy-danger"
          onClick={() => void askDelete()}
          disabled={busy}
          data-testid="privacy-delete"
        >
          {t('privacy.delete')}
        </button>
      </div>
      {message && (
        <p
          className={message.kind === 'ok' ? 'field-status' : 'field-error'}
          role={message.kind === 'ok' ? 'status' : 'alert'}
          data-testid="privacy-message"
        >
          {message.text}
        </p>
      )}
      {pending?.kind === 'disclosure' && (
        <ProtectedExportDialog
          title={t('exportProtection.disclosureTitle')}
          text={t('exportProtection.disclosureText')}
          testId="disclosure-dialog"
          exportFile={disclosureExport(contactId)}
          onClose={() => setPending(null)}
          onDone={(file) => {
            setPending(null)
            setMessage({ kind: 'ok', text: t('privacy.disclosureDone', { file: file.fileName }) })
          }}
        />
      )}
      {pending?.kind === 'anonymize' && (
        <Dialog title={t('privacy.anonymizeConfirmTitle')} onClose={() => setPending(null)} testId="anonymize-dialog">
          <p className="dialog-text privacy-pre">{t('privacy.anonymizeConfirm')}</p>
          <div className="dialog-actions">
            <button type="button" className="button-link" onClick={() => setPending(null)} autoFocus>
              {t('privacy.cancel')}
            </button>
            <button
              type="button"
              className="button button-danger"
              disabled={busy}
              onClick={() => run(async () => (await api.call('privacy.anonymize', { contactId }), t('privacy.anonymized')))}
            >
              {busy ? t('privacy.working') : t('privacy.anonymizeButton')}
            </button>
          </div>
        </Dialog>
      )}
      {pending?.kind === 'delete' && (
        <Dialog
          title={t('privacy.deleteConfirmTitle', { name: pending.preview.displayName })}
          onClose={() => setPending(null)}
          testId="privacy-delete-dialog"
        >
          <p className="dialog-text">
            {t('privacy.deleteConfirm', { visits: pending.preview.visits, enrollments: pending.preview.enrollments })}
          </p>
          {pending.preview.reportChanges.length === 0 ? (
            <p className="dialog-text">{t('privacy.deleteNoVisits')}</p>
          ) : (
            <>
              <p className="dialog-text">{t('privacy.deleteChanges')}</p>
              <ul className="privacy-changes" data-testid="privacy-report-changes">
                {pending.preview.reportChanges.map((c) => (
                  <li key={c.fiscalYear}>
                    {t('privacy.deleteChangeLine', {
                      year: formatFiscalYear(c.fiscalYear),
                      people: `−${Math.abs(c.uniquePeople)}`,
                      attendances: `−${Math.abs(c.attendances)}`,
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="dialog-actions">
            <button type="button" className="button-link" onClick={() => setPending(null)} autoFocus>
              {t('privacy.cancel')}
            </button>
            <button
              type="button"
              className="button button-danger"
              disabled={busy}
              onClick={() =>
                run(async () => {
                  await api.call('privacy.delete', { contactId, expectedVisits: pending.preview.visits })
                  return t('privacy.deleted')
                })
              }
            >
              {busy ? t('privacy.working') : t('privacy.deleteButton')}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  )
}
