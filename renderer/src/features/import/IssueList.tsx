import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportPreview, ImportPreviewRow } from '../../../../shared/contract/imports'
import { issueKey } from '../../../../shared/domain/import/issueGroups'
import { downloadIssues } from './downloadIssues'
import { useIssueGroups } from './useIssueGroups'

const SHOWN = 50

/**
 * The errors and warnings as a list that reads without hovering: first each message the whole
 * file repeats on many rows, once, with how many rows (a sheet naming an unregistered program
 * says so on every row); then the other issues of the rows on screen, row by row.
 */
export function IssueList({ preview, rows, revision }: { preview: ImportPreview; rows: ImportPreviewRow[]; revision: number }) {
  const { t } = useTranslation()
  const groups = useIssueGroups(preview.previewId, revision)
  const grouped = new Set(groups.map(issueKey))
  const issues = rows.flatMap((row) =>
    row.issues.filter((issue) => !grouped.has(issueKey(issue))).map((issue) => ({ row, issue })),
  )
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
      {sorted.length === 0 && groups.length === 0 ? (
        <p className="import-muted">{t('import.issues.none')}</p>
      ) : (
        <ul>
          {groups.map((g) => (
            <li key={issueKey(g)} className={`issue issue-${g.severity} issue-group`} data-testid="import-issue-group">
              <span className="issue-kind">{t(`import.issues.${g.severity}`)}</span>
              <span className="issue-where">
                {t(g.column < 0 ? 'import.issues.groupRows' : 'import.issues.group', {
                  column: g.column < 0 ? '' : columnName(g.column),
                  count: g.rows,
                  lines: g.lines.join(t('import.issues.lineSeparator')),
                  more: g.rows > g.lines.length ? t('import.issues.groupMore') : '',
                })}
              </span>
              <span className="issue-message">{g.message}</span>
            </li>
          ))}
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
