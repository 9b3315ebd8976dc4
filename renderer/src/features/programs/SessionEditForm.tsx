import { useEffect, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Session } from '../../../../shared/contract/programs'
import { sessionModes } from '../../../../shared/domain/vocabulary'
import type { SessionMode } from '../../../../shared/domain/vocabulary'
import { api } from '../../api/client'
import { fieldErrors, messageOf } from './apiErrors'
import { isValidIsoDate, slashDate } from '../../../../shared/domain/dates'
import { MAX_ANONYMOUS_HEADCOUNT } from '../../../../shared/domain/sessionSeries'
import { MunicipalityInput } from './MunicipalityInput'
import { OutsideProgramWarning } from './OutsideProgramWarning'
import type { ProgramPeriod } from './OutsideProgramWarning'

/**
 * Edits one session where it is listed. Only changed fields are sent, so a session saved
 * unchanged writes nothing (and no audit entry). Escape cancels.
 */
export function SessionEditForm({
  session,
  program,
  onDone,
}: {
  session: Session
  /** The program's 年度 and period: a date outside them is warned about, not refused. */
  program: ProgramPeriod
  onDone: (message: string | null) => void
}) {
  const { t } = useTranslation()
  const [date, setDate] = useState(session.date)
  const [startTime, setStartTime] = useState(session.startTime ?? '')
  const [endTime, setEndTime] = useState(session.endTime ?? '')
  const [place, setPlace] = useState(session.place ?? '')
  const [municipality, setMunicipality] = useState<string[]>(session.municipalityCode ? [session.municipalityCode] : [])
  const [mode, setMode] = useState<SessionMode>(session.mode)
  const [headcount, setHeadcount] = useState(session.anonymousHeadcount ? String(session.anonymousHeadcount) : '')
  const [notes, setNotes] = useState(session.notes ?? '')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const first = useRef<HTMLInputElement>(null)
  useEffect(() => first.current?.focus(), [])

  async function submit(e: FormEvent) {
    e.preventDefault()
    setErrors({})
    const next = {
      date,
      startTime: startTime || null,
      endTime: endTime || null,
      place: place || null,
      municipalityCode: municipality[0] ?? null,
      mode,
      anonymousHeadcount: Number(headcount) || 0,
      notes: notes || null,
    }
    const patch = Object.fromEntries(
      Object.entries(next).filter(([field, value]) => session[field as keyof typeof next] !== value),
    ) as Partial<typeof next>
    if (Object.keys(patch).length === 0) return onDone(null)
    try {
      const saved = await api.call('sessions.update', { id: session.id, patch })
      onDone(t('program.sessions.saved', { date: slashDate(saved.date) }))
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
    <form
      className="session-form session-edit panel"
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onDone(null)}
      data-testid="session-edit-form"
      aria-label={t('program.sessions.editTitle', { date: slashDate(session.date) })}
      noValidate
    >
      <h3>{t('program.sessions.editTitle', { date: slashDate(session.date) })}</h3>
      <div className="form-grid">
        <label className="form-field">
          <span className="form-label">{t('program.sessions.date')}</span>
          <input ref={first} type="date" name="date" value={date} onChange={(e) => setDate(e.target.value)} required />
          {err('date')}
        </label>
        <label className="form-field">
          <span className="form-label">{t('program.sessions.startTime')}</span>
          <input type="time" name="startTime" value={startTime} onChange={(e) => setStartTime(e.target.value)} />
          {err('startTime')}
        </label>
        <label className="form-field">
          <span className="form-label">{t('program.sessions.endTime')}</span>
          <input type="time" name="endTime" value={endTime} onChange={(e) => setEndTime(e.target.value)} />
          {err('endTime')}
        </label>
        <label className="form-field">
          <span className="form-label">{t('program.sessions.mode')}</span>
          <select name="mode" value={mode} onChange={(e) => setMode(e.target.value as SessionMode)}>
            {sessionModes.codes.map((m) => (
              <option key={m} value={m}>
                {t(`involvementVocab.sessionMode.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="form-field">
          <span className="form-label">{t('program.sessions.place')}</span>
          <input type="text" name="place" value={place} onChange={(e) => setPlace(e.target.value)} />
          {err('place')}
        </label>
        <div className="form-field">
          <span className="form-label">{t('program.sessions.municipality')}</span>
          <MunicipalityInput
            value={municipality}
            onChange={setMunicipality}
            multiple={false}
            label={t('program.sessions.municipality')}
          />
        </div>
        <label className="form-field">
          <span className="form-label">{t('program.sessions.headcount')}</span>
          <input
            type="number"
            name="anonymousHeadcount"
            min={0}
            max={MAX_ANONYMOUS_HEADCOUNT}
            value={headcount}
            onChange={(e) => setHeadcount(e.target.value)}
          />
          {err('anonymousHeadcount')}
        </label>
        <label className="form-field">
          <span className="form-label">{t('program.sessions.notes')}</span>
          <input type="text" name="notes" value={notes} onChange={(e) => setNotes(e.target.value)} />
          {err('notes')}
        </label>
      </div>
      {session.attendedCount > 0 && date !== session.date && (
        <p className="form-hint" data-testid="session-move-hint">
          {t('program.sessions.moveHint', { count: session.attendedCount })}
        </p>
      )}
      <OutsideProgramWarning dates={isValidIsoDate(date) ? [date] : []} program={program} />
      {err('form')}
      <div className="form-actions">
        <button type="submit" className="button" data-testid="session-save">
          {t('program.sessions.save')}
        </button>
        <button type="button" className="button-secondary" onClick={() => onDone(null)}>
          {t('program.sessions.cancel')}
        </button>
      </div>
    </form>
  )
}
