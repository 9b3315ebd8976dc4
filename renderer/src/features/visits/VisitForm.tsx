import { useEffect, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { isValidIsoDate, todayIso } from '../../../../shared/domain/dates'
import { visitLimits } from '../../../../shared/domain/recordLimits'
import type { VisitMode } from '../../../../shared/domain/vocabulary'
import { api } from '../../api/client'
import { useApiQuery } from '../../api/hooks'
import { fieldErrors, messageOf } from '../programs/apiErrors'
import { MunicipalityInput } from '../programs/MunicipalityInput'
import { PersonSearch, usePersonSelection } from '../programs/PersonSearch'

/** Quick entry of standalone visits with the person picker: one record per chosen person. */
export function VisitForm({ onDone }: { onDone: (message: string | null) => void }) {
  const { t } = useTranslation()
  const programs = useApiQuery('programs.list', {}, ['program'])
  const people = usePersonSelection()
  const [visitDate, setVisitDate] = useState(todayIso())
  const [mode, setMode] = useState<VisitMode>('onsite')
  const [municipality, setMunicipality] = useState<string[]>([])
  const [nights, setNights] = useState('0')
  const [purpose, setPurpose] = useState('')
  const [notes, setNotes] = useState('')
  const [programId, setProgramId] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  // Opening the form puts the cursor in its first field (the person search).
  const formRef = useRef<HTMLFormElement>(null)
  useEffect(() => formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus(), [])
  const today = todayIso()
  // A field's message goes as soon as the field changes (and the form's own with it).
  const clear = (field: string) =>
    setErrors((old) =>
      old[field] || old.form ? Object.fromEntries(Object.entries(old).filter(([f]) => f !== field && f !== 'form')) : old,
    )

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (people.selected.size === 0) {
      setErrors({ contactIds: t('visitEntry.choosePeople') })
      return
    }
    try {
      const r = await api.call('visits.create', {
        contactIds: [...people.selected.keys()],
        programId: programId || null,
        fields: {
          visitDate,
          mode,
          municipalityCode: municipality[0] ?? null,
          nights: Number(nights) || 0,
          purpose: purpose || null,
          notes: notes || null,
        },
      })
      onDone(t('visitEntry.saved', { count: r.created }))
    } catch (error) {
      const byField = fieldErrors(error)
      setErrors(Object.keys(byField).length > 0 ? byField : { form: messageOf(error) })
    }
  }
  const err = (name: string) =>
    errors[name] && (
      <span className="field-error" role="alert">
        {errors[name]}
      </span>
    )

  return (
    <form ref={formRef} className="visit-form panel" onSubmit={submit} data-testid="visit-form" noValidate>
      <h2>{t('visitEntry.title')}</h2>
      <p className="panel-description">{t('visitEntry.hint')}</p>
      <div className="form-field">
        <span className="form-label">{t('visitEntry.people')}</span>
        <PersonSearch
          selected={people.selected}
          onToggle={(id, name) => {
            people.toggle(id, name)
            clear('contactIds')
          }}
          testId="visit-person-search"
        />
        {err('contactIds')}
      </div>
      <div className="form-grid">
        <label className="form-field">
          <span className="form-label">{t('visitEntry.date')}</span>
          <input
            type="date"
            name="visitDate"
            value={visitDate}
            onChange={(e) => {
              setVisitDate(e.target.value)
              clear('visitDate')
            }}
          />
          {err('visitDate')}
          {isValidIsoDate(visitDate) && visitDate > today && (
            <span className="warning-text" role="status" data-testid="visit-future-warning">
              {t('visitEntry.futureDate', { date: visitDate.replaceAll('-', '/'), today: today.replaceAll('-', '/') })}
            </span>
          )}
        </label>
        <label className="form-field">
          <span className="form-label">{t('visitEntry.mode')}</span>
          <select
            name="mode"
            value={mode}
            onChange={(e) => {
              setMode(e.target.value as VisitMode)
              clear('mode')
              clear('nights')
            }}
          >
            <option value="onsite">{t('vocab.visitMode.onsite')}</option>
            <option value="online">{t('vocab.visitMode.online')}</option>
          </select>
        </label>
        <div className="form-field">
          <span className="form-label">{t('visitEntry.municipality')}</span>
          <MunicipalityInput
            value={municipality}
            onChange={(codes) => {
              setMunicipality(codes)
              clear('municipalityCode')
            }}
            multiple={false}
            label={t('visitEntry.municipality')}
          />
        </div>
        <label className="form-field">
          <span className="form-label">{t('visitEntry.nights')}</span>
          <input
            type="number"
            name="nights"
            min={0}
            max={visitLimits.nights}
            value={mode === 'online' ? '0' : nights}
            disabled={mode === 'online'}
            onChange={(e) => {
              setNights(e.target.value)
              clear('nights')
            }}
          />
          {err('nights')}
        </label>
        <label className="form-field">
          <span className="form-label">{t('visitEntry.purpose')}</span>
          <input
            type="text"
            name="purpose"
            value={purpose}
            onChange={(e) => {
              setPurpose(e.target.value)
              clear('purpose')
            }}
          />
        </label>
        <label className="form-field">
          <span className="form-label">{t('visitEntry.program')}</span>
          <select
            name="programId"
            value={programId}
            onChange={(e) => {
              setProgramId(e.target.value)
              clear('programId')
            }}
          >
            <option value="">{t('visitEntry.noProgram')}</option>
            {programs.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="form-field form-wide">
        <span className="form-label">{t('visitEntry.notes')}</span>
        <textarea
          name="notes"
          rows={2}
          value={notes}
          onChange={(e) => {
            setNotes(e.target.value)
            clear('notes')
          }}
        />
      </label>
      {err('form')}
      <div className="form-actions">
        <button type="submit" className="button" data-testid="visit-save">
          {t('visitEntry.save')}
        </button>
        <button type="button" className="button-link" onClick={() => onDone(null)}>
          {t('visitEntry.cancel')}
        </button>
      </div>
    </form>
  )
}
