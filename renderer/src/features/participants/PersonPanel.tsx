import { useEffect, useRef } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { AuditEntry } from '../../../../shared/contract/participantRecords'
import { municipalityByCode, prefectureByCode } from '../../../../shared/domain/localGov'
import { api } from '../../api/client'
import { useApiQuery } from '../../api/hooks'
import { LoadError } from '../../app/LoadError'
import { auditFieldLabel, auditValueText } from '../audit/auditFields'
import { batchLabel } from '../audit/batchLabel'
import { PrivacyActions } from '../privacy/PrivacyActions'
import { PersonTimeline } from '../timeline/PersonTimeline'
import { columnLabel } from './participantColumns'

const dateTime = new Intl.DateTimeFormat('ja-JP', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
})
const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v))

/**
 * One person, everything about them: fields, tags, organizations, stage history, the
 * timeline of programs and visits, consent, notes and the audit trail of edits. When the
 * person no longer exists (完全に削除, or deleted elsewhere), `onGone` hears their name ('' when
 * they were never shown: a link to someone not on record) and nothing of theirs stays on screen.
 */
export function PersonPanel({
  contactId,
  onClose,
  onGone,
  takeFocus = false,
}: {
  contactId: string
  onClose: () => void
  onGone: (name: string) => void
  /** Move keyboard focus into the panel when it opens or shows another person. */
  takeFocus?: boolean
}) {
  const { t } = useTranslation()
  const detail = useApiQuery('contacts.detail', { id: contactId }, ['contact', 'enrollment', 'visit'])
  const audit = useApiQuery('audit.list', { entity: 'contact', entityId: contactId, limit: 50 }, ['contact'])
  const stages = useApiQuery('stages.list', {}, ['setting'])
  const stageLabel = (code: string) => stages.data?.find((s) => s.code === code)?.label ?? code
  const gone = detail.error?.code === 'NOT_FOUND'
  const d = !gone && detail.data?.contact.id === contactId ? detail.data : undefined
  const c = d?.contact
  // The name shown for *this* id: a person never shown here (a link to someone deleted for
  // good) is gone with '' as their name, not with the name of the person shown before.
  const lastName = useRef({ id: '', name: '' })
  if (c) lastName.current = { id: c.id, name: `${c.familyName}${c.givenName}` }
  const goneRef = useRef(onGone)
  goneRef.current = onGone
  useEffect(() => {
    if (gone) goneRef.current(lastName.current.id === contactId ? lastName.current.name : '')
  }, [gone, contactId])

  const panel = useRef<HTMLElement>(null)
  useEffect(() => {
    if (takeFocus) panel.current?.focus()
  }, [takeFocus, contactId])

  return (
    <aside
      ref={panel}
      className="person-panel"
      aria-label={t('people.detail')}
      data-testid="person-panel"
      tabIndex={-1}
      onKeyDown={(e) => {
        // Esc closes the panel as it closes a dialog; an open editor or menu inside it keeps
        // its own Esc (they stop the event before it gets here).
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault()
          onClose()
        }
      }}
    >
      <header className="person-panel-header">
        <div>
          <h2>{c ? `${c.familyName} ${c.givenName}` : '…'}</h2>
          {c && (
            <p className="person-panel-kana">
              {c.familyKana ?? ''} {c.givenKana ?? ''}
            </p>
          )}
        </div>
        <button type="button" className="button-link" onClick={onClose} aria-label={t('people.close')}>
          ×
        </button>
      </header>
      {detail.error && !gone && <LoadError error={detail.error} onRetry={detail.reload} />}
      {c && d && (
        <div className="person-panel-body">
          <section>
            <h3>{t('people.panel.fields')}</h3>
            <dl className="person-fields">
              <Field label={columnLabel(t, 'stage')} value={stageLabel(c.stage)} />
              <Field label={columnLabel(t, 'email')} value={c.email} />
              <Field label={columnLabel(t, 'phone')} value={c.phone} />
              <Field label={columnLabel(t, 'postalCode')} value={c.postalCode} />
              <Field
                label={t('people.fieldLabels.address')}
                value={[
                  c.prefectureCode && prefectureByCode(c.prefectureCode)?.name,
                  c.municipalityCode && municipalityByCode(c.municipalityCode)?.name,
                  c.address,
                ]
                  .filter(Boolean)
                  .join(' ')}
              />
              <Field label={columnLabel(t, 'birthDate')} value={c.birthDate ?? (c.birthYear ? `${c.birthYear}年` : null)} />
              <Field label={columnLabel(t, 'gender')} value={c.gender ? t(`vocab.gender.${c.gender}`) : null} />
              <Field label={columnLabel(t, 'roots')} value={c.roots ? t(`vocab.roots.${c.roots}`) : null} />
              <Field label={columnLabel(t, 'basis')} value={c.basis ? t(`vocab.basis.${c.basis}`) : null} />
              <Field label={columnLabel(t, 'affiliation')} value={c.affiliation} />
              <Field label={columnLabel(t, 'occupation')} value={c.occupation} />
              <Field label={t('people.fieldLabels.firstContact')} value={c.firstContact} />
            </dl>
          </section>
          <section>
            <h3>{t('people.panel.tags')}</h3>
            {d.tags.length === 0 ? (
              <p className="panel-muted">{t('people.panel.none')}</p>
            ) : (
              <ul className="tag-list">
                {d.tags.map((tag) => (
                  <li key={tag.id} className="tag">
                    {tag.name}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section>
            <h3>{t('people.panel.organizations')}</h3>
            {d.organizations.length === 0 ? (
              <p className="panel-muted">{t('people.panel.none')}</p>
            ) : (
              <ul className="plain-list">
                {d.organizations.map((o) => (
                  <li key={o.id}>
                    {o.name}
                    {o.role && <small>（{o.role}）</small>}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section>
            <h3>{t('people.panel.stageHistory')}</h3>
            <ol className="plain-list" data-testid="stage-history">
              {d.stageHistory.map((h, i) => (
                <li key={i}>
                  <time>{h.changedOn.replaceAll('-', '/')}</time> {stageLabel(h.stage)}
                  {h.note && <small>（{h.note}）</small>}
                </li>
              ))}
            </ol>
          </section>
          <section>
            <h3>{t('people.panel.timeline')}</h3>
            <PersonTimeline contactId={contactId} />
          </section>
          <section>
            <h3>{t('people.panel.consent')}</h3>
            <p>
              {c.consentDate
                ? t('people.panel.consentOn', { date: c.consentDate.replaceAll('-', '/'), method: c.consentMethod ?? '—' })
                : t('people.panel.consentNone')}
            </p>
            {c.consentPurposes.length > 0 && (
              <p className="panel-muted">{t('people.panel.purposes', { list: c.consentPurposes.join('、') })}</p>
            )}
          </section>
          <section>
            <h3>{t('people.panel.notes')}</h3>
            <p className="person-notes">{c.notes ?? t('people.panel.none')}</p>
          </section>
          <section>
            <h3>{t('people.panel.audit')}</h3>
            <ol className="audit-list" data-testid="audit-trail">
              {audit.data?.rows.map((entry) => (
                <AuditLine key={entry.id} entry={entry} />
              ))}
            </ol>
          </section>
          <section data-testid="privacy-actions">
            <PrivacyActions contactId={contactId} />
          </section>
        </div>
      )}
    </aside>
  )
}

function Field({ label, value }: { label: string; value: string | null | undefined | false | 0 }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{show(value || null)}</dd>
    </div>
  )
}

function AuditLine({ entry }: { entry: AuditEntry }) {
  const { t, i18n } = useTranslation()
  // The 監査ログ screen's labels (from the audit vocabulary), so both screens name a line alike.
  const action = i18n.exists(`audit.actions.${entry.action}`) ? t(`audit.actions.${entry.action}` as never) : entry.action
  const batch = batchLabel(t, entry)
  return (
    <li>
      <div className="audit-head">
        <time>{dateTime.format(new Date(entry.at))}</time> {action} <small>{entry.userName}</small>
        {batch && <small className="audit-batch-label">{batch}</small>}
      </div>
      {entry.changes.length > 0 && (
        <ul>
          {entry.changes.map((change) => (
            <li key={change.field}>
              {auditFieldLabel(t, change.field)}：{auditValueText(t, change.before)} → {auditValueText(t, change.after)}
            </li>
          ))}
        </ul>
      )}
    </li>
  )
}
