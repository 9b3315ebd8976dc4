import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Enrollment } from '../../../../shared/contract/programs'
import { enrollmentRoles, enrollmentStatuses } from '../../../../shared/domain/vocabulary'
import type { EnrollmentRole, EnrollmentStatus } from '../../../../shared/domain/vocabulary'
import { api } from '../../api/client'
import { useConfirm } from '../../app/useConfirm'
import { useApiQuery } from '../../api/hooks'
import { messageOf } from './apiErrors'
import { PersonSearch, usePersonSelection } from './PersonSearch'
import { useRefocusAfterRemoval } from './useRefocusAfterRemoval'

/** Enrollees with their status counts and capacity, and enrollment by search. */
export function EnrollmentsPanel({ programId }: { programId: string }) {
  const { t } = useTranslation()
  const list = useApiQuery('enrollments.list', { programId }, ['enrollment', 'contact', 'visit', 'program'])
  const { selected, toggle, clear } = usePersonSelection()
  const [status, setStatus] = useState<EnrollmentStatus>('applied')
  const [role, setRole] = useState<EnrollmentRole>('learner')
  const [message, setMessage] = useState<string | null>(null)
  const searchPanel = useRef<HTMLElement>(null)
  const [error, setError] = useState<string | null>(null)
  const data = list.data
  const holding = data ? data.rows.length - data.statusCounts.withdrawn : 0
  const over = data?.capacity != null ? holding - data.capacity : 0
  const searchInput = () => searchPanel.current?.querySelector<HTMLInputElement>('input[type="search"]')
  const refocus = useRefocusAfterRemoval(data?.rows.length, searchInput)

  async function add() {
    setError(null)
    try {
      const r = await api.call('enrollments.add', { programId, contactIds: [...selected.keys()], status, role })
      setMessage(
        t('program.enrollments.added', { added: r.added }) +
          (r.alreadyEnrolled > 0 ? t('program.enrollments.alreadyEnrolled', { count: r.alreadyEnrolled }) : ''),
      )
      clear()
      // 追加 is disabled with nothing chosen, which would drop the focus to the page: the search
      // is where the next person is looked for.
      searchInput()?.focus()
    } catch (e) {
      setError(messageOf(e))
    }
  }

  async function update(e: Enrollment, patch: { status?: EnrollmentStatus; role?: EnrollmentRole }) {
    try {
      await api.call('enrollments.update', { ids: [e.id], patch })
    } catch (err) {
      setError(messageOf(err))
    }
  }

  const { confirm, dialog } = useConfirm()

  async function remove(e: Enrollment, index: number) {
    const yes = await confirm({
      title: t('program.enrollments.removeTitle'),
      body: (
        <>
          {t('program.enrollments.confirmRemove', { name: `${e.familyName} ${e.givenName}` })}
          <br />
          {t('program.enrollments.removeHint')}
        </>
      ),
      confirmLabel: t('program.enrollments.removeConfirm'),
      cancelLabel: t('program.keep'),
      testId: 'enrollment-remove',
    })
    if (!yes) return
    refocus.removing(index)
    try {
      await api.call('enrollments.remove', { ids: [e.id] })
    } catch (err) {
      refocus.cancel()
      setError(messageOf(err))
    }
  }

  return (
    <div className="enrollments-panel">
      {dialog}
      {data && (
        <p className="enrollment-counts" data-testid="enrollment-counts">
          {t('program.enrollments.counts', data.statusCounts)}
          {data.capacity != null && (
            <span className="muted">　{t('program.enrollments.capacity', { capacity: data.capacity })}</span>
          )}
        </p>
      )}
      {over > 0 && data?.capacity != null && (
        <p className="warning" role="status" data-testid="capacity-warning">
          {t('program.enrollments.overCapacity', { capacity: data.capacity, over, holding })}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {data && data.rows.length === 0 && <p className="panel-muted">{t('program.enrollments.empty')}</p>}
      {data && data.rows.length > 0 && (
        <table className="data-table" data-testid="enrollments-table">
          <thead>
            <tr>
              <th>{t('program.enrollments.name')}</th>
              <th>{t('program.enrollments.kana')}</th>
              <th>{t('program.enrollments.status')}</th>
              <th>{t('program.enrollments.role')}</th>
              <th className="num">{t('program.enrollments.attendedSessions')}</th>
              <th />
            </tr>
          </thead>
          <tbody ref={refocus.container}>
            {data.rows.map((e, index) => (
              <tr key={e.id} data-testid="enrollment-row">
                <td>
                  {e.familyName} {e.givenName}
                </td>
                <td className="muted">{[e.familyKana, e.givenKana].filter(Boolean).join(' ')}</td>
                <td>
                  <select
                    aria-label={`${e.familyName} ${e.givenName} ${t('program.enrollments.status')}`}
                    value={e.status}
                    onChange={(ev) => void update(e, { status: ev.target.value as EnrollmentStatus })}
                  >
                    {enrollmentStatuses.codes.map((s) => (
                      <option key={s} value={s}>
                        {t(`vocab.enrollmentStatus.${s}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    aria-label={`${e.familyName} ${e.givenName} ${t('program.enrollments.role')}`}
                    value={e.role}
                    onChange={(ev) => void update(e, { role: ev.target.value as EnrollmentRole })}
                  >
                    {enrollmentRoles.codes.map((r) => (
                      <option key={r} value={r}>
                        {t(`involvementVocab.enrollmentRole.${r}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="num">{t('program.enrollments.sessionsValue', { count: e.attendedSessions })}</td>
                <td className="actions">
                  <button
                    type="button"
                    className="button-link"
                    aria-label={`${e.familyName} ${e.givenName} ${t('program.enrollments.remove')}`}
                    data-refocus
                    onClick={() => void remove(e, index)}
                  >
                    {t('program.enrollments.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section className="panel enroll-search" ref={searchPanel}>
        <h3>{t('program.enrollments.add')}</h3>
        <PersonSearch selected={selected} onToggle={toggle} exclude={data?.rows.map((r) => r.contactId)} testId="enroll-search" />
        <div className="form-actions">
          <select
            aria-label={t('program.enrollments.status')}
            value={status}
            onChange={(e) => setStatus(e.target.value as EnrollmentStatus)}
          >
            {enrollmentStatuses.codes.map((s) => (
              <option key={s} value={s}>
                {t(`vocab.enrollmentStatus.${s}`)}
              </option>
            ))}
          </select>
          <select
            aria-label={t('program.enrollments.role')}
            value={role}
            onChange={(e) => setRole(e.target.value as EnrollmentRole)}
          >
            {enrollmentRoles.codes.map((r) => (
              <option key={r} value={r}>
                {t(`involvementVocab.enrollmentRole.${r}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            disabled={selected.size === 0}
            onClick={() => void add()}
            data-testid="enroll-add"
          >
            {t('program.enrollments.addSelected', { count: selected.size })}
          </button>
          {/* Always there, so a screen reader hears 「N人を追加しました」 when it is filled in. */}
          <span className="field-status" role="status" data-testid="enroll-message">
            {message}
          </span>
        </div>
      </section>
    </div>
  )
}
