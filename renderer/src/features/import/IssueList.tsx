import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportPreview, ImportPreviewRow } from '../../../../shared/contract/imports'
import { downloadIssues } from './downloadIssues'

const SHOWN = 50

/** The errors and warnings of the rows on screen, as a list that reads without hovering. */
export function IssueList({ preview, rows }: { preview: ImportPreview; rows: ImportPreviewRow[] }) {
  const { t } = useTranslation()
  const issues = rows.flatMap((row) => row.issues.map((issue) => ({ row, issue })))
  const sorted = [...issues.filter((i) => i.issue.severity === 'error'), ...issues.filter((i) => i.issue.severity === 'warning')]
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)
  async function download() {
    setBusy(true)
    setFailed(false)
    const h = (k: 'line' | 'kind' | 'column' | 'value' | 'message') => t(`import.issues.csvHeader.${k}`)
    try {
      await downloadIssues(
        preview,
        {
          header: [h('line'), h('kind'), h('column'), h('value'), h('message')],
          error: t('import.issues.error'),
          warning: t('import.issues.warning'),
          wholeRow: t('import.issues.wholeRow'),
          columnN: (n) => t('import.mapping.columnN', { n }),
        },
        t('import.issues.fileName', { name: preview.fileName.replace(/\.[^.]+$/, '') }),
      )
    } catch {
      setFailed(true)
    } finally {
      setBusy(false)
    }
  }
  const columnName = (c: number) => preview.headers[c]?.trim() || t('import.mapping.columnN', { n: c + 1 })
  return (
    <aside className="import-issues" aria-labelledby="import-issues-title" data-testid="import-issues">
      <div className="import-issues-header">
        <h3 id="import-issues-title">{t('import.issues.title')}</h3>
        <button
          type="button"
          className="button-link"
          disabled={busy}
          data-testid="import-issues-download"
          onClick={() => void download()}
        >
          {busy ? t('import.issues.downloading') : t('import.issues.download')}
        </button>
      </div>
      {failed && (
        <p className="field-error" role="alert">
          {t('import.issues.downloadFailed')}
        </p>
      )}
      {sorted.length === 0 ? (
        <p className="import-muted">{t('import.issues.none')}</p>
      ) : (
        <ul>
          {sorted.slice(0, SHOWN).map(({ row, issue }, i) => (
            <li key={i} className={`issue issue-${issue.severity}`}>
              <span className="issue-kind">{t(`import.issues.${issue.severity}`)}</span>
              <span className="issue-where">
                {issue.column < 0
                  ? t('import.issues.atRow', { line: row.line })
                  : t('import.issues.at', { line: row.line, column: columnName(issue.column) })}
              </span>
              <span className="issue-message">{issue.message}</span>
            </li>
          ))}
        </ul>
      )}
      {sorted.length > SHOWN && <p className="import-muted">{t('import.issues.more', { count: sorted.length - SHOWN })}</p>}
    </aside>
  )
}
