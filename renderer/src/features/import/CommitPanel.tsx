import { useTranslation } from 'react-i18next'
import { useFocusOnShow } from './useFocusOnShow'
import { skipNote } from './skipNote'
import type { ImportCommitResult } from '../../../../shared/contract/imports'
import { hrefOf, importPeopleHref } from '../../app/routes'
import type { CommitSummary } from './commitSummary'
import { CommitError } from './CommitError'
import { CommitProgress } from './CommitProgress'

/** Step 4: one button that says what it will do, the busy state, then what was done. */
export function CommitPanel({
  summary,
  busy,
  error,
  onReread = null,
  result,
  onCommit,
  onAnother,
  jobId = null,
  cancelled = false,
}: {
  summary: CommitSummary | null
  busy: boolean
  /** The running commit's job (progress bar and 中止); null when not committing. */
  jobId?: string | null
  /** The last commit was cancelled: nothing was written and the same preview can be imported again. */
  cancelled?: boolean
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
    return (
      <div className="import-result" role="status" data-testid="import-result">
        <h3 ref={resultHeading} tabIndex={-1}>
          {t('import.commit.doneTitle')}
        </h3>
        <dl className="stat-list">
          {(['created', 'merged', 'skipped', 'errors'] as const).map((k) => (
            <div className="stat" key={k}>
              <dt>{t(`import.commit.${k}`)}</dt>
              <dd data-testid={`import-result-${k}`}>{result[k].toLocaleString()}</dd>
            </div>
          ))}
        </dl>
        <p className="import-result-actions">
          {/* Only the people this import brought in (「取り込み…の40人」); nobody new or merged: everyone. */}
          <a
            className="button"
            href={result.created + result.merged > 0 ? importPeopleHref(result.batchId) : hrefOf('participants')}
            data-testid="import-to-participants"
          >
            {t('import.commit.toParticipants')}
          </a>
          <button type="button" className="button-secondary" onClick={onAnother}>
            {t('import.commit.another')}
          </button>
        </p>
      </div>
    )
  }
  const nothing = !summary || summary.created + summary.merged === 0
  // 「3人を新規登録します」 rather than 「3人を新規登録、0行を重複として統合します」.
  const variant = !summary || (summary.created > 0 && summary.merged > 0) ? '' : summary.created > 0 ? 'Create' : 'Merge'
  return (
    <div className="import-commit">
      {summary && (
        <p data-testid="import-commit-summary">
          <strong>{nothing ? t('import.commit.nothing') : t(`import.commit.summary${variant}`, { ...summary })}</strong>
          {skipNote(t, summary.skipped, summary.errors) && <span> {skipNote(t, summary.skipped, summary.errors)}</span>}
        </p>
      )}
      {!nothing && <p className="import-muted">{t('import.commit.undoNote')}</p>}
      <div className="import-commit-actions">
        <button type="button" className="button" disabled={busy || nothing} data-testid="import-commit" onClick={onCommit}>
          {summary && !nothing ? t(`import.commit.button${variant}`, { ...summary }) : t('import.commit.buttonNothing')}
        </button>
        {busy && !jobId && (
          <span className="import-busy" role="status" data-testid="import-busy">
            <span className="spinner" aria-hidden="true" />
            {t('import.commit.busy')}
          </span>
        )}
      </div>
      {busy && jobId && <CommitProgress jobId={jobId} total={summary ? summary.created + summary.merged : 0} />}
      {cancelled && !busy && (
        <p className="import-cancelled" role="status" data-testid="import-cancelled">
          {t('import.commit.cancelled')}
        </p>
      )}
      <CommitError error={error} onReread={onReread} />
    </div>
  )
}
