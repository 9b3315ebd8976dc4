import { useEffect, useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Stage } from '../../../../shared/contract/records'
import { api } from '../../api/client'
import { editErrorMessage } from '../../grid/cellEditing'

const maxLength = 20

/** One stage's display name: edit, check, save with `stages.rename`. */
export function StageLabelRow({ stage }: { stage: Stage }) {
  const { t } = useTranslation()
  const [label, setLabel] = useState(stage.label)
  const [error, setError] = useState<string | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const inputId = `stage-${stage.code}`
  const changed = label.trim() !== stage.label
  // Renamed elsewhere (another window): show the stored name.
  useEffect(() => setLabel(stage.label), [stage.label])

  async function save(event: FormEvent) {
    event.preventDefault()
    const value = label.trim()
    setStatus(null)
    if (value === '') return setError(t('settings.stageRequired'))
    if ([...value].length > maxLength) return setError(t('settings.stageTooLong'))
    setSaving(true)
    try {
      await api.call('stages.rename', { code: stage.code, label: value })
      setError(null)
      setLabel(value)
      setStatus(t('settings.stageSaved', { label: value }))
    } catch (e) {
      setError(editErrorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <form className="stage-row" onSubmit={save} noValidate data-testid={`stage-row-${stage.code}`}>
      <label htmlFor={inputId}>{t('settings.stageCode', { position: stage.position })}</label>
      <div className="stage-row-field">
        <input
          id={inputId}
          value={label}
          maxLength={maxLength + 10}
          aria-invalid={error !== null}
          aria-describedby={error ? `${inputId}-error` : undefined}
          onChange={(e) => {
            setLabel(e.target.value)
            setError(null)
            setStatus(null)
          }}
        />
        {error && (
          <p id={`${inputId}-error`} className="field-error" role="alert">
            {error}
          </p>
        )}
        {status && <p className="field-status">{status}</p>}
      </div>
      <button type="submit" className="button" disabled={!changed || saving}>
        {saving ? t('common.saving') : t('common.save')}
      </button>
    </form>
  )
}
