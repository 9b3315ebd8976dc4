import { useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Contact } from '../../../../shared/contract/contacts'
import { api } from '../../api/client'
import { fieldErrors, messageOf } from './apiErrors'

/** Registers someone who is not in the list yet, straight from the roster. */
export function WalkInForm({ onCreated }: { onCreated: (c: Contact) => void }) {
  const { t } = useTranslation()
  const [f, setF] = useState({ familyName: '', givenName: '', familyKana: '', givenKana: '' })
  const [error, setError] = useState<string | null>(null)
  async function submit(e: FormEvent) {
    e.preventDefault()
    setError(null)
    try {
      const c = await api.call('contacts.create', {
        fields: {
          familyName: f.familyName,
          givenName: f.givenName,
          familyKana: f.familyKana || null,
          givenKana: f.givenKana || null,
        },
      })
      onCreated(c)
      setF({ familyName: '', givenName: '', familyKana: '', givenKana: '' })
    } catch (err) {
      const byField = fieldErrors(err)
      setError(Object.values(byField)[0] ?? messageOf(err))
    }
  }
  const input = (name: keyof typeof f, label: string) => (
    <label className="form-field">
      <span className="form-label">{label}</span>
      <input type="text" name={name} value={f[name]} onChange={(e) => setF({ ...f, [name]: e.target.value })} />
    </label>
  )
  return (
    <form className="walk-in-form" onSubmit={submit} data-testid="walk-in-form">
      <h4>{t('program.roster.newPerson')}</h4>
      <div className="form-grid">
        {input('familyName', t('program.roster.familyName'))}
        {input('givenName', t('program.roster.givenName'))}
        {input('familyKana', t('program.roster.familyKana'))}
        {input('givenKana', t('program.roster.givenKana'))}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button-secondary" disabled={f.familyName.trim() === ''}>
        {t('program.roster.register')}
      </button>
    </form>
  )
}
