import { useEffect, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { keepTabInside } from '../../app/keepTabInside'

/**
 * Asks for a name in a small modal form: focus starts in the field (text selected), Enter
 * saves, Esc cancels, focus returns where it was.
 */
export function NameDialog({
  initial,
  busy,
  error,
  onSave,
  onCancel,
}: {
  initial: string
  busy: boolean
  error: string | null
  onSave: (name: string) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDialogElement>(null)
  const input = useRef<HTMLInputElement>(null)
  const [name, setName] = useState(initial)
  const [empty, setEmpty] = useState(false)
  useEffect(() => {
    const dialog = ref.current
    const before = document.activeElement as HTMLElement | null
    dialog?.showModal()
    input.current?.select()
    return () => {
      dialog?.close()
      before?.focus?.()
    }
  }, [])

  function submit(e: FormEvent) {
    e.preventDefault()
    if (name.trim() === '') return setEmpty(true)
    onSave(name)
  }

  const message = empty ? t('import.saved.nameRequired') : error
  return (
    <dialog
      ref={ref}
      className="modal import-dialog"
      aria-labelledby="import-save-mapping-title"
      data-testid="import-save-mapping"
      onCancel={(e) => {
        e.preventDefault()
        onCancel()
      }}
      onKeyDown={keepTabInside}
    >
      <form onSubmit={submit} noValidate>
        <h2 id="import-save-mapping-title">{t('import.saved.dialogTitle')}</h2>
        <div className="import-dialog-body">
          <label htmlFor="import-save-mapping-name">{t('import.saved.nameLabel')}</label>
          <input
            ref={input}
            id="import-save-mapping-name"
            className="saved-mapping-name"
            value={name}
            maxLength={60}
            aria-invalid={message ? true : undefined}
            aria-describedby="import-save-mapping-hint"
            data-testid="import-save-mapping-name"
            onChange={(e) => {
              setName(e.target.value)
              setEmpty(false)
            }}
          />
          {message && (
            <p className="field-error" role="alert">
              {message}
            </p>
          )}
          <p id="import-save-mapping-hint" className="import-muted">
            {t('import.saved.nameHint')}
          </p>
        </div>
        <div className="import-dialog-actions">
          <button type="button" className="button-secondary" onClick={onCancel}>
            {t('import.saved.cancel')}
          </button>
          <button type="submit" className="button" disabled={busy} data-testid="import-save-mapping-confirm">
            {t('import.saved.saveButton')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
