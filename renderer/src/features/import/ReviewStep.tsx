import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFocusOnShow } from './useFocusOnShow'
import type { ImportFixRowResult, ImportPreview, ImportPreviewRow } from '../../../../shared/contract/imports'
import { actionOf } from './commitSummary'
import type { CommitPlan } from './commitSummary'
import { BulkChoice } from './BulkChoice'
import { DuplicateDetail } from './DuplicateDetail'
import type { Decisions, DuplicateAction, RowDecision, RowFilter } from './importState'
import { IssueList } from './IssueList'
import { ReviewCounts } from './ReviewCounts'
import { compareButtonId, ReviewTable } from './ReviewTable'
import { RowEditor } from './RowEditor'
import { PAGE_SIZE, useRowPage } from './useRowPages'

/** Step 3: counts and filter, the rows page by page, the issue list and the duplicate choices. */
export function ReviewStep({
  preview,
  revision,
  onFixed,
  decisions,
  bulk,
  bestMatches,
  onBulk,
  onDecision,
}: {
  preview: ImportPreview
  /** Rows fixed so far: the page reloads after each fix. */
  revision: number
  /** `before`: the row as it was shown when its editor opened. */
  onFixed: (before: ImportPreviewRow, result: ImportFixRowResult) => void
  decisions: Decisions
  bulk: DuplicateAction
  /** Each duplicate row's match as the commit will take it (planCommit); null while loading. */
  bestMatches: CommitPlan['best'] | null
  onBulk: (action: DuplicateAction) => void
  onDecision: (row: ImportPreviewRow, decision: RowDecision | null) => void
}) {
  const { t } = useTranslation()
  const [filter, setFilter] = useState<RowFilter>('all')
  const [offset, setOffset] = useState(0)
  useEffect(() => setOffset(0), [preview.previewId, filter])
  const { page, stale, failed } = useRowPage(preview.previewId, filter, offset, revision)
  const [fixing, setFixing] = useState<ImportPreviewRow | null>(null)
  // A row fixed into a good one loses its 修正 link, which had the focus: the notice takes it.
  const [fixNotice, setFixNotice] = useState<{ text: string; ok: boolean } | null>(null)
  const fixNoticeRef = useFocusOnShow<HTMLParagraphElement>(fixNotice?.ok && fixNotice)
  // 「n行目を修正しました」 speaks of the reading it was made on; a new reading says what it kept.
  useEffect(() => setFixNotice(null), [preview.previewId])
  // Fixing in place re-reads a person row; visits and programs rows are fixed in the file.
  const canFix = preview.kind === 'contacts'
  const shown = page ?? stale
  const hasIssues = preview.counts.errors + preview.counts.warnings > 0
  const [openRow, setOpenRow] = useState<number | null>(null)
  const compared = shown?.rows.find((r) => r.index === openRow && r.duplicates.length > 0)
  // The plan plays a contacts commit; a visits commit keeps a matched person even for a row it
  // skips, so there the first candidate stands.
  // The table and the comparison name a row by its index; the choice is kept with its line and cells.
  const decideAt = (index: number, decision: RowDecision | null) => {
    const row = shown?.rows.find((r) => r.index === index)
    if (row) onDecision(row, decision)
  }
  const bestOf = (row: ImportPreviewRow) =>
    preview.kind === 'contacts' && bestMatches?.has(row.index) ? bestMatches.get(row.index) : row.duplicates[0]

  return (
    <div className="import-review">
      <ReviewCounts preview={preview} filter={filter} onFilter={setFilter} />
      {preview.counts.duplicates > 0 && <BulkChoice value={bulk} onChange={onBulk} kind={preview.kind} />}
      {!canFix && preview.counts.errors > 0 && (
        <p className="import-muted" data-testid="import-fix-in-file">
          {t('import.fix.inFileOnly')}
        </p>
      )}
      {fixNotice && (
        <p className="import-notice" role="status" data-testid="import-fix-notice" ref={fixNoticeRef} tabIndex={-1}>
          {fixNotice.text}
        </p>
      )}
      {failed && (
        <p className="load-error" role="alert">
          {failed}
        </p>
      )}
      <div className={hasIssues ? 'import-review-body' : 'import-review-body import-review-body-wide'}>
        <div className="import-review-main" aria-busy={!page}>
          {shown && shown.total === 0 ? (
            <p className="import-empty" data-testid="import-review-empty">
              {t(preview.counts.rows === 0 ? 'import.table.noRows' : 'import.table.empty')}
            </p>
          ) : shown ? (
            <>
              <ReviewTable
                preview={preview}
                rows={shown.rows}
                decisions={decisions}
                bulk={bulk}
                bestOf={bestOf}
                onDecision={decideAt}
                openRow={compared ? compared.index : null}
                onOpen={setOpenRow}
                onFix={canFix ? setFixing : undefined}
              />
              {shown.total > PAGE_SIZE && (
                <div className="import-pager">
                  <button
                    type="button"
                    className="button-secondary"
                    disabled={offset === 0}
                    onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
                  >
                    {t('import.table.previous')}
                  </button>
                  <span className="row-count">
                    {t('import.table.range', {
                      from: offset + 1,
                      to: Math.min(offset + PAGE_SIZE, shown.total),
                      total: shown.total,
                    })}
                  </span>
                  <button
                    type="button"
                    className="button-secondary"
                    disabled={offset + PAGE_SIZE >= shown.total}
                    onClick={() => setOffset(offset + PAGE_SIZE)}
                  >
                    {t('import.table.next')}
                  </button>
                </div>
              )}
            </>
          ) : (
            <p className="import-muted">{t('import.table.loading')}</p>
          )}
        </div>
        {shown && hasIssues && <IssueList preview={preview} rows={shown.rows} revision={revision} />}
      </div>
      {fixing && (
        <RowEditor
          preview={preview}
          row={fixing}
          onClose={() => setFixing(null)}
          onFixed={(result) => {
            const { row } = result
            setFixNotice({ text: t(row.ok ? 'import.fix.done' : 'import.fix.stillErrors', { line: row.line }), ok: row.ok })
            // A choice made for the row before it was fixed (skip it, merge into someone) was
            // about what it said then: its candidates may differ now, or it may be an error.
            // The fix first: it keeps the row's cells as the file had them, before this fix.
            onFixed(fixing, result)
            onDecision(row, null)
          }}
        />
      )}
      {compared && (
        <DuplicateDetail
          row={compared}
          best={bestOf(compared)}
          decision={decisions[compared.index] ?? { action: actionOf(compared, decisions, bulk, bestOf(compared)) }}
          onChange={(d) => onDecision(compared, d)}
          onClose={() => {
            // 閉じる unmounts the panel that holds the focus: give it back to the row's 比べる,
            // so a keyboard user goes on from the row they were looking at, not from the top.
            const back = compareButtonId(compared.index)
            setOpenRow(null)
            requestAnimationFrame(() => document.getElementById(back)?.focus())
          }}
        />
      )}
    </div>
  )
}
