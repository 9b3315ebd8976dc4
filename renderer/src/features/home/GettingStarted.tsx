import { useTranslation } from 'react-i18next'
import type { RecordsPresent } from '../../../../shared/contract/records'
import { hrefOf } from '../../app/routes'
import type { Route } from '../../app/routes'

type LinkKey = 'importList' | 'addPeople' | 'createProgram' | 'recordVisit' | 'openReports'
type Step = { id: 'people' | 'programs' | 'records' | 'report'; done: boolean; links: { route: Route; key: LinkKey }[] }

/**
 * A new database shows only zeros: this says what to do first, in order, with a way to each
 * step. It goes once the first visit or attendance is recorded (the figures then mean something).
 */
export function GettingStarted({ has }: { has: RecordsPresent }) {
  const { t } = useTranslation()
  if (has.visits) return null
  const steps: Step[] = [
    {
      id: 'people',
      done: has.contacts,
      links: [
        { route: 'import', key: 'importList' },
        { route: 'participants', key: 'addPeople' },
      ],
    },
    { id: 'programs', done: has.programs, links: [{ route: 'programs', key: 'createProgram' }] },
    { id: 'records', done: false, links: [{ route: 'visits', key: 'recordVisit' }] },
    { id: 'report', done: false, links: [{ route: 'reports', key: 'openReports' }] },
  ]
  // One filled button: the first link of the first step not done yet.
  const next = steps.find((s) => !s.done)?.id
  return (
    <section className="panel home-start" aria-labelledby="home-start-title" data-testid="home-getting-started">
      <h2 id="home-start-title">{t('home.start.title')}</h2>
      <p className="panel-description">{t('home.start.description')}</p>
      <ol className="home-start-steps">
        {steps.map((step) => (
          <li key={step.id} className={step.done ? 'home-start-done' : undefined} data-testid={`home-start-${step.id}`}>
            <div>
              <strong>{t(`home.start.steps.${step.id}.title`)}</strong>
              {step.done && <span className="home-start-check">{t('home.start.done')}</span>}
              <p>{t(`home.start.steps.${step.id}.text`)}</p>
            </div>
            <div className="home-start-links">
              {step.links.map((link, i) => (
                <a
                  key={link.key}
                  className={i === 0 && step.id === next ? 'button' : 'button-secondary'}
                  href={hrefOf(link.route)}
                >
                  {t(`home.start.links.${link.key}`)}
                </a>
              ))}
            </div>
          </li>
        ))}
      </ol>
    </section>
  )
}
