import { useTranslation } from 'react-i18next'
import { useFocusOnShow } from './useFocusOnShow'
import { skipNote } from './skipNote'
import type { ImportCommitResult, ImportPreview } from '../../../../shared/contract/imports'
import { hrefOf, importPeopleHref } from '../../app/routes'
import { CommitError } from './CommitError'
import { CommitProgress } from './CommitProgress'
import type { Decisions } from './importState'

const resultKeys = {
  visits: ['visitsCreated', 'alreadyAttended', 'created', 'merged', 'skipped', 'errors'],
  programs: ['programsCreated', 'sessionsCreated', 'sessionsExisting', 'sessionsRepeated', 'skipped', 'errors'],
} as const

/**
 * Step 4 for visits and programs: says what will be recorded, the button, progress, then what
 * was written (visits, people, programs, sessions). People-only wording stays with CommitPanel.
 */
export function KindCommitPanel({
  kind,
  preview,
  decisions,
  busy,
  jobId,
  cancelled,
  error,
  onReread = null,
  result,
  onCommit,
  onAnother,
}: {
  kind: 'visits' | 'programs'
  preview: ImportPreview | null
  decisions: Decisions
  busy: boolean
  jobId: string | null
  cancelled: boolean
  error: string | null
  /** Reads the file again: set when the preview went stale. */
  onReread?: (() => void) | null
  result: ImportCommitResult | null
  onCommit: () => void
  onAnother: () => void
}) {
  const { t } = useTranslation()
  const resultHeading = useFocusOnShow<HTMLHeadingElement>(result)
  if (result) {
    const { batchId, kindCounts, ...people } = result
    const values: Record<string, number> = { ...people, ...kindCounts }
    return (
      <div className="import-result" role="status" data-testid="import-result">
        <h3 ref={resultHeading} tabIndex={-1}>
          {t('import.commit.doneTitle')}
        </h3>
        <dl className="stat-list">
          {resultKeys[kind]
            // Rows repeating a session of the same file are rare: named only when there were some.
            .filter((k) => k !== 'sessionsRepeated' || (values[k] ?? 0) > 0)
            .map((k) => (
              <div className="stat" key={k}>
                <dt>{t(`import.kind.commit.${k}`)}</dt>
                <dd data-testid={`import-result-${k}`}>{(values[k] ?? 0).toLocaleString()}</dd>
              </div>
            ))}
        </dl>
        <p className="import-result-actions">
          <a className="button" href={hrefOf(kind)} data-testid={`import-to-${kind}`}>
            {t(kind === 'visits' ? 'import.kind.commit.toVisits' : 'import.kind.commit.toPrograms')}
          </a>
          {/* The sheet's people: those it registered and those it recorded a visit for. */}
          {kind === 'visits' && (values.visitsCreated ?? 0) + result.created + result.merged > 0 && (
            <a className="button-secondary" href={importPeopleHref(batchId)} data-testid="import-to-participants">
              {t('import.commit.toParticipants')}
            </a>
          )}
          <button type="button" className="button-secondary" onClick={onAnother}>
            {t('import.commit.another')}
          </button>
        </p>
      </div>
    )
  }
  const skipped = Object.values(decisions).filter((d) => d.action === 'skip').length
  const errors = preview?.counts.errors ?? 0
  const count = Math.max(0, (preview?.counts.ok ?? 0) - skipped)
  return (
    <div className="import-commit">
      <p data-testid="import-commit-summary">
        <strong>{count === 0 ? t('import.commit.nothing') : t(`import.kind.commit.${kind}`, { count })}</strong>
        {skipNote(t, skipped, errors) && <span> {skipNote(t, skipped, errors)}</span>}
      </p>
      {count > 0 && <p className="import-muted">{t('import.commit.undoNote')}</p>}
      <div className="import-commit-actions">
        <button type="button" className="button" disabled={busy || count === 0} data-testid="import-commit" onClick={onCommit}>
          {t(kind === 'visits' ? 'import.kind.commit.buttonVisits' : 'import.kind.commit.buttonPrograms')}
        </button>
        {busy && !jobId && (
          <span className="import-busy" role="status" data-testid="import-busy">
            <span className="spinner" aria-hidden="true" />
            {t('import.commit.busy')}
          </span>
        )}
      </div>
      {busy && jobId && <CommitProgress jobId={jobId} total={preview?.counts.rows ?? 0} />}
      {cancelled && !busy && (
        <p className="import-cancelled" role="status" data-testid="import-cancelled">
          {t('import.commit.cancelled')}
        </p>
      )}
      <CommitError error={error} onReread={onReread} />
    </div>
  )
}
