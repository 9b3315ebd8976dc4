import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ArgsOf } from '../../../../shared/contract/methods'
import { auditActions, auditEntities } from '../../../../shared/domain/vocabulary'
import { useApiQuery } from '../../api/hooks'
import { LoadError } from '../../app/LoadError'
import { PageHeader } from '../../app/PageHeader'
import { AuditTable } from './AuditTable'
import { BatchFilterChip } from './BatchFilterChip'
import { batchLabel } from './batchLabel'
import './audit.css'

const actions = auditActions.codes
const entities = auditEntities.codes
const pageSize = 100
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** `batch` is set by clicking a batch cell; its label is kept so the chip reads like the cell. */
type Filters = {
  action: string
  entity: string
  from: string
  to: string
  entityId: string
  batch: { id: string; label: string } | null
}
const noFilters: Filters = { action: '', entity: '', from: '', to: '', entityId: '', batch: null }

/** The whole audit log, newest first, with filters. Read-only: there is nothing to edit here. */
export function AuditPage() {
  const { t } = useTranslation()
  const [filters, setFilters] = useState<Filters>(noFilters)
  const [limit, setLimit] = useState(pageSize)
  const args: ArgsOf<'audit.list'> = { limit }
  if (filters.action) args.action = filters.action as (typeof actions)[number]
  if (filters.entity) args.entity = filters.entity
  if (filters.from) args.from = filters.from
  if (filters.to) args.to = filters.to
  // 参加者ID: the person's own lines and those of their visits and enrollments.
  if (uuid.test(filters.entityId.trim())) args.personId = filters.entityId.trim()
  if (filters.batch) args.batchId = filters.batch.id
  const log = useApiQuery('audit.list', args, ['contact', 'program', 'session', 'enrollment', 'visit', 'setting'])
  // Any filter change starts again from the first page.
  const change = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }))
    setLimit(pageSize)
  }
  const set = (key: Exclude<keyof Filters, 'batch'>) => (value: string) => change({ [key]: value })

  return (
    <section className="page page-text" aria-labelledby="audit-title">
      <PageHeader id="audit-title" title={t('audit.title')} description={t('audit.description')} />
      <form className="audit-filters" role="search" onSubmit={(e) => e.preventDefault()} data-testid="audit-filters">
        <label>
          {t('audit.filterAction')}
          <select value={filters.action} onChange={(e) => set('action')(e.target.value)} data-testid="audit-filter-action">
            <option value="">{t('audit.all')}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {t(`audit.actions.${a}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.filterEntity')}
          <select value={filters.entity} onChange={(e) => set('entity')(e.target.value)}>
            <option value="">{t('audit.all')}</option>
            {entities.map((e) => (
              <option key={e} value={e}>
                {t(`audit.entities.${e}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.filterFrom')}
          <input type="date" value={filters.from} onChange={(e) => set('from')(e.target.value)} />
        </label>
        <label>
          {t('audit.filterTo')}
          <input type="date" value={filters.to} onChange={(e) => set('to')(e.target.value)} />
        </label>
        <label className="audit-filter-id">
          {t('audit.filterPerson')}
          <input
            value={filters.entityId}
            onChange={(e) => set('entityId')(e.target.value)}
            placeholder="0194…"
            spellCheck={false}
          />
        </label>
        <button type="button" className="button-link" onClick={() => change(noFilters)}>
          {t('audit.clear')}
        </button>
      </form>
      {filters.batch && <BatchFilterChip label={filters.batch.label} onClear={() => change({ batch: null })} />}
      {log.error && <LoadError error={log.error} onRetry={log.reload} />}
      {log.data && (
        <>
          <p className="row-count" data-testid="audit-count">
            {t('audit.shown', {
              shown: log.data.rows.length.toLocaleString('ja-JP'),
              total: log.data.total.toLocaleString('ja-JP'),
            })}
          </p>
          {log.data.rows.length === 0 ? (
            <p className="audit-empty" data-testid="audit-empty">
              {t(JSON.stringify(filters) === JSON.stringify(noFilters) ? 'audit.emptyLog' : 'audit.empty')}
            </p>
          ) : (
            <AuditTable
              rows={log.data.rows}
              onBatch={(entry) => change({ batch: { id: entry.batchId!, label: batchLabel(t, entry)! } })}
              onPerson={(personId) => change({ entityId: personId })}
            />
          )}
          {log.data.rows.length < log.data.total && (
            <button
              type="button"
              className="button"
              onClick={() => setLimit((l) => Math.min(1000, l + pageSize))}
              disabled={limit >= 1000}
            >
              {t('audit.more')}
            </button>
          )}
        </>
      )}
    </section>
  )
}
