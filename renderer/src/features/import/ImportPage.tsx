import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportCommitResult } from '../../../../shared/contract/imports'
import { ApiError } from '../../../../shared/contract/errors'
import { api } from '../../api/client'
import { PageHeader } from '../../app/PageHeader'
import { BatchList } from './BatchList'
import { CommitPanel } from './CommitPanel'
import { planCommit } from './commitSummary'
import type { DuplicateAction, ImportSource, ReadOptions } from './importState'
import { MappingTable } from './MappingTable'
import { ReviewStep } from './ReviewStep'
import { SourceDetails } from './SourceDetails'
import { SourcePicker } from './SourcePicker'
import { StepPanel } from './StepPanel'
import { useDuplicateRows } from './useRowPages'
import { usePreview } from './usePreview'
import { useRowWork } from './useRowWork'
import { CarryNotice } from './CarryNotice'
import './import.css'
import type { ImportKind } from '../../../../shared/domain/import/kinds'
import { KindChoice } from './KindChoice'
import { KindCommitPanel } from './KindCommitPanel'
import './kinds.css'

/** Why the backend refuses a preview that went stale (previewStore). */
const staleReasons = ['stale preview', 'people changed']

/**
 * The import wizard: choose a file, map its columns, review rows and duplicates, commit. Every
 * step before the last only reads (import.preview); nothing is written until "import".
 */
/** Whether the file is read otherwise than at first (see the failed-reading block). */
const isChanged = (options: ReadOptions) =>
  options.encoding !== 'auto' || options.sheet !== undefined || options.headerRow !== undefined || options.mapping !== undefined

