import { useEffect, useRef } from 'react'
import type { ReactNode } from 'react'
import { keepTabInside } from '../../app/keepTabInside'
import './dialog.css'

/**
 * A modal dialog: focus moves into it, Tab goes round its controls, Esc closes it, focus returns
 * where it was. The native <dialog> gives the modality and the backdrop.
 */
export function Dialog({
  title,
  onClose,
  children,
  testId,
  wide,
}: {
  title: string
  onClose: () => void
  children: ReactNode
  testId: string
  wide?: boolean
}) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    const before = document.activeElement as HTMLElement | null
    dialog?.showModal()
    return () => {
      dialog?.close()
      before?.focus?.()
    }
  }, [])
  return (
    <dialog
      ref={ref}
      className={wide ? 'modal dialog dialog-wide' : 'modal dialog'}
      aria-label={title}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
      onKeyDown={keepTabInside}
    >
      <h2>{title}</h2>
      {children}
    </dialog>
  )
}
