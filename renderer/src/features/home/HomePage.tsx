import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fiscalYearOf, formatFiscalYear, slashDate, todayIso } from '../../../../shared/domain/dates'
import type { SessionMode } from '../../../../shared/domain/vocabulary'
import { useApiQuery } from '../../api/hooks'
import { LoadError } from '../../app/LoadError'
import { PageHeader } from '../../app/PageHeader'
import { personHref } from '../../app/routes'
import { GettingStarted } from './GettingStarted'
import { MonthlyChart } from './MonthlyChart'
import './home.css'

/** ホーム: this fiscal year at a glance, from visit records only. */
export function HomePage() {
  const { t } = useTranslation()
  const current = fiscalYearOf(todayIso())
  const [fiscalYear, setFiscalYear] = useState(current)
  const years = useApiQuery('visits.fiscalYears', {}, ['program', 'visit'])
  const dashboard = useApiQuery('dashboard.get', { fiscalYear }, ['visit', 'contact', 'session', 'program', 'enrollment'])
  const d = dashboard.data
  const has = useApiQuery('app.hasRecords', {}, ['contact', 'program', 'visit']).data
  const yearOptions = [...new Set([current, ...(years.data ?? [])])].sort((a, b) => b - a)
  // 'オンライン・オンライン（Zoom）' said the mode twice: a place that names it is enough.
  const upcomingMeta = (mode: SessionMode, place: string | null, expected: number) => {
    const modeLabel = t(`involvementVocab.sessionMode.${mode}`)
    return [place?.includes(modeLabel) ? null : modeLabel, place, t('home.expected', { count: expected })]
      .filter(Boolean)
      .join('・')
  }

  return (
    <section className="page page-home" aria-labelledby="home-title">
      <PageHeader id="home-title" title={t('home.title')} description={t('home.description')}>
        <label className="home-year">
          <span>{t('home.fiscalYear')}</span>
          <select value={fiscalYear} onChange={(e) => setFiscalYear(Number(e.target.value))} data-testid="home-fiscal-year">
            {yearOptions.map((fy) => (
              <option key={fy} value={fy}>
                {formatFiscalYear(fy)}
              </option>
            ))}
          </select>
        </label>
      </PageHeader>
      {dashboard.error && <LoadError error={dashboard.error} onRetry={dashboard.reload} />}
      {d && (
        <div className="home-body">
          {has && <GettingStarted has={has} />}
          <p className="home-asof">{t('home.asOf', { date: slashDate(d.asOf) })}</p>
          <dl className="home-figures" data-testid="home-figures">
            <Figure id="unique-people" label={t('home.uniquePeople')} value={t('home.peopleValue', { count: d.uniquePeople })} />
            <Figure id="new-people" label={t('home.newPeople')} value={t('home.peopleValue', { count: d.newPeople })} />
            <Figure
              id="total-involvements"
              label={t('home.totalInvolvements')}
              value={t('home.peopleValue', { count: d.totalInvolvements })}
              note={t('home.breakdown', { onsite: d.onsite, online: d.online })}
            />
            <Figure id="nights" label={t('home.nights')} value={t('home.nightsValue', { count: d.nights })} />
            <Figure
              id="online-share"
              label={t('home.onlineShare')}
              value={t('home.percentValue', { value: Math.round(d.onlineShare * 1000) / 10 })}
            />
            <Figure
              id="anonymous"
              label={t('home.anonymous')}
              value={t('home.peopleValue', { count: d.anonymousHeadcount })}
              note={t('home.anonymousHint')}
            />
          </dl>
          <div className="home-columns">
            <section className="panel home-panel">
              <h2>{t('home.monthly')}</h2>
              <MonthlyChart months={d.months} />
            </section>
            <section className="panel home-panel" data-testid="home-upcoming">
              <h2>{t('home.upcoming')}</h2>
              {d.upcomingSessions.length === 0 ? (
                <p className="panel-muted">{t('home.upcomingEmpty')}</p>
              ) : (
                <ul className="home-list">
                  {d.upcomingSessions.map((s) => (
                    <li key={s.id}>
                      <span className="home-date">
                        {slashDate(s.date)} {s.time}
                      </span>
                      <span className="home-name">{s.programName}</span>
                      <span className="home-meta">{upcomingMeta(s.mode, s.place, s.expected)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
          <section className="panel home-panel" data-testid="home-follow-up">
            <h2>
              {t('home.followUp')} <span className="home-count">{t('home.followUpCount', { count: d.followUp.total })}</span>
            </h2>
            <p className="panel-description">{t('home.followUpHint')}</p>
            {d.followUp.people.length === 0 ? (
              <p className="panel-muted">{t('home.followUpEmpty')}</p>
            ) : (
              <ul className="home-follow">
                {d.followUp.people.map((p) => (
                  <li key={p.contactId}>
                    {/* Who to get back in touch with: their name opens them in 参加者. */}
                    <a className="home-name home-person" href={personHref(p.contactId)} data-testid="home-follow-person">
                      {p.name}
                    </a>
                    <span className="home-meta">{t('home.lastVisit', { date: slashDate(p.lastVisit), count: p.visits })}</span>
                  </li>
                ))}
                {d.followUp.total > d.followUp.people.length && (
                  <li className="panel-muted">
                    {t('home.followUpMore', { count: d.followUp.total - d.followUp.people.length })}
                  </li>
                )}
              </ul>
            )}
          </section>
        </div>
      )}
    </section>
  )
}

function Figure({ id, label, value, note }: { id: string; label: string; value: string; note?: string }) {
  return (
    <div className="home-figure" data-testid={`home-${id}`}>
      <dt>{label}</dt>
      <dd>
        <span className="home-value">{value}</span>
        {note && <span className="home-note">{note}</span>}
      </dd>
    </div>
  )
}
