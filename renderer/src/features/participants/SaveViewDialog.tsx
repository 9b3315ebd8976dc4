import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SavedViewState } from '../../../../shared/contract/participantRecords'
import { api } from '../../api/client'
import { editErrorMessage } from '../../grid/cellEditing'
import { Dialog } from './Dialog'

export function SaveViewDialog({
  state,
  initialName,
  onClose,
  onSaved,
}: {
  state: () => SavedViewState
  initialName: string
  onClose: () => void
  onSaved: (name: string) => void
}) {
  const { t } = useTranslation()
  const [name, setName] = useState(initialName)
  const [error, setError] = useState<string | null>(null)
  async function submit() {
    try {
      const saved = await api.call('views.save', { page: 'participants', name, state: state() })
      onSaved(saved.name)
    } catch (e) {
      setError(editErrorMessage(e))
    }
  }
  return (
    <Dialog title={t('people.views.saveTitle')} onClose={onClose} testId="save-view">
      <form
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <label className="form-field">
          <span>{t('people.views.name')}</span>
          <input
            type="text"
            autoFocus
            value={name}
            placeholder={t('people.views.namePlaceholder')}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          {error && <small className="field-error">{error}</small>}
        </label>
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('people.cancel')}
          </button>
          <button type="submit" className="button">
            {t('people.views.save')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
