import type { AgGridReact } from 'ag-grid-react'
import { useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ArgsOf } from '../../../../shared/contract/methods'
import type { VisitRow } from '../../../../shared/contract/records'
import { api } from '../../api/client'
import { useBackendEvent } from '../../api/hooks'
import { PageHeader } from '../../app/PageHeader'
import { AppGrid } from '../../grid/AppGrid'
import { listDatasource } from '../../grid/listDatasource'
import { visitColumns } from './visitColumns'

export function VisitsPage() {
  const { t } = useTranslation()
  const [total, setTotal] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const gridRef = useRef<AgGridReact<VisitRow>>(null)
  const columnDefs = useMemo(() => visitColumns(t), [t])
  useBackendEvent('data.changed', ({ entity }) => {
    if (entity === 'visit' || entity === 'contact' || entity === 'program') gridRef.current?.api?.refreshInfiniteCache()
  })
  const datasource = useMemo(
    () =>
      listDatasource<VisitRow>(
        (query) => api.call('visits.list', query as ArgsOf<'visits.list'>),
        ({ total }) => {
          setTotal(total)
          setError(null)
        },
        (e) => setError(e instanceof Error ? e.message : String(e)),
      ),
    [],
  )

  return (
    <section className="page" aria-labelledby="visits-title">
      <PageHeader id="visits-title" title={t('visits.title')} description={t('visits.description')} />
      <div className="toolbar">
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
        {total === 0 && <div className="grid-empty">{t('visits.empty')}</div>}
      </div>
    </section>
  )
}
