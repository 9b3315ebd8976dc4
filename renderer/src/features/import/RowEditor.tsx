import { useEffect, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportFixRowResult, ImportPreview, ImportPreviewRow } from '../../../../shared/contract/imports'
import { api } from '../../api/client'
import { keepTabInside } from '../../app/keepTabInside'

/**
 * Fixes one row of the preview: the mapped cells of the file as text fields, each with its
 * problem underneath; "反映" re-reads just this row in the backend (import.fixRow), so the
 * commit writes the corrected values. The file itself is never changed.
 */
export function RowEditor({
  preview,
  row,
  onFixed,
  onClose,
}: {
  preview: ImportPreview
  row: ImportPreviewRow
  onFixed: (result: ImportFixRowResult) => void
  onClose: () => void
}) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDialogElement>(null)
  const [cells, setCells] = useState(() =>
    Array.from({ length: Math.max(row.cells.length, preview.mapping.length) }, (_, i) => row.cells[i] ?? ''),
  )
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const columns = preview.mapping.flatMap((f, i) => (f === 'ignore' ? [] : [i]))
  const general = row.issues.filter((i) => !columns.includes(i.column))
  const firstProblem = columns.find((c) => row.issues.some((i) => i.column === c)) ?? columns[0]

  useEffect(() => {
    const dialog = ref.current
    const before = document.activeElement as HTMLElement | null
    dialog?.showModal()
    dialog?.querySelector<HTMLInputElement>(`[data-column="${firstProblem}"]`)?.focus()
    return () => {
      dialog?.close()
      before?.focus?.()
    }
  }, [firstProblem])

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      onFixed(await api.call('import.fixRow', { previewId: preview.previewId, index: row.index, cells }))
      onClose()
    } catch (err) {
      setError(`${t('import.fix.failed')} ${(err as Error).message}`)
      setBusy(false)
    }
  }

  return (
    <dialog
      ref={ref}
      className="modal import-dialog row-editor"
      aria-labelledby="import-row-editor-title"
      data-testid="import-row-editor"
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
      onKeyDown={keepTabInside}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 id="import-row-editor-title">{t('import.fix.title', { line: row.line })}</h2>
        <p className="import-muted">{t('import.fix.help')}</p>
        {general.length > 0 && (
          <ul className="row-editor-general">
            {general.map((i, n) => (
              <li key={n} className={`row-editor-issue row-editor-issue-${i.severity}`}>
                {i.message}
              </li>
            ))}
          </ul>
        )}
        <div className="row-editor-fields">
          {columns.map((c) => {
            const issues = row.issues.filter((i) => i.column === c)
            const severity = issues.some((i) => i.severity === 'error') ? 'error' : issues.length > 0 ? 'warning' : null
            const id = `import-fix-${c}`
            return (
              <div key={c} className={severity ? `row-editor-field row-editor-${severity}` : 'row-editor-field'}>
                <label htmlFor={id}>
                  <span className="review-field">{t(`import.field.${preview.mapping[c]!}`)}</span>
                  <span className="review-header">{preview.headers[c]}</span>
                </label>
                <input
                  id={id}
                  data-column={c}
                  data-testid={`import-fix-cell-${c}`}
                  value={cells[c] ?? ''}
                  aria-invalid={severity === 'error' ? true : undefined}
                  aria-describedby={issues.length > 0 ? `${id}-issue` : undefined}
                  onChange={(e) => setCells((now) => now.map((v, i) => (i === c ? e.target.value : v)))}
                />
                {issues.length > 0 && (
                  <p id={`${id}-issue`} className="row-editor-issue">
                    {issues.map((i) => i.message).join(' / ')}
                  </p>
                )}
              </div>
            )
          })}
        </div>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="import-dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('import.fix.cancel')}
          </button>
          <button type="submit" className="button" disabled={busy} data-testid="import-fix-apply">
            {busy ? t('import.fix.busy') : t('import.fix.apply')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