export function ImportPage() {
  const { t } = useTranslation()
  const [source, setSource] = useState<ImportSource | null>(null)
  const [options, setOptions] = useState<ReadOptions>({ encoding: 'auto' })
  // What the file holds; its mapping and header row belong to that kind, so a change drops them.
  const [kind, setKind] = useState<ImportKind>('contacts')
  const chooseKind = (next: ImportKind) => {
    setKind(next)
    setOptions((o) => ({ encoding: o.encoding, sheet: o.sheet }))
  }
  const { preview, error, loading, revision, fixed, reread } = usePreview(source, { ...options, kind })
  // Row choices and fixes: kept on a new reading of the same file where the row is unchanged.
  const work = useRowWork(source, preview, fixed)
  const { decisions } = work
  const [bulk, setBulk] = useState<DuplicateAction>('merge')
  const [committing, setCommitting] = useState(false)
  const [commitError, setCommitError] = useState<string | null>(null)
  // The preview went stale before the commit (another import, people changed): read it again.
  const [stale, setStale] = useState(false)
  const [result, setResult] = useState<ImportCommitResult | null>(null)
  // The running commit's job id (chosen here so its progress can be followed and it can be cancelled).
  const [jobId, setJobId] = useState<string | null>(null)
  const [cancelled, setCancelled] = useState(false)
  const duplicateRows = useDuplicateRows(preview?.previewId ?? '', preview?.counts.duplicates ?? 0, revision)

  const plan = useMemo(
    () =>
      preview && duplicateRows.length >= preview.counts.duplicates ? planCommit(preview, duplicateRows, decisions, bulk) : null,
    [preview, duplicateRows, decisions, bulk],
  )

  const reset = useCallback(() => {
    setSource(null)
    setOptions({ encoding: 'auto' })
    setResult(null)
    setCommitError(null)
    setCancelled(false)
  }, [])

  function choose(next: ImportSource) {
    setResult(null)
    setCommitError(null)
    setCancelled(false)
    setOptions({ encoding: 'auto' })
    setSource(next)
  }

  async function commit() {
    if (!preview) return
    setCommitting(true)
    setCommitError(null)
    setStale(false)
    setCancelled(false)
    const job = crypto.randomUUID()
    setJobId(job)
    try {
      const done = await api.call('import.commit', {
        jobId: job,
        previewId: preview.previewId,
        onDuplicate: bulk,
        decisions: Object.fromEntries(Object.entries(decisions).map(([k, v]) => [k, v])),
      })
      setResult(done)
    } catch (e) {
      if (e instanceof ApiError && e.code === 'JOB_CANCELLED') setCancelled(true)
      else {
        setCommitError(`${t('import.commit.failed')} ${(e as Error).message}`)
        setStale(e instanceof ApiError && e.code === 'CONFLICT' && staleReasons.includes(String(e.details?.reason)))
      }
    } finally {
      setCommitting(false)
      setJobId(null)
    }
  }

  const ready = preview && !result
  // What both commit panels (contacts, and visits or programs) show of the running commit.
  const commitState = {
    busy: committing,
    jobId,
    cancelled,
    error: commitError,
    onReread: stale
      ? () => {
          setCommitError(null)
          setStale(false)
          reread()
        }
      : null,
    result,
    onCommit: () => void commit(),
    onAnother: reset,
  }
  return (
    <section className="page page-text page-import" aria-labelledby="import-title">
      <PageHeader id="import-title" title={t('import.title')} description={t('import.description')} />

      {!result && (
        <StepPanel title={t('import.steps.source')} testId="import-step-source">
          <KindChoice value={kind} onChange={chooseKind} disabled={loading} />
          {!source || (!preview && !loading) ? <SourcePicker onSource={choose} busy={loading} /> : null}
          {loading && (
            <p className="import-busy" role="status">
              <span className="spinner" aria-hidden="true" />
              {t('import.source.reading')}
            </p>
          )}
          {error && (
            <div className="import-error" role="alert" data-testid="import-error">
              <strong>{t('import.source.failedTitle', { file: source?.fileName ?? '' })}</strong>
              <p>{error.message}</p>
              {!error.message.includes('変更していません') && <p className="import-muted">{t('import.source.nothingChanged')}</p>}
              {/* A choice made on the file's details (an encoding, a sheet, a header row) can be
                  what failed; those details are gone with the preview, so the way back is here. */}
              {source && isChanged(options) && (
                <button
                  type="button"
                  className="button-secondary"
                  data-testid="import-read-again-default"
                  onClick={() =>
                    setOptions(options.encoding !== 'auto' ? { ...options, encoding: 'auto' } : { encoding: 'auto' })
                  }
                >
                  {t(options.encoding !== 'auto' ? 'import.source.backToAuto' : 'import.source.backToFirstReading')}
                </button>
              )}
            </div>
          )}
          {preview && <SourceDetails preview={preview} options={options} onChange={setOptions} onReset={reset} />}
        </StepPanel>
      )}

      {ready && (
        <>
          <StepPanel title={t('import.steps.mapping')} testId="import-step-mapping">
            <MappingTable
              preview={preview}
              onChange={(mapping) =>
                setOptions({ ...options, headerRow: preview.headerRow, sheet: preview.sheet ?? undefined, mapping })
              }
            />
          </StepPanel>
          <StepPanel title={t('import.steps.review')} testId="import-step-review">
            <CarryNotice notice={work.notice} carrying={work.carrying} />
            <ReviewStep
              preview={preview}
              revision={revision}
              onFixed={work.fixedRow}
              decisions={decisions}
              bulk={bulk}
              bestMatches={plan?.best ?? null}
              onBulk={setBulk}
              onDecision={work.decide}
            />
          </StepPanel>
        </>
      )}
      {(ready || result) && (
        <StepPanel title={t('import.steps.commit')} testId="import-step-commit">
          {preview && preview.kind !== 'contacts' ? (
            <KindCommitPanel kind={preview.kind} preview={preview} decisions={decisions} {...commitState} />
          ) : (
            <CommitPanel summary={plan?.summary ?? null} {...commitState} />
          )}
        </StepPanel>
      )}

      <BatchList />
    </section>
  )
}
