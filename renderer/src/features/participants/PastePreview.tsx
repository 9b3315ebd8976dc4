import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { contactFieldSchemas } from '../../../../shared/contract/contacts'
import type { ContactPatchInput } from '../../../../shared/contract/contacts'
import { guessMapping, headerMapping, pasteFields, positionMapping, rowToFields } from '../../../../shared/domain/tabularPaste'
import type { PasteField } from '../../../../shared/domain/tabularPaste'
import { api } from '../../api/client'
import { editErrorMessage } from '../../grid/cellEditing'
import { Dialog } from './Dialog'
import { columnLabel } from './participantColumns'

const PREVIEW_ROWS = 8
/** The most rows one paste writes (contacts.paste takes 5,000 a call). */
const PASTE_MAX = 5000

/**
 * What was pasted from Excel, before anything is saved: each pasted column gets a field
 * (guessed from a header row or from where it was pasted), every cell is checked with the
 * backend's rules, and only a clean paste can be applied — as new people, or over the rows
 * from the focused one down.
 */
export function PastePreview({
  rows,
  fallback,
  targetIds,
  stageLabels,
  onClose,
  onDone,
}: {
  rows: string[][]
  fallback: (PasteField | null)[]
  targetIds: string[]
  stageLabels: Record<string, string>
  onClose: () => void
  onDone: (message: string) => void
}) {
  const { t } = useTranslation()
  const guess = useMemo(() => guessMapping(rows, fallback), [rows, fallback])
  const [headerRow, setHeaderRow] = useState(guess.headerRow)
  const [mapping, setMapping] = useState(guess.mapping)
  const [mode, setMode] = useState<'create' | 'update'>('create')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const body = headerRow ? rows.slice(1) : rows
  const label = (f: PasteField) =>
    f === 'address' || f === 'firstContact'
      ? t(f === 'address' ? 'people.fieldLabels.address' : 'people.fieldLabels.firstContact')
      : columnLabel(t, f === 'birth' ? 'birthDate' : f)

  const checked = useMemo(() => {
    const problems: string[] = []
    const patches: ContactPatchInput[] = []
    body.forEach((row, r) => {
      const fields = rowToFields(row, mapping, stageLabels)
      // A blank line inside the copied block adds no one (over rows, each line keeps its row).
      if (mode === 'create' && Object.keys(fields).length === 0) return
      for (const [field, text] of Object.entries(fields) as [PasteField, string][]) {
        const parsed = contactFieldSchemas[field].safeParse(text)
        if (!parsed.success)
          problems.push(
            t('people.paste.invalid', { row: r + 1, field: label(field), message: parsed.error.issues[0]?.message ?? '' }),
          )
      }
      if (mode === 'create' && mapping.includes('familyName') && !fields.familyName)
        problems.push(t('people.paste.missingFamilyName', { row: r + 1 }))
      patches.push(fields as ContactPatchInput)
    })
    if (mode === 'create' && !mapping.includes('familyName')) problems.unshift(t('people.paste.needFamilyName'))
    if (patches.length > PASTE_MAX) problems.unshift(t('people.paste.tooMany', { count: patches.length, max: PASTE_MAX }))
    return { patches, problems }
  }, [body, mapping, mode, stageLabels, t])

  async function submit() {
    setBusy(true)
    try {
      const result =
        mode === 'create'
          ? await api.call('contacts.paste', { create: checked.patches.map((p) => ({ ...p, familyName: p.familyName ?? null })) })
          : await api.call('contacts.paste', { update: checked.patches.map((patch, i) => ({ id: targetIds[i]!, patch })) })
      onDone(t('people.paste.done', result))
    } catch (e) {
      setError(editErrorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const canUpdate = targetIds.length >= body.length && body.length > 0
  return (
    <Dialog title={t('people.paste.title')} onClose={onClose} testId="paste-preview" wide>
      <p className="dialog-text">{t('people.paste.summary', { rows: body.length, cols: mapping.length })}</p>
      <label className="inline-check">
        <input
          type="checkbox"
          checked={headerRow}
          onChange={(e) => {
            // The first row names the columns, or is a row like the others: map by position then.
            const first = rows[0] ?? []
            setHeaderRow(e.target.checked)
            setMapping(e.target.checked ? headerMapping(first) : positionMapping(first, fallback))
          }}
        />
        {t('people.paste.headerRow')}
      </label>
      <div className="paste-table-wrap">
        <table className="paste-table">
          <thead>
            <tr>
              {mapping.map((field, i) => (
                <th key={i}>
                  <select
                    aria-label={`${i + 1}`}
                    data-testid={`paste-map-${i}`}
                    value={field ?? ''}
                    onChange={(e) =>
                      setMapping((m) => m.map((f, j) => (j === i ? ((e.target.value || null) as PasteField | null) : f)))
                    }
                  >
                    <option value="">{t('people.paste.ignore')}</option>
                    {pasteFields.map((f) => (
                      <option key={f} value={f}>
                        {label(f)}
                      </option>
                    ))}
                  </select>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {body.slice(0, PREVIEW_ROWS).map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c} className={mapping[c] ? undefined : 'ignored'}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <fieldset className="paste-mode">
        <label>
          <input type="radio" name="paste-mode" checked={mode === 'create'} onChange={() => setMode('create')} />
          {t('people.paste.modeCreate')}
        </label>
        <label>
          <input
            type="radio"
            name="paste-mode"
            disabled={!canUpdate}
            checked={mode === 'update'}
            onChange={() => setMode('update')}
          />
          {t('people.paste.modeUpdate', { count: body.length })}
        </label>
      </fieldset>
      {checked.problems.length > 0 && (
        <ul className="paste-problems" role="alert">
          {checked.problems.slice(0, 6).map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button-secondary" onClick={onClose}>
          {t('people.cancel')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy || checked.problems.length > 0 || checked.patches.length === 0}
          onClick={() => void submit()}
        >
          {t('people.paste.submit', { count: checked.patches.length })}
        </button>
      </div>
    </Dialog>
  )
}
