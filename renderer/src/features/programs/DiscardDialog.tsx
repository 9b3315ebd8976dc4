import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * Asks before unsaved attendance is thrown away: 破棄して移動 goes on, 戻る (the safe choice,
 * focused first; Esc too) stays. Focus returns where it was.
 */
export function DiscardDialog({ onDiscard, onStay }: { onDiscard: () => void; onStay: () => void }) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDialogElement>(null)
  const stay = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    const dialog = ref.current
    const before = document.activeElement as HTMLElement | null
    dialog?.showModal()
    stay.current?.focus()
    return () => {
      dialog?.close()
      before?.focus?.()
    }
  }, [])
  return (
    <dialog
      ref={ref}
      className="program-dialog"
      aria-labelledby="roster-discard-title"
      data-testid="roster-discard"
      onCancel={(e) => {
        e.preventDefault()
        onStay()
      }}
    >
      <h2 id="roster-discard-title">{t('program.roster.discardTitle')}</h2>
      <p className="program-dialog-body">{t('program.roster.discardBody')}</p>
      <div className="program-dialog-actions">
        <button ref={stay} type="button" className="button-secondary" onClick={onStay} data-testid="roster-discard-stay">
          {t('program.roster.discardStay')}
        </button>
        <button type="button" className="button danger-button" onClick={onDiscard} data-testid="roster-discard-confirm">
          {t('program.roster.discardConfirm')}
        </button>
      </div>
    </dialog>
  )
}
