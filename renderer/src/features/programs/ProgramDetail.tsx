import { useEffect, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { formatFiscalYear } from '../../../../shared/domain/dates'
import { api } from '../../api/client'
import { useApiQuery } from '../../api/hooks'
import { LoadError } from '../../app/LoadError'
import { messageOf } from './apiErrors'
import { ConfirmDialog } from '../../app/ConfirmDialog'
import { useConfirm } from '../../app/useConfirm'
import { EnrollmentsPanel } from './EnrollmentsPanel'
import { ProgramForm } from './ProgramForm'
import { RosterPanel } from './RosterPanel'
import { SessionsPanel } from './SessionsPanel'

type Tab = 'sessions' | 'enrollments' | 'roster' | 'details'
const tabs: Tab[] = ['sessions', 'enrollments', 'roster', 'details']

/** One program: its sessions, enrollees, attendance rosters and every field of its form. */
export function ProgramDetail({
  programId,
  onBack,
  onOpen,
}: {
  programId: string
  onBack: () => void
  onOpen: (id: string) => void
}) {
  const { t } = useTranslation()
  const program = useApiQuery('programs.get', { id: programId }, ['program'])
  const [tab, setTab] = useState<Tab>('sessions')
  const [rosterSession, setRosterSession] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const p = program.data
  // Opened from the new-program form or 来年度にコピー, the focused control is gone with the
  // screen it was on: the program's name takes the focus, so Tab goes on from here.
  const title = useRef<HTMLHeadingElement>(null)
  const loaded = p?.id
  useEffect(() => {
    if (loaded && document.activeElement === document.body) title.current?.focus()
  }, [loaded])

  // Attendance ticked but not saved lives only in the roster: switching session or tab, going
  // back to the list or to another page would drop it, so each of those asks first.
  const [rosterDirty, setRosterDirty] = useState(false)
  const [pending, setPending] = useState<{ go: () => void } | null>(null)
  const guard = (go: () => void) => (rosterDirty ? setPending({ go }) : go())
  function onTabKey(e: KeyboardEvent<HTMLDivElement>) {
    const at = tabs.indexOf(tab)
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[e.key]
    if (next === undefined) return
    e.preventDefault()
    const name = tabs[(next + tabs.length) % tabs.length]
    document.getElementById(`program-tab-${name}`)?.focus()
    if (name !== tab) guard(() => setTab(name))
  }
  const dirtyRef = useRef(rosterDirty)
  dirtyRef.current = rosterDirty
  useEffect(() => {
    // The sidebar (and any other in-app link) changes the page through the URL hash, which
    // cannot be cancelled once changed: the click is caught before it lands.
    const onClick = (e: MouseEvent) => {
      if (!dirtyRef.current || e.defaultPrevented || e.button !== 0) return
      const link = (e.target as Element | null)?.closest?.('a[href^="#"]')
      const href = link?.getAttribute('href')
      if (!href || href === window.location.hash) return
      e.preventDefault()
      e.stopPropagation()
      setPending({ go: () => (window.location.hash = href) })
    }
    // Closing or reloading the window asks too (in Electron the main process shows the question:
    // see electron/main/unloadGuard.ts).
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!dirtyRef.current) return
      e.preventDefault()
      e.returnValue = ''
    }
    document.addEventListener('click', onClick, true)
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => {
      document.removeEventListener('click', onClick, true)
      window.removeEventListener('beforeunload', onBeforeUnload)
    }
  }, [])

  async function copy() {
    try {
      const created = await api.call('programs.copyToNextYear', { id: programId })
      onOpen(created.id)
      setNotice(t('program.copied', { name: created.name }))
    } catch (e) {
      setError(messageOf(e))
    }
  }

  const { confirm, dialog } = useConfirm()

  async function remove() {
    if (!p) return
    const yes = await confirm({
      title: t('program.deleteTitle'),
      body: (
        <>
          {t('program.confirmDelete', { name: p.name })}
          <br />
          {t('program.deleteHint')}
        </>
      ),
      confirmLabel: t('program.deleteConfirm'),
      cancelLabel: t('program.keep'),
      testId: 'program-delete',
    })
    if (!yes) return
    try {
      await api.call('programs.delete', { id: programId })
      onBack()
    } catch (e) {
      setError(messageOf(e))
    }
  }

  return (
    <section className="page page-program" aria-labelledby="program-title">
      <button type="button" className="button-link back-link" onClick={() => guard(onBack)} data-testid="program-back">
        {t('program.back')}
      </button>
      {program.error && <LoadError error={program.error} onRetry={program.reload} />}
      {p && (
        <>
          <header className="page-header">
            <div>
              <h1 id="program-title" data-testid="program-title" ref={title} tabIndex={-1}>
                {p.name}
              </h1>
              <p className="page-description">
                {formatFiscalYear(p.fiscalYear)}・{t(`vocab.programCategory.${p.category}`)}・
                {t(`vocab.programStatus.${p.status}`)}
                {p.startDate ? `・${p.startDate.replaceAll('-', '/')}～${(p.endDate ?? '').replaceAll('-', '/')}` : ''}
              </p>
            </div>
            <div className="header-actions">
              <button type="button" className="button-secondary" onClick={() => void copy()} data-testid="program-copy">
                {t('program.copyNextYear')}
              </button>
              <button
                type="button"
                className="button-link danger"
                onClick={() => void remove()}
                data-testid="program-delete-button"
              >
                {t('program.delete')}
              </button>
            </div>
          </header>
          {notice && <p className="field-status">{notice}</p>}
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          {/* The ARIA tabs pattern: one Tab stop (the open tab), ←/→/Home/End move between tabs. */}
          <div className="tabs" role="tablist" onKeyDown={onTabKey}>
            {tabs.map((name) => (
              <button
                key={name}
                id={`program-tab-${name}`}
                type="button"
                role="tab"
                aria-selected={tab === name}
                aria-controls="program-tabpanel"
                tabIndex={tab === name ? 0 : -1}
                className={tab === name ? 'tab active' : 'tab'}
                onClick={() => name !== tab && guard(() => setTab(name))}
                data-testid={`program-tab-${name}`}
              >
                {t(`program.tabs.${name}`)}
              </button>
            ))}
          </div>
          <div className="tab-body" role="tabpanel" id="program-tabpanel" aria-labelledby={`program-tab-${tab}`}>
            {tab === 'sessions' && (
              <SessionsPanel
                programId={programId}
                program={p}
                defaultMunicipality={p.municipalityCodes[0] ?? null}
                onOpenRoster={(id) => {
                  setRosterSession(id)
                  setTab('roster')
                }}
              />
            )}
            {tab === 'enrollments' && <EnrollmentsPanel programId={programId} />}
            {tab === 'roster' && (
              <RosterPanel
                programId={programId}
                sessionId={rosterSession}
                onSession={(id) => guard(() => setRosterSession(id))}
                onDirty={setRosterDirty}
              />
            )}
            {tab === 'details' && <ProgramForm key={p.updatedAt} program={p} onSaved={() => program.reload()} />}
          </div>
        </>
      )}
      {dialog}
      {pending && (
        // Asked before unsaved attendance is thrown away: 戻る (focused first; Esc too) stays.
        <ConfirmDialog
          title={t('program.roster.discardTitle')}
          confirmLabel={t('program.roster.discardConfirm')}
          cancelLabel={t('program.roster.discardStay')}
          testId="roster-discard"
          onCancel={() => setPending(null)}
          onConfirm={() => {
            setPending(null)
            setRosterDirty(false)
            dirtyRef.current = false
            pending.go()
          }}
        >
          <p>{t('program.roster.discardBody')}</p>
        </ConfirmDialog>
      )}
    </section>
  )
}
