import type { AgGridReact } from 'ag-grid-react'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ArgsOf } from '../../../../shared/contract/methods'
import type { VisitRow } from '../../../../shared/contract/records'
import { formatFiscalYear } from '../../../../shared/domain/dates'
import type { VisitMode } from '../../../../shared/domain/vocabulary'
import { api } from '../../api/client'
import { useApiQuery, useBackendEvent } from '../../api/hooks'
import { PageHeader } from '../../app/PageHeader'
import { hrefOf } from '../../app/routes'
import { AppGrid } from '../../grid/AppGrid'
import { listDatasource } from '../../grid/listDatasource'
import { MunicipalityInput } from '../programs/MunicipalityInput'
import '../programs/programs.css'
import { visitColumns } from './visitColumns'
import { VisitForm } from './VisitForm'

type Filters = { fiscalYear: string; from: string; to: string; programId: string; mode: string; municipality: string[] }
const noFilters: Filters = { fiscalYear: '', from: '', to: '', programId: '', mode: '', municipality: [] }

/** All visit records, filtered by period, program, municipality and mode; plus standalone entry. */
export function VisitsPage() {
  const { t } = useTranslation()
  const [total, setTotal] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [filters, setFilters] = useState<Filters>(noFilters)
  const [entering, setEntering] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const gridRef = useRef<AgGridReact<VisitRow>>(null)
  const newButton = useRef<HTMLButtonElement>(null)
  const columnDefs = useMemo(() => visitColumns(t), [t])
  const programs = useApiQuery('programs.list', {}, ['program'])
  const years = useApiQuery('programs.fiscalYears', {}, ['program'])
  useBackendEvent('data.changed', ({ entity }) => {
    if (entity === 'visit' || entity === 'contact' || entity === 'program') gridRef.current?.api?.refreshInfiniteCache()
  })
  const extra = useMemo(() => {
    const args: Partial<ArgsOf<'visits.list'>> = {}
    if (filters.fiscalYear) args.fiscalYear = Number(filters.fiscalYear)
    if (filters.from) args.from = filters.from
    if (filters.to) args.to = filters.to
    if (filters.programId === 'standalone') args.standaloneOnly = true
    else if (filters.programId) args.programId = filters.programId
    if (filters.mode) args.mode = filters.mode as VisitMode
    if (filters.municipality.length > 0) args.municipalityCodes = filters.municipality
    return args
  }, [filters])
  const datasource = useMemo(
    () =>
      listDatasource<VisitRow>(
        (query) => api.call('visits.list', { ...(query as ArgsOf<'visits.list'>), ...extra }),
        ({ total }) => {
          setTotal(total)
          setError(null)
        },
        (e) => setError(e instanceof Error ? e.message : String(e)),
      ),
    [extra],
  )
  useEffect(() => {
    gridRef.current?.api?.setGridOption('datasource', datasource)
  }, [datasource])
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }))
  const yearOptions = years.data ?? []

  return (
    <section className="page page-visits" aria-labelledby="visits-title">
      <PageHeader id="visits-title" title={t('visits.title')} description={t('visits.description')}>
        <button type="button" className="button" ref={newButton} onClick={() => setEntering(true)} data-testid="visit-new">
          {t('visitEntry.add')}
        </button>
      </PageHeader>
      {entering && (
        <VisitForm
          onDone={(message) => {
            setEntering(false)
            setNotice(message)
            // The form is gone with the focused field in it: back to the button that opened it.
            newButton.current?.focus()
          }}
        />
      )}
      {notice && <p className="field-status">{notice}</p>}
      <div className="toolbar visits-toolbar">
        <select
          value={filters.fiscalYear}
          onChange={(e) => set({ fiscalYear: e.target.value })}
          aria-label={t('visitEntry.allYears')}
          data-testid="visits-filter-year"
        >
          <option value="">{t('visitEntry.allYears')}</option>
          {yearOptions.map((y) => (
            <option key={y} value={y}>
              {formatFiscalYear(y)}
            </option>
          ))}
        </select>
        <label className="inline-field">
          {t('visitEntry.from')}
          <input type="date" value={filters.from} onChange={(e) => set({ from: e.target.value })} />
        </label>
        <label className="inline-field">
          {t('visitEntry.to')}
          <input type="date" value={filters.to} onChange={(e) => set({ to: e.target.value })} />
        </label>
        <select
          value={filters.programId}
          onChange={(e) => set({ programId: e.target.value })}
          aria-label={t('visitEntry.allPrograms')}
          data-testid="visits-filter-program"
        >
          <option value="">{t('visitEntry.allPrograms')}</option>
          <option value="standalone">{t('visitEntry.standalone')}</option>
          {programs.data?.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <select
          value={filters.mode}
          onChange={(e) => set({ mode: e.target.value })}
          aria-label={t('visitEntry.allModes')}
          data-testid="visits-filter-mode"
        >
          <option value="">{t('visitEntry.allModes')}</option>
          <option value="onsite">{t('vocab.visitMode.onsite')}</option>
          <option value="online">{t('vocab.visitMode.online')}</option>
        </select>
        <div className="visits-municipality">
          <MunicipalityInput
            value={filters.municipality}
            onChange={(codes) => set({ municipality: codes })}
            label={t('visitEntry.municipalityFilter')}
          />
        </div>
        <button type="button" className="button-link" onClick={() => setFilters(noFilters)}>
          {t('visitEntry.clear')}
        </button>
        <div className="toolbar-spacer" />
        <output className="row-count" data-testid="visits-count">
          {total === null ? '' : t('visits.count', { count: total })}
        </output>
      </div>
      {error && (
        <div className="load-error" role="alert">
          {t('common.loadFailed')}：{error}
        </div>
      )}
      <div className="grid-frame">
        <AppGrid<VisitRow>
          gridRef={gridRef}
          columnDefs={columnDefs}
          defaultColDef={{ sortable: true, resizable: true }}
          rowModelType="infinite"
          datasource={datasource}
          cacheBlockSize={50}
          suppressNoRowsOverlay // our own empty state below says why
          pagination
          paginationPageSize={50}
          paginationPageSizeSelector={false}
          getRowId={(p) => p.data.id}
        />
        {total === 0 && (
          <div className="grid-empty" data-testid="visits-empty">
            {filters !== noFilters ? (
              t('visits.emptyFiltered')
            ) : (
              <>
                <p>{t('visits.empty')}</p>
                <p className="grid-empty-hint">{t('visits.emptyHint')}</p>
                {!entering && (
                  <p className="grid-empty-actions">
                    <button type="button" className="button" onClick={() => setEntering(true)}>
                      {t('visitEntry.add')}
                    </button>
                    <a className="button-secondary" href={hrefOf('programs')}>
                      {t('visits.emptyPrograms')}
                    </a>
                  </p>
                )}
              </>
            )}
          </div>
        )}
      </div>
    </section>
  )
}
