import type { FilterChangedEvent, GetRowIdParams, GridApi } from 'ag-grid-community'
import type { AgGridReact } from 'ag-grid-react'
import { useCallback, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Contact } from '../../../../shared/contract/contacts'
import type { ArgsOf } from '../../../../shared/contract/methods'
import { api } from '../../api/client'
import { useApiQuery, useBackendEvent } from '../../api/hooks'
import { ErrorAlert } from '../../app/ErrorAlert'
import type { AlertMessage } from '../../app/ErrorAlert'
import { PageHeader } from '../../app/PageHeader'
import { AppGrid } from '../../grid/AppGrid'
import { editErrorMessage } from '../../grid/cellEditing'
import { listDatasource } from '../../grid/listDatasource'
import { columnLabel, participantColumns } from './participantColumns'
import { SearchBox } from './SearchBox'
import { useContactCellSave } from './useContactCellSave'
import type { SaveFailure } from './useContactCellSave'
import { useDebounced } from './useDebounced'
import './participants.css'

const getRowId = (p: GetRowIdParams<Contact>) => p.data.id

export function ParticipantsPage() {
  const { t } = useTranslation()
  const gridRef = useRef<AgGridReact<Contact>>(null)
  const [searchText, setSearchText] = useState('')
  const search = useDebounced(searchText.trim(), 250)
  const [total, setTotal] = useState<number | null>(null)
  const [filtered, setFiltered] = useState(false)
  const [alert, setAlert] = useState<AlertMessage | null>(null)
  const stages = useApiQuery('stages.list', {}, ['setting'])

  const showFailure = useCallback(
    ({ colId, message }: SaveFailure) =>
      setAlert({
        id: Date.now(),
        title: t('participants.saveFailedTitle'),
        message: t('participants.saveFailedField', { field: columnLabel(t, colId), message }),
        hint: t('participants.valueKept'),
      }),
    [t],
  )
  const closeAlert = useCallback(() => setAlert(null), [])
  const { onCellEditRequest, recentlySaved } = useContactCellSave(showFailure)

  const datasource = useMemo(
    () =>
      listDatasource<Contact>(
        (query) => api.call('contacts.list', { ...(query as ArgsOf<'contacts.list'>), search }),
        ({ total }) => setTotal(total),
        (error) => setAlert({ id: Date.now(), title: t('common.loadFailed'), message: editErrorMessage(error) }),
      ),
    [search, t],
  )
  const columnDefs = useMemo(() => participantColumns({ t, stages: stages.data ?? [] }), [t, stages.data])

  // Someone else (another window, an import) changed people: reload what is on screen.
  useBackendEvent('data.changed', ({ entity, ids }) => {
    if (entity !== 'contact') return
    if (ids && ids.every((id) => recentlySaved.current.has(id))) return
    gridRef.current?.api?.refreshInfiniteCache()
  })

  const onFilterChanged = useCallback((e: FilterChangedEvent<Contact>) => setFiltered(e.api.isAnyFilterPresent()), [])
  const clearFilters = () => {
    const grid: GridApi<Contact> | undefined = gridRef.current?.api
    grid?.setFilterModel(null)
    setSearchText('')
  }
  const narrowed = filtered || search !== ''

  return (
    <section className="page page-participants" aria-labelledby="participants-title">
      <PageHeader id="participants-title" title={t('participants.title')} description={t('participants.description')} />
      <div className="toolbar">
        <SearchBox value={searchText} onChange={setSearchText} />
        <div className="toolbar-spacer" />
        {narrowed && (
          <button type="button" className="button-link" onClick={clearFilters}>
            {t('participants.clearFilters')}
          </button>
        )}
        <output className="row-count" data-testid="participants-count" aria-live="polite">
          {total === null ? '' : t(narrowed ? 'participants.countFiltered' : 'participants.count', { count: total })}
        </output>
      </div>
      <div className="grid-frame">
        <AppGrid<Contact>
          gridRef={gridRef}
          columnDefs={columnDefs}
          defaultColDef={{ sortable: true, resizable: true, suppressHeaderMenuButton: false }}
          rowModelType="infinite"
          datasource={datasource}
          cacheBlockSize={100}
          maxBlocksInCache={20}
          infiniteInitialRowCount={100}
          getRowId={getRowId}
          suppressNoRowsOverlay // our own empty state below says why
          readOnlyEdit
          onCellEditRequest={onCellEditRequest}
          onFilterChanged={onFilterChanged}
          singleClickEdit={false}
          stopEditingWhenCellsLoseFocus
          // ~20 columns: render them all, so scrolling sideways never shows blank cells.
          suppressColumnVirtualisation
        />
        {total === 0 && (
          <div className="grid-empty" data-testid="participants-empty">
            {t(narrowed ? 'participants.emptyFiltered' : 'participants.emptyAll')}
          </div>
        )}
        <div className="grid-alerts">
          <ErrorAlert alert={alert} onClose={closeAlert} testId="participants-error" />
        </div>
      </div>
    </section>
  )
}
