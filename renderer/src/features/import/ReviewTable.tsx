import { useTranslation } from 'react-i18next'
import type { ImportPreview, ImportPreviewRow } from '../../../../shared/contract/imports'
import { importFields } from '../../../../shared/domain/import/headers'
import type { ImportField } from '../../../../shared/domain/import/headers'
import type { AnyImportField } from '../../../../shared/domain/import/kinds'
import { storedValueDiffers, storedValueOf } from '../../../../shared/domain/import/storedValue'
import { DecisionSelect } from './DecisionSelect'
import { RowTarget } from './RowTarget'
import type { Decisions, DuplicateAction, RowDecision } from './importState'

const personFields: ReadonlySet<string> = new Set(importFields)

/** 「→ ハマダ イチロウ」 under a cell whose value is saved differently from how it is written. */
function storedBeside(field: AnyImportField, cell: string, row: ImportPreviewRow) {
  const stored = personFields.has(field) ? storedValueOf(field as ImportField, row.draft) : kindValueOf(field, row)
  return storedValueDiffers(cell, stored) ? <span className="review-stored">→ {stored}</span> : null
}

/** The day a visit or session is read as (「R6.6.1」 → 2024-06-01), so a 和暦 date can be checked. */
function kindValueOf(field: AnyImportField, row: ImportPreviewRow): string {
  if (field === 'visitDate') return row.visit?.draft.visitDate ?? ''
  if (field === 'sessionDate') {
    const session = row.program?.session
    return session ? [session.date, session.startTime].filter(Boolean).join(' ') : ''
  }
  return ''
}

/**
 * The rows as they will be read: mapped columns only, each cell marked red (error) or amber
 * (warning) with its message on hover and focus, and the value that will be saved under it
 * where reading changed it; duplicate rows get a choice and a comparison.
 */
/** The id of a row's 比べる button: closing the comparison gives the focus back to it. */
export const compareButtonId = (index: number) => `import-compare-row-${index}`

export function ReviewTable({
  preview,
  rows,
  decisions,
  bulk,
  bestOf,
  onDecision,
  openRow,
  onOpen,
  onFix,
}: {
  preview: ImportPreview
  rows: ImportPreviewRow[]
  decisions: Decisions
  bulk: DuplicateAction
  /** A duplicate row's match as the commit takes it (an earlier row with an error is passed over). */
  bestOf: (row: ImportPreviewRow) => ImportPreviewRow['duplicates'][number] | undefined
  onDecision: (index: number, decision: RowDecision | null) => void
  /** The row whose candidates are compared below the table. */
  openRow: number | null
  onOpen: (index: number | null) => void
  /** Opens the row editor for a row with a problem (absent where rows cannot be fixed in place). */
  onFix?: (row: ImportPreviewRow) => void
}) {
  const { t } = useTranslation()
  const columns = preview.mapping.flatMap((f, i) => (f === 'ignore' ? [] : [i]))

  return (
    <div className="import-table-scroll">
      <table className="import-table import-review-table" data-testid="import-review">
        <caption className="visually-hidden">{t('import.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="import-num">
              {t('import.table.line')}
            </th>
            <th scope="col">{t('import.table.status')}</th>
            <th scope="col">{t('import.table.decision')}</th>
            {columns.map((c) => (
              <th scope="col" key={c}>
                <span className="review-field">{t(`import.field.${preview.mapping[c]!}`)}</span>
                <span className="review-header">{preview.headers[c]}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const hasWarning = row.issues.some((i) => i.severity === 'warning')
            const decision = decisions[row.index]
            const expandable = row.ok && row.duplicates.length > 0
            const isOpen = openRow === row.index
            return (
              <tr
                key={row.index}
                className={!row.ok || decision?.action === 'skip' ? 'review-row-error' : isOpen ? 'review-row-open' : undefined}
                data-testid={`import-row-${row.line}`}
              >
                <td className="import-num">{row.line}</td>
                <td>
                  {decision?.action === 'skip' ? (
                    <span className="badge badge-skip">{t('import.table.skipRow')}</span>
                  ) : !row.ok ? (
                    <span className="badge badge-error">{t('import.table.notImported')}</span>
                  ) : hasWarning ? (
                    <span className="badge badge-warning">{t('import.table.withWarning')}</span>
                  ) : (
                    <span className="badge badge-ok">{t('import.table.importable')}</span>
                  )}
                  <RowTarget row={row} />
                  {onFix && row.issues.length > 0 && (
                    <button
                      type="button"
                      className="button-link review-fix"
                      aria-label={t('import.fix.buttonLabel', { line: row.line })}
                      data-testid={`import-fix-${row.line}`}
                      onClick={() => onFix(row)}
                    >
                      {t('import.fix.button')}
                    </button>
                  )}
                </td>
                <td className="review-decision">
                  {expandable && (
                    <>
                      <DecisionSelect
                        label={t('import.duplicate.rowLabel', { line: row.line, name: row.duplicates[0]!.name })}
                        value={decision?.action ?? null}
                        bulk={bulk}
                        kind={preview.kind}
                        otherName={bestOf(row)?.otherName === true}
                        noMatch={bestOf(row) === undefined}
                        testId={`import-decision-${row.line}`}
                        onChange={(action) => onDecision(row.index, action === null ? null : { ...decision, action })}
                      />
                      <button
                        type="button"
                        className="button-link"
                        aria-expanded={isOpen}
                        aria-controls="import-duplicate-detail"
                        id={compareButtonId(row.index)}
                        data-testid={`import-compare-${row.line}`}
                        onClick={() => onOpen(isOpen ? null : row.index)}
                      >
                        {isOpen ? t('import.duplicate.hideCompare') : t('import.duplicate.compare')}
                      </button>
                    </>
                  )}
                  {row.ok && !expandable && (
                    <label className="review-skip" title={t('import.table.skipRowLabel', { line: row.line })}>
                      <input
                        type="checkbox"
                        aria-label={t('import.table.skipRowLabel', { line: row.line })}
                        data-testid={`import-skip-${row.line}`}
                        checked={decision?.action === 'skip'}
                        onChange={(e) => onDecision(row.index, e.target.checked ? { action: 'skip' } : null)}
                      />
                      {t('import.table.skipRow')}
                    </label>
                  )}
                </td>
                {columns.map((c) => {
                  const issues = row.issues.filter((i) => i.column === c)
                  const severity = issues.some((i) => i.severity === 'error') ? 'error' : issues.length > 0 ? 'warning' : null
                  const message = issues.map((i) => i.message).join(' / ')
                  const cell = row.cells[c] ?? ''
                  const stored = storedBeside(preview.mapping[c]!, cell, row)
                  return severity ? (
                    <td key={c} className={`review-cell review-cell-${severity}`} tabIndex={0} title={message}>
                      {cell}
                      {stored}
                      <span className="review-cell-message" role="note">
                        {message}
                      </span>
                    </td>
                  ) : (
                    <td key={c} className="review-cell">
                      {cell}
                      {stored}
                    </td>
                  )
                })}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
