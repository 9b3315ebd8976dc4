import { useEffect, useRef } from 'react'
import type { ReactNode } from 'react'
import { keepTabInside } from './keepTabInside'
import './confirmDialog.css'

/**
 * A modal question with a confirm and a cancel button: focus starts on cancel (the safe
 * choice), Tab goes round the dialog, Esc cancels, focus returns where it was. Shared by every
 * screen that asks before something is undone or thrown away (an import, a saved mapping,
 * unsaved attendance), directly or through useConfirm.
 */
export function ConfirmDialog({
  title,
  confirmLabel,
  cancelLabel,
  busy,
  onConfirm,
  onCancel,
  testId,
  children,
}: {
  title: string
  confirmLabel: string
  cancelLabel: string
  busy?: boolean
  onConfirm: () => void
  onCancel: () => void
  testId: string
  children: ReactNode
}) {
  const ref = useRef<HTMLDialogElement>(null)
  const cancel = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    const dialog = ref.current
    const before = document.activeElement as HTMLElement | null
    dialog?.showModal()
    cancel.current?.focus()
    return () => {
      dialog?.close()
      before?.focus?.()
    }
  }, [])
  return (
    <dialog
      ref={ref}
      className="modal confirm-dialog"
      aria-labelledby={`${testId}-title`}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault()
        onCancel()
      }}
      onKeyDown={keepTabInside}
    >
      <h2 id={`${testId}-title`}>{title}</h2>
      <div className="confirm-dialog-body">{children}</div>
      <div className="confirm-dialog-actions">
        <button ref={cancel} type="button" className="button-secondary" onClick={onCancel}>
          {cancelLabel}
        </button>
        <button
          type="button"
          className="button confirm-danger"
          disabled={busy}
          onClick={onConfirm}
          data-testid={`${testId}-confirm`}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  )
}
