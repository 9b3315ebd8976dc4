import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PersonTimeline as Timeline, TimelineEntry } from '../../../../shared/contract/methods/timeline'
import { formatFiscalYear, slashDate } from '../../../../shared/domain/dates'
import { municipalityLabel } from '../../../../shared/domain/localGov'
import type { StageCode } from '../../../../shared/domain/vocabulary'
import { api } from '../../api/client'
import { useApiQuery } from '../../api/hooks'
import { LoadError } from '../../app/LoadError'
import './timeline.css'

/**
 * One person's path: programs with their status, visits and stage changes (newest first),
 * involvement counts per 年度, and the stage suggestion with accept / not-now buttons.
 */
export function PersonTimeline({ contactId }: { contactId: string }) {
  const { t } = useTranslation()
  const timeline = useApiQuery('timeline.get', { contactId }, ['visit', 'enrollment', 'contact', 'setting', 'program'])
  const stageList = useApiQuery('stages.list', {}, ['setting'])
  const [notice, setNotice] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const stageLabel = (code: StageCode) => stageList.data?.find((s) => s.code === code)?.label ?? code

  if (timeline.error) return <LoadError error={timeline.error} onRetry={timeline.reload} />
  const data = timeline.data
  if (!data || data.contactId !== contactId) return <p className="timeline-loading">{t('timeline.loading')}</p>

  async function answer(method: 'timeline.acceptSuggestion' | 'timeline.ignoreSuggestion', stage: StageCode) {
    setBusy(true)
    setError(null)
    try {
      await api.call(method, { contactId, stage })
      setNotice(
        method === 'timeline.acceptSuggestion' ? t('timeline.accepted', { to: stageLabel(stage) }) : t('timeline.ignored'),
      )
      timeline.reload()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="timeline" aria-label={t('timeline.title')} data-testid="person-timeline">
      <h3 className="timeline-heading">{t('timeline.title')}</h3>
      {data.suggestion && (
        <div className="timeline-suggestion" role="status" data-testid="stage-suggestion">
          <strong>{t('timeline.suggestionTitle')}</strong>
          <p>
            {t('timeline.suggestionBody', {
              months: data.suggestion.windowMonths,
              since: slashDate(data.suggestion.since),
              count: data.suggestion.count,
              from: stageLabel(data.suggestion.from),
              to: stageLabel(data.suggestion.to),
            })}
          </p>
          <p className="timeline-rule">{data.suggestion.rule}</p>
          <div className="timeline-actions">
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => answer('timeline.acceptSuggestion', data.suggestion!.to)}
            >
              {t('timeline.accept', { to: stageLabel(data.suggestion.to) })}
            </button>
            <button
              type="button"
              className="button-link"
              disabled={busy}
              onClick={() => answer('timeline.ignoreSuggestion', data.suggestion!.to)}
            >
              {t('timeline.ignore')}
            </button>
          </div>
        </div>
      )}
      {notice && !data.suggestion && <p className="timeline-notice">{notice}</p>}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}

      <FiscalYearTable timeline={data} />

      {data.entries.length === 0 ? (
        <p className="timeline-empty">{t('timeline.empty')}</p>
      ) : (
        <ol className="timeline-list">
          {data.entries.map((entry) => (
            <li
              key={`${entry.kind}-${entry.id}`}
              className={`timeline-entry timeline-${entry.kind}`}
              data-testid={`timeline-${entry.kind}`}
            >
              <time dateTime={entry.date}>{slashDate(entry.date)}</time>
              <span className="timeline-kind">{t(`timeline.kind.${entry.kind}`)}</span>
              <span className="timeline-text">
                <EntryText entry={entry} stageLabel={stageLabel} />
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

function FiscalYearTable({ timeline }: { timeline: Timeline }) {
  const { t } = useTranslation()
  if (timeline.fiscalYears.length === 0) return <p className="timeline-empty">{t('timeline.noInvolvements')}</p>
  return (
    <table className="timeline-years" aria-label={t('timeline.byFiscalYear')}>
      <thead>
        <tr>
          <th scope="col">{t('timeline.fiscalYear')}</th>
          <th scope="col">{t('timeline.involvements')}</th>
          <th scope="col">{t('timeline.onsite')}</th>
          <th scope="col">{t('timeline.online')}</th>
          <th scope="col">{t('timeline.nights')}</th>
          <th scope="col">{t('timeline.programs')}</th>
        </tr>
      </thead>
      <tbody>
        {timeline.fiscalYears.map((y) => (
          <tr key={y.fiscalYear} data-testid={`timeline-fy-${y.fiscalYear}`}>
            <th scope="row">{formatFiscalYear(y.fiscalYear)}</th>
            <td>{y.involvements}</td>
            <td>{y.onsite}</td>
            <td>{y.online}</td>
            <td>{y.nights}</td>
            <td>{y.programs}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function EntryText({ entry, stageLabel }: { entry: TimelineEntry; stageLabel: (code: StageCode) => string }) {
  const { t } = useTranslation()
  if (entry.kind === 'stage') {
    return (
      <>
        {t('timeline.stageLine', { stage: stageLabel(entry.stage) })}
        {entry.note && <span className="timeline-muted">（{entry.note}）</span>}
      </>
    )
  }
  if (entry.kind === 'enrollment') {
    return (
      <>
        <span className={`timeline-status status-${entry.status}`}>{t(`vocab.enrollmentStatus.${entry.status}`)}</span>{' '}
        {entry.programName}
        {entry.role !== 'learner' && (
          <span className="timeline-muted">
            {' '}
            {t('timeline.role', { role: t(`involvementVocab.enrollmentRole.${entry.role}`) })}
          </span>
        )}
      </>
    )
  }
  const place = entry.municipalityCode ? municipalityLabel(entry.municipalityCode) : ''
  return (
    <>
      <span className={`timeline-mode mode-${entry.mode}`}>{t(`vocab.visitMode.${entry.mode}`)}</span>{' '}
      {entry.programName ?? entry.purpose ?? t('timeline.standalone')}
      {entry.nights > 0 && <span className="timeline-muted"> {t('timeline.nightsValue', { count: entry.nights })}</span>}
      {place && <span className="timeline-muted"> {place}</span>}
    </>
  )
}
