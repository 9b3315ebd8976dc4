import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Contact } from '../../../../shared/contract/contacts'
import type { ImportPreviewRow } from '../../../../shared/contract/imports'
import { differingFields } from '../../../../shared/domain/import/mergeDraft'
import { api } from '../../api/client'
import { showValue, storedDraft } from './fieldValue'
import type { MergeableField } from './fieldValue'
import { mergeTargetOf } from './commitSummary'
import type { RowDecision } from './importState'

/**
 * The candidates of one row side by side with the file's values. On a merge, blanks are filled
 * anyway; a differing stored value is replaced only when its box is ticked.
 */
export function DuplicateDetail({
  row,
  best,
  decision,
  onChange,
  onClose,
}: {
  row: ImportPreviewRow
  /** The match a merge goes into when none is chosen (planCommit: an error row is passed over). */
  best: ImportPreviewRow['duplicates'][number] | undefined
  decision: RowDecision
  onChange: (decision: RowDecision) => void
  onClose: () => void
}) {
  const { t } = useTranslation()
  // The person a merge goes into, as the backend decides it: an earlier row of the file when
  // that is the best candidate (then there is no stored record to compare with).
  const target = mergeTargetOf(decision, best)
  const targetId = target && 'contactId' in target ? target.contactId : undefined
  const [stored, setStored] = useState<Contact | null>(null)
  useEffect(() => {
    let current = true
    setStored(null)
    if (targetId)
      void api.call('contacts.get', { id: targetId }).then(
        (c) => current && setStored(c),
        () => undefined,
      )
    return () => {
      current = false
    }
  }, [targetId])

  // The fields a merge writes only if chosen, by the backend's own rule.
  const conflicts = stored ? differingFields(storedDraft(stored), row.draft) : []
  const taken = new Set(decision.takeFromFile ?? [])
  function toggle(field: MergeableField, on: boolean) {
    const next = new Set(taken)
    if (on) next.add(field)
    else next.delete(field)
    onChange({ ...decision, action: 'merge', targetId, takeFromFile: [...next] })
  }

  return (
    <section
      className="duplicate-detail"
      id="import-duplicate-detail"
      aria-labelledby="import-duplicate-title"
      data-testid="import-duplicate-detail"
    >
      <header className="duplicate-detail-header">
        <h3 id="import-duplicate-title">{t('import.duplicate.title', { line: row.line, name: displayName(row) })}</h3>
        <button type="button" className="button-link" onClick={onClose}>
          {t('import.duplicate.hideCompare')}
        </button>
      </header>
      <ul className="duplicate-candidates">
        {row.duplicates.map((d) => {
          const value = d.contactId ?? `row:${d.row}`
          const chosen = d.contactId ? d.contactId === targetId : target !== null && 'row' in target && target.row === d.row
          // A stored person can be chosen by id; of the file's rows, only the best (the backend's default).
          const choosable =
            row.duplicates.length > 1 && (d.contactId !== undefined || (d.row !== undefined && d.row === best?.row))
          return (
            <li key={value}>
              <label>
                {choosable && (
                  <input
                    type="radio"
                    name={`target-${row.index}`}
                    checked={chosen}
                    onChange={() => onChange(d.contactId ? { action: 'merge', targetId: d.contactId } : { action: 'merge' })}
                  />
                )}
                <span className="duplicate-name">{d.name}</span>
                {d.detail && <span className="duplicate-detail-text">{d.detail}</span>}
                <span className="duplicate-where">
                  {d.contactId
                    ? t('import.duplicate.candidate')
                    : t(d.rowError ? 'import.duplicate.inFileError' : 'import.duplicate.inFile')}
                </span>
                <span className="duplicate-score">{t('import.duplicate.score', { score: d.score })}</span>
                <span className="duplicate-reasons">{d.reasons.join('・')}</span>
              </label>
            </li>
          )
        })}
      </ul>
      {targetId && (
        <>
          <p className="import-muted">{t('import.duplicate.mergeHint')}</p>
          {!stored ? (
            <p className="import-muted">{t('import.duplicate.loadingCandidate')}</p>
          ) : conflicts.length === 0 ? (
            <p className="import-muted" data-testid="import-no-conflict">
              {t('import.duplicate.noDifference')}
            </p>
          ) : (
            <table className="import-table duplicate-compare">
              <thead>
                <tr>
                  <th scope="col" />
                  <th scope="col">{t('import.duplicate.stored')}</th>
                  <th scope="col">{t('import.duplicate.fromFile')}</th>
                  <th scope="col">{t('import.duplicate.takeFromFile')}</th>
                </tr>
              </thead>
              <tbody>
                {conflicts.map((f) => (
                  <tr key={f}>
                    <th scope="row">{t(`import.personField.${f}`)}</th>
                    <td>{showValue(f, (stored as unknown as Record<string, unknown>)[f], t)}</td>
                    <td>{showValue(f, row.draft[f], t)}</td>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${t(`import.personField.${f}`)}: ${t('import.duplicate.takeFromFile')}`}
                        checked={taken.has(f)}
                        disabled={decision.action !== 'merge'}
                        onChange={(e) => toggle(f, e.target.checked)}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  )
}

const displayName = (row: ImportPreviewRow) => `${row.draft.familyName ?? ''} ${row.draft.givenName ?? ''}`.trim()
