import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Contact } from '../../../../shared/contract/contacts'
import type { ImportPreviewRow } from '../../../../shared/contract/imports'
import { differingFields, unitOf } from '../../../../shared/domain/import/mergeDraft'
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
  // The panel opens below the table, often out of view: bring it there and put focus on it,
  // so 比べる visibly does something and a keyboard user lands on it.
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'nearest' })
    heading.current?.focus({ preventScroll: true })
  }, [row.index])
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

  // The fields a merge writes only if chosen, by the backend's own rule, a line per unit
  // (the place, the birth date and year are taken whole).
  const conflicts = stored ? differingFields(storedDraft(stored), row.draft) : []
  const lines = conflictLines(conflicts)
  const taken = new Set(decision.takeFromFile ?? [])
  function toggle(fields: readonly MergeableField[], on: boolean) {
    const next = new Set(taken)
    for (const field of fields) {
      if (on) next.add(field)
      else next.delete(field)
    }
    onChange({ ...decision, action: 'merge', targetId, takeFromFile: [...next] })
  }
  const shown = (f: MergeableField, value: unknown) => showValue(f, value, t) || t('import.duplicate.blank')
  const valuesOf = (fields: readonly MergeableField[], of: (f: MergeableField) => unknown) =>
    fields.length === 1 ? (
      shown(fields[0]!, of(fields[0]!))
    ) : (
      <ul className="merge-parts">
        {fields.map((f) => (
          <li key={f}>
            <span className="merge-part-label">{t(`import.personField.${f}`)}</span>
            {shown(f, of(f))}
          </li>
        ))}
      </ul>
    )
  const storedValue = (f: MergeableField) => (stored as unknown as Record<string, unknown>)[f]

  return (
    <section
      className="duplicate-detail"
      id="import-duplicate-detail"
      aria-labelledby="import-duplicate-title"
      data-testid="import-duplicate-detail"
    >
      <header className="duplicate-detail-header">
        <h3 id="import-duplicate-title" ref={heading} tabIndex={-1}>
          {t('import.duplicate.title', { line: row.line, name: displayName(row) })}
        </h3>
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
                {lines.map(({ key, fields }) => {
                  const label =
                    fields.length === 1 ? t(`import.personField.${fields[0]!}`) : t(`import.duplicate.unit.${key as 'place'}`)
                  return (
                    <tr key={key}>
                      <th scope="row">{label}</th>
                      <td>{valuesOf(fields, storedValue)}</td>
                      <td>{valuesOf(fields, (f) => row.draft[f])}</td>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={`${label}: ${t('import.duplicate.takeFromFile')}`}
                          checked={fields.some((f) => taken.has(f))}
                          disabled={decision.action !== 'merge'}
                          onChange={(e) => toggle(fields, e.target.checked)}
                        />
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  )
}

/** The differing fields grouped by merge unit, in field order: one line (and box) per unit. */
function conflictLines(conflicts: readonly MergeableField[]): { key: string; fields: MergeableField[] }[] {
  const lines: { key: string; fields: MergeableField[] }[] = []
  for (const f of conflicts) {
    const unit = unitOf(f)
    const key = unit.length === 1 ? f : unit.includes('address') ? 'place' : 'birth'
    const line = lines.find((l) => l.key === key)
    if (line) line.fields.push(f)
    else lines.push({ key, fields: [f] })
  }
  return lines
}

const displayName = (row: ImportPreviewRow) => `${row.draft.familyName ?? ''} ${row.draft.givenName ?? ''}`.trim()
