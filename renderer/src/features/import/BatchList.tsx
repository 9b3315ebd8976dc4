import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFocusOnShow } from './useFocusOnShow'
import type { ImportBatch } from '../../../../shared/contract/imports'
import { api } from '../../api/client'
import { useApiQuery } from '../../api/hooks'
import { ConfirmDialog } from '../../app/ConfirmDialog'
import { importPeopleHref } from '../../app/routes'
import { BatchKindCounts, BatchKindEffects } from './BatchKind'

const when = (iso: string) =>
  new Date(iso).toLocaleString('ja-JP', { year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' })
const countOf = (b: ImportBatch, k: string) => b.counts[k] ?? 0

/** Past imports, newest first, each of which can be taken back. */
export function BatchList() {
  const { t } = useTranslation()
  const batches = useApiQuery('import.batches', {}, ['contact', 'program'])
  const [asking, setAsking] = useState<ImportBatch | null>(null)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ kind: 'done' | 'error'; text: string } | null>(null)
  const messageRef = useFocusOnShow<HTMLParagraphElement>(message)

  async function undo(batch: ImportBatch) {
    setBusy(true)
    try {
      const result = await api.call('import.undo', { batchId: batch.id })
      // Only what happened, in one sentence: no 「0人」 parts.
      const parts = (
        [
          ['doneRemoved', result.removed],
          // A visits import's merges are the blanks it filled: said as the dialog and result panel say it.
          [batch.kind === 'visits' ? 'doneFilled' : 'doneReverted', result.reverted],
          ['doneVisits', result.kindRemoved?.visits ?? 0],
          ['donePrograms', result.kindRemoved?.programs ?? 0],
          ['doneSessions', result.kindRemoved?.sessions ?? 0],
        ] as const
      )
        .filter(([, count]) => count > 0)
        .map(([key, count]) => t(`import.batches.${key}`, { count }))
      setMessage({
        kind: 'done',
        text:
          parts.length > 0
            ? t('import.batches.doneWith', { parts: parts.join(t('import.batches.doneSeparator')) })
            : t('import.batches.done'),
      })
    } catch (error) {
      setMessage({ kind: 'error', text: t('import.batches.failed', { message: (error as Error).message }) })
    } finally {
      setBusy(false)
      setAsking(null)
      batches.reload()
    }
  }

  const list = batches.data ?? []
  return (
    <section className="panel" aria-labelledby="import-batches-title" data-testid="import-batches">
      <h2 id="import-batches-title">{t('import.batches.title')}</h2>
      {message && (
        <p
          className={message.kind === 'done' ? 'import-notice' : 'load-error'}
          role="status"
          data-testid="import-undo-message"
          ref={messageRef}
          tabIndex={-1}
        >
          {message.text}
        </p>
      )}
      {batches.error && <p className="load-error">{batches.error.message}</p>}
      {list.length === 0 && !batches.loading ? (
        <p className="import-muted">{t('import.batches.empty')}</p>
      ) : (
        <table className="import-table import-batches-table">
          <thead>
            <tr>
              <th scope="col">{t('import.batches.date')}</th>
              <th scope="col">{t('import.batches.file')}</th>
              <th scope="col">{t('import.batches.counts')}</th>
              <th scope="col">{t('import.batches.user')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {list.map((b) => (
              <tr key={b.id} data-testid="import-batch" className={b.undoneAt ? 'batch-undone' : undefined}>
                <td className="import-num">{when(b.createdAt)}</td>
                <td>
                  {b.fileName}
                  {/* The people this import brought in, in 参加者 (an undone one brought in no one). */}
                  {b.kind !== 'programs' && !b.undoneAt && (
                    <>
                      {' '}
                      <a className="batch-people" href={importPeopleHref(b.id)} data-testid="import-batch-people">
                        {t('import.batches.people')}
                      </a>
                    </>
                  )}
                </td>
                <td>
                  {b.kind === 'contacts' ? (
                    t('import.batches.countsText', { created: countOf(b, 'created'), merged: countOf(b, 'merged') })
                  ) : (
                    <BatchKindCounts batch={b} />
                  )}
                </td>
                <td>{b.userName}</td>
                <td>
                  {b.undoneAt ? (
                    <span className="import-muted">{t('import.batches.undone', { date: when(b.undoneAt) })}</span>
                  ) : (
                    <button type="button" className="button-secondary" data-testid="import-undo" onClick={() => setAsking(b)}>
                      {t('import.batches.undo')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {asking && (
        <ConfirmDialog
          title={t('import.batches.confirmTitle')}
          confirmLabel={t('import.batches.confirm')}
          cancelLabel={t('import.batches.cancel')}
          busy={busy}
          testId="import-undo-dialog"
          onCancel={() => setAsking(null)}
          onConfirm={() => void undo(asking)}
        >
          <p>{t('import.batches.confirmBody', { file: asking.fileName, date: when(asking.createdAt) })}</p>
          <ul className="import-undo-effects">
            {countOf(asking, 'created') > 0 && (
              <li>{t('import.batches.confirmCreated', { count: countOf(asking, 'created') })}</li>
            )}
            {countOf(asking, 'merged') > 0 && (
              // A visits import counts the people whose blanks it filled (「情報を補った人」), not merged rows.
              <li>
                {t(asking.kind === 'visits' ? 'import.batches.confirmFilled' : 'import.batches.confirmMerged', {
                  count: countOf(asking, 'merged'),
                })}
              </li>
            )}
            <BatchKindEffects batch={asking} />
          </ul>
          <p className="import-muted">
            {t(asking.kind === 'programs' ? 'import.batches.confirmKeepPrograms' : 'import.batches.confirmKeep')}
          </p>
        </ConfirmDialog>
      )}
    </section>
  )
}
