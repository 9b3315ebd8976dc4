import { Fragment, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Session } from '../../../../shared/contract/programs'
import { isValidIsoDate, slashDate } from '../../../../shared/domain/dates'
import { municipalityLabel } from '../../../../shared/domain/localGov'
import {
  MAX_ANONYMOUS_HEADCOUNT,
  MAX_SERIES_COUNT,
  dateWithWeekday,
  seriesDates,
  weekdayLabels,
  weekdayOf,
  weekdayOrdinalOf,
} from '../../../../shared/domain/sessionSeries'
import type { SeriesRule } from '../../../../shared/domain/sessionSeries'
import { sessionModes } from '../../../../shared/domain/vocabulary'
import type { SessionMode } from '../../../../shared/domain/vocabulary'
import { api } from '../../api/client'
import { useConfirm } from '../../app/useConfirm'
import { useApiQuery } from '../../api/hooks'
import { fieldErrors, messageOf } from './apiErrors'
import { MunicipalityInput } from './MunicipalityInput'
import { OutsideProgramWarning } from './OutsideProgramWarning'
import type { ProgramPeriod } from './OutsideProgramWarning'
import { SessionEditForm } from './SessionEditForm'
import { useRefocusAfterRemoval } from './useRefocusAfterRemoval'

type Repeat = 'none' | 'weekly' | 'biweekly' | 'monthly'

