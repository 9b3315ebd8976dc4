import { useTranslation } from 'react-i18next'
import type { ImportBatch } from '../../../../shared/contract/imports'

const countOf = (b: ImportBatch, k: string) => b.counts[k] ?? 0

/** A visits/programs batch's counts in the past-imports table (people-only batches keep their own text). */
export function BatchKindCounts({ batch }: { batch: ImportBatch }) {
  const { t } = useTranslation()
  return batch.kind === 'visits' ? (
    <>{t('import.kind.batch.visits', { visits: countOf(batch, 'visitsCreated'), created: countOf(batch, 'created') })}</>
  ) : (
    <>
      {t('import.kind.batch.programs', {
        programs: countOf(batch, 'programsCreated'),
        sessions: countOf(batch, 'sessionsCreated'),
      })}
    </>
  )
}

/** What undoing a visits/programs batch deletes besides people, for the confirm dialog. */
export function BatchKindEffects({ batch }: { batch: ImportBatch }) {
  const { t } = useTranslation()
  if (batch.kind === 'visits' && countOf(batch, 'visitsCreated') > 0)
    return <li>{t('import.kind.batch.confirmVisits', { count: countOf(batch, 'visitsCreated') })}</li>
  if (batch.kind === 'programs' && countOf(batch, 'programsCreated') + countOf(batch, 'sessionsCreated') > 0)
    return (
      <li>
        {t('import.kind.batch.confirmPrograms', {
          programs: countOf(batch, 'programsCreated'),
          sessions: countOf(batch, 'sessionsCreated'),
        })}
      </li>
    )
  return null
}
