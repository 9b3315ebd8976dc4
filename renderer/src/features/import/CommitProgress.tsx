import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { EventPayloads } from '../../../../shared/contract/events'
import { api } from '../../api/client'
import { useBackendEvent } from '../../api/hooks'

/**
 * While an import is being written: a progress bar fed by job.progress and a 中止 button.
 * A cancel rolls the whole import back; the page then says so (the commit call answers JOB_CANCELLED).
 */
export function CommitProgress({ jobId, total }: { jobId: string; total: number }) {
  const { t } = useTranslation()
  const [progress, setProgress] = useState<EventPayloads['job.progress'] | null>(null)
  const [cancelling, setCancelling] = useState(false)
  useBackendEvent('job.progress', (p) => {
    if (p.jobId === jobId) setProgress(p)
  })
  const done = progress?.done ?? 0
  const max = progress?.total ?? total

  async function cancel() {
    setCancelling(true)
    try {
      await api.call('job.cancel', { jobId })
    } catch {
      setCancelling(false) // the button comes back so the user can try again
    }
  }

  return (
    <div className="import-progress" data-testid="import-progress">
      <progress aria-label={t('import.commit.progressLabel')} value={progress ? done : undefined} max={max} />
      <div className="import-progress-row">
        <span role="status" data-testid="import-progress-text">
          {cancelling
            ? t('import.commit.cancelling')
            : progress
              ? t('import.commit.progress', { done, total: max })
              : t('import.commit.progressStarting')}
        </span>
        <button
          type="button"
          className="button-secondary"
          data-testid="import-cancel"
          disabled={cancelling}
          onClick={() => void cancel()}
        >
          {t('import.commit.cancel')}
        </button>
      </div>
    </div>
  )
}
