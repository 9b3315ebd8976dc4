import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { RestoredErasures } from '../../../../shared/contract/safety'

/**
 * In a restore's confirmation: what becomes of the people anonymized or deleted for good after
 * the copy was made. Erased again by default (the person asked for it); bringing them back is
 * how a mistaken deletion is undone with its before-delete backup. `count` null: not known
 * beforehand (a file chosen to restore from), the question is asked "if there are any".
 * Inline elements only: the confirmation puts its body in a paragraph.
 */
export function ErasedChoice({ count, onChange }: { count: number | null; onChange: (bringBack: boolean) => void }) {
  const { t } = useTranslation()
  const name = useId()
  const [bringBack, setBringBack] = useState(false)
  const choose = (value: boolean) => {
    setBringBack(value)
    onChange(value)
  }
  return (
    <span className="restore-erased" role="radiogroup" aria-labelledby={`${name}-q`} data-testid="restore-erased">
      <span id={`${name}-q`} className="restore-erased-question">
        {count === null ? t('safety.erasedSinceFile') : t('safety.erasedSince', { count })}
      </span>
      <label>
        <input type="radio" name={name} checked={!bringBack} onChange={() => choose(false)} data-testid="restore-erase-again" />
        {t('safety.erasedAgain')}
      </label>
      <label>
        <input type="radio" name={name} checked={bringBack} onChange={() => choose(true)} data-testid="restore-bring-back" />
        {t('safety.erasedBringBack')}
      </label>
    </span>
  )
}

/** What the restore did with them, for its message (empty when nobody was erased after the copy). */
export function erasuresMessage(t: TFunction, erasures: RestoredErasures): string {
  if (erasures.reapplied > 0) return t('safety.erasedReapplied', { count: erasures.reapplied })
  if (erasures.broughtBack > 0) return t('safety.erasedBroughtBack', { count: erasures.broughtBack })
  return ''
}