/** A program's sessions, and the form that adds one or a series. */
export function SessionsPanel({
  programId,
  program,
  defaultMunicipality,
  onOpenRoster,
}: {
  programId: string
  /** The program's 年度 and period, which session dates are checked against (a warning only). */
  program: ProgramPeriod
  defaultMunicipality: string | null
  onOpenRoster: (sessionId: string) => void
}) {
  const { t } = useTranslation()
  const sessions = useApiQuery('sessions.list', { programId }, ['session', 'visit'])
  const [error, setError] = useState<string | null>(null)
  const [editing, setEditing] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const panel = useRef<HTMLDivElement>(null)
  // The last session gone: the add form's date is where the next one starts.
  const refocus = useRefocusAfterRemoval(sessions.data?.length, () =>
    panel.current?.querySelector<HTMLInputElement>('input[name="date"]'),
  )

  const { confirm, dialog } = useConfirm()

  async function remove(s: Session, index: number) {
    const yes = await confirm({
      title: t('program.sessions.removeTitle'),
      body: (
        <>
          {t('program.sessions.confirmRemove', { date: slashDate(s.date) })}
          <br />
          {t('program.sessions.removeHint')}
        </>
      ),
      confirmLabel: t('program.sessions.removeConfirm'),
      cancelLabel: t('program.keep'),
      testId: 'session-remove',
    })
    if (!yes) return
    refocus.removing(index)
    try {
      await api.call('sessions.delete', { id: s.id })
    } catch (e) {
      refocus.cancel()
      setError(messageOf(e))
    }
  }

  return (
    <div className="sessions-panel" ref={panel}>
      {dialog}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {saved && (
        <p className="field-status" role="status">
          {saved}
        </p>
      )}
      {sessions.data && sessions.data.length === 0 && <p className="panel-muted">{t('program.sessions.empty')}</p>}
      {sessions.data && sessions.data.length > 0 && (
        <table className="data-table" data-testid="sessions-table">
          <thead>
            <tr>
              <th>{t('program.sessions.date')}</th>
              <th>{t('program.sessions.startTime')}</th>
              <th>{t('program.sessions.place')}</th>
              <th>{t('program.sessions.mode')}</th>
              <th className="num">{t('program.sessions.attended')}</th>
              <th className="num">{t('program.sessions.headcount')}</th>
              <th />
            </tr>
          </thead>
          <tbody ref={refocus.container}>
            {sessions.data.map((s, index) => (
              <Fragment key={s.id}>
                <tr data-testid="session-row">
                  <td>{dateWithWeekday(s.date)}</td>
                  <td>{[s.startTime, s.endTime].filter(Boolean).join('～')}</td>
                  <td>
                    {s.place}
                    {s.municipalityCode && <span className="muted"> {municipalityLabel(s.municipalityCode)}</span>}
                  </td>
                  <td>{t(`involvementVocab.sessionMode.${s.mode}`)}</td>
                  <td className="num">{t('program.sessions.attendedValue', { count: s.attendedCount })}</td>
                  <td className="num">
                    {s.anonymousHeadcount > 0 ? t('program.sessions.attendedValue', { count: s.anonymousHeadcount }) : ''}
                  </td>
                  <td className="actions">
                    <button
                      type="button"
                      className="button-link"
                      aria-label={`${dateWithWeekday(s.date)} ${t('program.sessions.roster')}`}
                      onClick={() => onOpenRoster(s.id)}
                    >
                      {t('program.sessions.roster')}
                    </button>
                    <button
                      type="button"
                      className="button-link"
                      aria-expanded={editing === s.id}
                      aria-label={`${dateWithWeekday(s.date)} ${t('program.sessions.edit')}`}
                      onClick={() => {
                        setSaved(null)
                        setEditing(editing === s.id ? null : s.id)
                      }}
                    >
                      {t('program.sessions.edit')}
                    </button>
                    <button
                      type="button"
                      className="button-link"
                      aria-label={`${dateWithWeekday(s.date)} ${t('program.sessions.remove')}`}
                      data-refocus
                      onClick={() => void remove(s, index)}
                    >
                      {t('program.sessions.remove')}
                    </button>
                  </td>
                </tr>
                {editing === s.id && (
                  <tr className="session-edit-row">
                    <td colSpan={7}>
                      <SessionEditForm
                        session={s}
                        program={program}
                        onDone={(message) => {
                          setEditing(null)
                          setSaved(message)
                        }}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      <SessionForm programId={programId} program={program} defaultMunicipality={defaultMunicipality} />
    </div>
  )
}

function SessionForm({
  programId,
  program,
  defaultMunicipality,
}: {
  programId: string
  program: ProgramPeriod
  defaultMunicipality: string | null
}) {
  const { t } = useTranslation()
  const [date, setDate] = useState('')
  const [startTime, setStartTime] = useState('13:00')
  const [endTime, setEndTime] = useState('')
  const [place, setPlace] = useState('')
  const [municipality, setMunicipality] = useState<string[]>(defaultMunicipality ? [defaultMunicipality] : [])
  const [mode, setMode] = useState<SessionMode>('onsite')
  const [headcount, setHeadcount] = useState('')
  const [attendedByDefault, setAttendedByDefault] = useState(false)
  const [repeat, setRepeat] = useState<Repeat>('none')
  const [count, setCount] = useState('6')
  const [nth, setNth] = useState<1 | 2 | 3 | 4 | -1>(2)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<string | null>(null)

  // After a session or series is added the form starts over, so a second press of
  // 開催回を追加 cannot register the same dates again.
  function reset() {
    setDate('')
    setStartTime('13:00')
    setEndTime('')
    setPlace('')
    setMunicipality(defaultMunicipality ? [defaultMunicipality] : [])
    setMode('onsite')
    setHeadcount('')
    setAttendedByDefault(false)
    setRepeat('none')
    setCount('6')
    setNth(2)
  }

  const weekday = date ? weekdayOf(date) : 6
  const rule = (start: string): SeriesRule | null => {
    const n = Math.min(MAX_SERIES_COUNT, Math.max(1, Number(count) || 1))
    if (repeat === 'weekly' || repeat === 'biweekly')
      return { kind: 'weekly', startDate: start, intervalWeeks: repeat === 'weekly' ? 1 : 2, count: n }
    if (repeat === 'monthly') return { kind: 'monthly', startDate: start, nth, weekday, count: n }
    return null
  }
  const preview = date && rule(date) ? seriesDates(rule(date)!) : []

  async function submit(e: FormEvent) {
    e.preventDefault()
    setErrors({})
    setMessage(null)
    const fields = {
      date,
      startTime: startTime || null,
      endTime: endTime || null,
      place: place || null,
      municipalityCode: municipality[0] ?? null,
      mode,
      anonymousHeadcount: Number(headcount) || 0,
      attendedByDefault,
    }
    try {
      if (repeat === 'none') {
        await api.call('sessions.create', { programId, fields })
        reset()
        setMessage(t('program.sessions.created', { count: 1 }))
      } else {
        const r = rule(date)!
        const created = await api.call('sessions.createSeries', {
          programId,
          rule:
            r.kind === 'weekly'
              ? { kind: 'weekly', intervalWeeks: r.intervalWeeks }
              : { kind: 'monthly', nth: r.nth, weekday: r.weekday },
          count: r.count,
          fields,
        })
        reset()
        setMessage(t('program.sessions.created', { count: created.length }))
      }
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
    <form className="session-form panel" onSubmit={submit} data-testid="session-form" noValidate>
      <h3>{t('program.sessions.add')}</h3>
      <div className="form-grid">
        <label className="form-field">
          <span className="form-label">{t('program.sessions.date')}</span>
          <input
            type="date"
            name="date"
            value={date}
            onChange={(e) => {
              setDate(e.target.value)
              // 毎月 第n曜日 follows the date typed, so the series starts on it (10/3 → 第1土曜日).
              if (isValidIsoDate(e.target.value)) setNth(weekdayOrdinalOf(e.target.value))
            }}
            required
          />
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
          <span className="form-hint">{t('program.sessions.headcountHint')}</span>
          {err('anonymousHeadcount')}
        </label>
        <label className="form-field">
          <span className="form-label">{t('program.sessions.repeat')}</span>
          <select name="repeat" value={repeat} onChange={(e) => setRepeat(e.target.value as Repeat)}>
            <option value="none">{t('program.sessions.repeatNone')}</option>
            <option value="weekly">{t('program.sessions.repeatWeekly')}</option>
            <option value="biweekly">{t('program.sessions.repeatBiweekly')}</option>
            <option value="monthly">{t('program.sessions.repeatMonthly')}</option>
          </select>
        </label>
        {repeat === 'monthly' && (
          <label className="form-field">
            <span className="form-label">{t('program.sessions.nth')}</span>
            <select name="nth" value={nth} onChange={(e) => setNth(Number(e.target.value) as 1 | 2 | 3 | 4 | -1)}>
              {[1, 2, 3, 4].map((n) => (
                <option key={n} value={n}>{`第${n}${weekdayLabels[weekday]}曜日`}</option>
              ))}
              <option value={-1}>{`${t('program.sessions.nthLast')}${weekdayLabels[weekday]}曜日`}</option>
            </select>
          </label>
        )}
        {repeat !== 'none' && (
          <label className="form-field">
            <span className="form-label">{t('program.sessions.count')}</span>
            <input
              type="number"
              name="count"
              min={1}
              max={MAX_SERIES_COUNT}
              value={count}
              onChange={(e) => setCount(e.target.value)}
            />
          </label>
        )}
      </div>
      <label className="checkbox-field">
        <input
          type="checkbox"
          name="attendedByDefault"
          checked={attendedByDefault}
          onChange={(e) => setAttendedByDefault(e.target.checked)}
        />
        {t('program.sessions.attendedByDefault')}
      </label>
      {preview.length > 1 && (
        <p className="form-hint" data-testid="series-preview">
          {t('program.sessions.preview', {
            count: preview.length,
            dates: preview.map(dateWithWeekday).join('、'),
          })}
        </p>
      )}
      <OutsideProgramWarning dates={preview.length > 0 ? preview : isValidIsoDate(date) ? [date] : []} program={program} />
      {err('form')}
      <div className="form-actions">
        <button type="submit" className="button" disabled={!date} data-testid="session-add">
          {t('program.sessions.add')}
        </button>
        {message && <span className="field-status">{message}</span>}
      </div>
    </form>
  )
}
