import { useEffect, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { VisitRow } from '../../../../shared/contract/records'
import { slashDate } from '../../../../shared/domain/dates'
import { api } from '../../api/client'
import { Dialog } from '../participants/Dialog'
import { messageOf } from '../programs/apiErrors'
import { PersonSearch } from '../programs/PersonSearch'

/**
 * The wrong person was picked for a visit: choose the right one and the visit (its day,
 * place, メモ, roster line) becomes theirs. One person only; the current one is not offered.
 */
export function ChangePersonDialog({
  visit,
  onClose,
  onChanged,
}: {
  visit: VisitRow
  onClose: () => void
  onChanged: (message: string) => void
}) {
  const { t } = useTranslation()
  const [chosen, setChosen] = useState(new Map<string, string>())
  const [error, setError] = useState<string | null>(null)
  const form = useRef<HTMLFormElement>(null)
  // The dialog opens on the search field: picking someone is all there is to do.
  const focusSearch = () => form.current?.querySelector<HTMLInputElement>('input[type="search"]')?.focus()
  useEffect(focusSearch, [])
  const date = slashDate(visit.visitDate)

  async function submit(e: FormEvent) {
    e.preventDefault()
    const [contactId, name] = [...chosen][0] ?? []
    if (!contactId) {
      setError(t('visitEdit.changePersonChoose'))
      focusSearch()
      return
    }
    try {
      await api.call('visits.update', { id: visit.id, patch: { contactId } })
      onChanged(t('visitEdit.changePersonDone', { date, from: visit.contactName, to: name }))
    } catch (err) {
      setError(messageOf(err))
    }
  }

  return (
    <Dialog title={t('visitEdit.changePersonTitle')} onClose={onClose} testId="visit-change-person" wide>
      <form ref={form} className="dialog-form" onSubmit={submit} noValidate>
        <p className="dialog-text">{t('visitEdit.changePersonBody', { date, name: visit.contactName })}</p>
        <PersonSearch
          selected={chosen}
          exclude={[visit.contactId]}
          onToggle={(id, name) => {
            // One person: ticking another replaces the choice.
            setChosen((old) => (old.has(id) ? new Map() : new Map([[id, name]])))
            setError(null)
          }}
        />
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('visitEdit.deleteCancel')}
          </button>
          <button type="submit" className="button" data-testid="visit-change-person-save">
            {t('visitEdit.changePersonSave')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
