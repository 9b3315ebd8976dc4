import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Roster, RosterLine } from '../../../../shared/contract/programs'
import { dateWithWeekday } from '../../../../shared/domain/sessionSeries'
import { nightsFor, visitModeOfSession } from '../../../../shared/domain/vocabulary'
import type { VisitMode } from '../../../../shared/domain/vocabulary'
import { api } from '../../api/client'
import { useApiQuery } from '../../api/hooks'
import { messageOf } from './apiErrors'
import { PersonSearch, usePersonSelection } from './PersonSearch'
import { SignInSheet } from './SignInSheet'
import { WalkInForm } from './WalkInForm'

/**
 * The attendance roster of one session (like Salesforce PMM's): everyone enrolled, ticked
 * present or not, with mode and nights, saved in one action. Walk-ins are added by search
 * or registered on the spot. Saving again changes nothing (the backend is idempotent).
 */
export function RosterPanel({
  programId,
  sessionId,
  onSession,
  onDirty,
}: {
  programId: string
  sessionId: string | null
  onSession: (id: string) => void
  /** Told whether the roster on screen has changes not yet saved. */
  onDirty?: (dirty: boolean) => void
}) {
  const { t } = useTranslation()
  const sessions = useApiQuery('sessions.list', { programId }, ['session'])
  const current = sessionId ?? sessions.data?.[0]?.id ?? null
  if (sessions.data && sessions.data.length === 0) return <p className="panel-muted">{t('program.roster.noSessions')}</p>
  return (
    <div className="roster-panel">
      <label className="roster-session">
        <span>{t('program.roster.chooseSession')}</span>
        <select value={current ?? ''} onChange={(e) => onSession(e.target.value)} data-testid="roster-session">
          {sessions.data?.map((s, i) => (
            <option key={s.id} value={s.id}>
              {`第${i + 1}回 ${dateWithWeekday(s.date)}${s.startTime ?? ''} ${s.place ?? ''}`}
            </option>
          ))}
        </select>
      </label>
      {current && <RosterEditor key={current} sessionId={current} onDirty={onDirty} />}
    </div>
  )
}

function RosterEditor({ sessionId, onDirty }: { sessionId: string; onDirty?: (dirty: boolean) => void }) {
  const { t } = useTranslation()
  const roster = useApiQuery('roster.get', { sessionId }, ['enrollment', 'contact'])
  const [lines, setLines] = useState<RosterLine[] | null>(null)
  const [dirty, setDirty] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  // The undo step of the save just made: its own 元に戻す takes back that save and nothing else.
  const [undoStep, setUndoStep] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [printing, setPrinting] = useState(false)
  const walkIns = usePersonSelection()
  useEffect(() => onDirty?.(dirty), [dirty, onDirty])
  useEffect(() => () => onDirty?.(false), [onDirty])

  // The roster as it was before the last save: until the reload after saving arrives, it is
  // stale and must not replace what was just saved (a quick second save would undo the first).
  const [staleData, setStaleData] = useState<Roster | null>(null)

  // A reload from the backend replaces the lines unless the coordinator is mid-entry.
  useEffect(() => {
    if (roster.data && !dirty && roster.data !== staleData) setLines(roster.data.lines)
  }, [roster.data, dirty, staleData])

  if (roster.error) return <p className="field-error">{roster.error.message}</p>
  if (!roster.data || !lines) return <p className="panel-muted">{t('app.loading')}</p>
  const data: Roster = roster.data
  const change = (contactId: string, patch: Partial<RosterLine>) => {
    setLines((ls) => ls!.map((l) => (l.contactId === contactId ? { ...l, ...patch } : l)))
    setDirty(true)
    setMessage(null)
    setUndoStep(null)
  }
  const setAll = (attended: boolean) => {
    setLines((ls) => ls!.map((l) => ({ ...l, attended })))
    setDirty(true)
  }
  const addWalkIn = (contactId: string, name: string, kana: string | null) => {
    if (lines.some((l) => l.contactId === contactId)) return
    const [familyName, ...given] = name.split(' ')
    const [familyKana, ...givenKana] = (kana ?? '').split(' ')
    setLines([
      ...lines,
      {
        contactId,
        familyName,
        givenName: given.join(' '),
        familyKana: familyKana || null,
        givenKana: givenKana.join(' ') || null,
        enrollmentStatus: null,
        role: null,
        attended: true,
        mode: visitModeOfSession(data.session.mode),
        nights: 0,
      },
    ])
    setDirty(true)
  }

  async function save() {
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      const r = await api.call('roster.save', {
        sessionId,
        entries: lines!.map((l) => {
          const mode = l.mode ?? 'onsite'
          return { contactId: l.contactId, attended: l.attended, mode, nights: nightsFor(mode, l.nights) }
        }),
      })
      setMessage(t('program.roster.saved', { ...r }))
      setUndoStep(r.undoStep)
      setStaleData(roster.data ?? null)
      setDirty(false)
      roster.reload()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  async function undoSave() {
    if (busy || undoStep === null) return
    setBusy(true)
    setError(null)
    try {
      await api.call('undo.last', { step: undoStep })
      setMessage(t('program.roster.undone'))
      roster.reload()
    } catch (e) {
      // Something was done after the save, or it was taken back elsewhere: the message says which.
      setError(messageOf(e))
    } finally {
      setUndoStep(null)
      setBusy(false)
    }
  }

  const attended = lines.filter((l) => l.attended)
  const hybrid = data.session.mode === 'hybrid'
  return (
    <div className="roster-editor" data-testid="roster">
      <div className="roster-toolbar">
        <button type="button" className="button-secondary" onClick={() => setAll(true)}>
          {t('program.roster.allPresent')}
        </button>
        <button type="button" className="button-secondary" onClick={() => setAll(false)}>
          {t('program.roster.allAbsent')}
        </button>
        <button type="button" className="button-secondary" onClick={() => setPrinting(true)} data-testid="roster-print">
          {t('program.roster.print')}
        </button>
        <span className="toolbar-spacer" />
        <output className="roster-summary" data-testid="roster-summary">
          {t('program.roster.summary', {
            attended: attended.length,
            total: lines.length,
            online: attended.filter((l) => l.mode === 'online').length,
          })}
        </output>
      </div>
      <label className="checkbox-field">
        <input
          type="checkbox"
          checked={data.session.attendedByDefault}
          onChange={(e) =>
            void api.call('sessions.update', { id: sessionId, patch: { attendedByDefault: e.target.checked } }).then(
              () => roster.reload(),
              (err: unknown) => setError(messageOf(err)),
            )
          }
          data-testid="roster-default"
        />
        {t('program.sessions.attendedByDefault')}
      </label>
      {data.savedAt === null && (
        <p className="form-hint">
          {t('program.roster.notSavedYet', {
            value: data.session.attendedByDefault ? t('program.roster.defaultOn') : t('program.roster.defaultOff'),
          })}
        </p>
      )}
      {data.session.anonymousHeadcount > 0 && (
        <p className="form-hint">{t('program.roster.headcount', { count: data.session.anonymousHeadcount })}</p>
      )}
      {lines.length === 0 ? (
        <p className="panel-muted">{t('program.roster.empty')}</p>
      ) : (
        <table className="data-table roster-table" data-testid="roster-table">
          <thead>
            <tr>
              <th>{t('program.roster.attended')}</th>
              <th>{t('program.roster.name')}</th>
              <th>{t('program.roster.kana')}</th>
              <th>{t('program.roster.status')}</th>
              <th>{t('program.roster.mode')}</th>
              <th>{t('program.roster.nights')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => {
              const name = `${l.familyName} ${l.givenName}`.trim()
              return (
                <tr
                  key={l.contactId}
                  data-testid="roster-line"
                  data-name={name}
                  className={l.attended ? 'is-present' : undefined}
                >
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${name} ${t('program.roster.attended')}`}
                      checked={l.attended}
                      onChange={(e) => change(l.contactId, { attended: e.target.checked })}
                    />
                  </td>
                  <td>{name}</td>
                  <td className="muted">{[l.familyKana, l.givenKana].filter(Boolean).join(' ')}</td>
                  <td>
                    {l.enrollmentStatus ? (
                      t(`vocab.enrollmentStatus.${l.enrollmentStatus}`)
                    ) : (
                      <span className="walk-in">{t('program.roster.walkIn')}</span>
                    )}
                  </td>
                  <td>
                    <select
                      aria-label={`${name} ${t('program.roster.mode')}`}
                      value={l.mode ?? 'onsite'}
                      disabled={!l.attended || (!hybrid && data.session.mode === 'online')}
                      onChange={(e) => change(l.contactId, { mode: e.target.value as VisitMode })}
                    >
                      <option value="onsite">{t('vocab.visitMode.onsite')}</option>
                      <option value="online">{t('vocab.visitMode.online')}</option>
                    </select>
                  </td>
                  <td>
                    <input
                      type="number"
                      className="nights-input"
                      aria-label={`${name} ${t('program.roster.nights')}`}
                      min={0}
                      max={365}
                      value={l.mode === 'online' ? 0 : l.nights}
                      disabled={!l.attended || l.mode === 'online'}
                      onChange={(e) => change(l.contactId, { nights: Math.max(0, Number(e.target.value) || 0) })}
                    />
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        {/* aria-disabled, not disabled: a disabled button drops the keyboard focus to the page. */}
        <button
          type="button"
          className="button"
          aria-disabled={busy || undefined}
          onClick={() => void save()}
          data-testid="roster-save"
        >
          {t('program.roster.save')}
        </button>
        {dirty && <span className="warning-text">{t('program.roster.unsaved')}</span>}
        {message && !dirty && (
          <span className="field-status" data-testid="roster-saved">
            {message}
          </span>
        )}
        {undoStep !== null && !dirty && (
          <button
            type="button"
            className="button-secondary"
            aria-disabled={busy || undefined}
            title={t('program.roster.undoHint')}
            onClick={() => void undoSave()}
            data-testid="roster-undo"
          >
            {t('program.roster.undo')}
          </button>
        )}
      </div>
      <details className="walk-in-box">
        <summary>{t('program.roster.addWalkIn')}</summary>
        <PersonSearch
          selected={walkIns.selected}
          exclude={lines.map((l) => l.contactId)}
          onToggle={(id, name) => {
            walkIns.toggle(id, name)
            addWalkIn(id, name, null)
            walkIns.clear()
          }}
          testId="walk-in-search"
        />
        <WalkInForm
          onCreated={(c) =>
            addWalkIn(c.id, `${c.familyName} ${c.givenName}`, [c.familyKana, c.givenKana].filter(Boolean).join(' '))
          }
        />
      </details>
      {printing && <SignInSheet roster={{ ...data, lines }} onClose={() => setPrinting(false)} />}
    </div>
  )
}
