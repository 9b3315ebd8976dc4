import type { CellClickedEvent, CellKeyDownEvent } from 'ag-grid-community'
import type { AgGridReact } from 'ag-grid-react'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ArgsOf } from '../../../../shared/contract/methods'
import type { VisitRow } from '../../../../shared/contract/records'
import { formatFiscalYear } from '../../../../shared/domain/dates'
import type { VisitMode } from '../../../../shared/domain/vocabulary'
import { api } from '../../api/client'
import { useApiQuery, useBackendEvent } from '../../api/hooks'
import { PageHeader } from '../../app/PageHeader'
import { hrefOf } from '../../app/routes'
import { useConfirm } from '../../app/useConfirm'
import { AppGrid } from '../../grid/AppGrid'
import { editErrorMessage } from '../../grid/cellEditing'
import { GridPager } from '../../grid/GridPager'
import { isImeKey, suppressImeKeys } from '../../grid/imeKeys'
import { listDatasource } from '../../grid/listDatasource'
import { noPaging, pagingOf } from '../../grid/paging'
import { MunicipalityInput } from '../programs/MunicipalityInput'
import '../programs/programs.css'
import { visitColumns } from './visitColumns'
import { PersonPanel } from '../participants/PersonPanel'
import '../participants/participantsActions.css'
import { useUndo } from '../participants/useUndo'
import { ChangePersonDialog } from './ChangePersonDialog'
import { VisitForm } from './VisitForm'
import { useVisitCellSave } from './useVisitCellSave'

type Filters = { fiscalYear: string; from: string; to: string; programId: string; mode: string; municipality: string[] }
const noFilters: Filters = { fiscalYear: '', from: '', to: '', programId: '', mode: '', municipality: [] }
const rowSelection = { mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: false } as const
const selectionColumnDef = { pinned: 'left', width: 44 } as const
// Module-level: AG Grid rebuilds every column when handed a new object (an inline one is new at each render).
const defaultColDef = { sortable: true, resizable: true, suppressKeyboardEvent: suppressImeKeys }

// Typing with a Japanese IME on a focused cell arrives as 'Process': open the editor at once.
function startImeEdit(e: CellKeyDownEvent<VisitRow>, event: KeyboardEvent) {
  if (!isImeKey(event) || e.api.getEditingCells().length > 0 || e.rowIndex === null) return
  e.api.startEditingCell({ rowIndex: e.rowIndex, colKey: e.column.getColId() })
}

/** Where the person panel was opened from, to put keyboard focus back there when it closes. */
type PanelOrigin = { contactId: string; rowIndex: number; fromKeyboard: boolean }

// The grid takes the frame's height less the pager's (the frame is a column: grid, then pages).
const aboveThePager = { height: 'auto', flex: 1, minHeight: 0 }

/** All visit records, filtered by period, program, municipality and mode; plus standalone entry. */
export function VisitsPage() {
  const { t } = useTranslation()
  const [total, setTotal] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [filters, setFilters] = useState<Filters>(noFilters)
  const [entering, setEntering] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const [saveError, setSaveError] = useState<string | null>(null)
  const [selectedIds, setSelectedIds] = useState<string[]>([])
  const [paging, setPaging] = useState(noPaging)
  // The person of a visit, opened from its 参加者 cell: the same panel as on 参加者.
  const [panel, setPanel] = useState<PanelOrigin | null>(null)
  // The visit whose person is being changed (the wrong person was picked).
  const [changing, setChanging] = useState<VisitRow | null>(null)
  const { confirm, dialog } = useConfirm()
  const gridRef = useRef<AgGridReact<VisitRow>>(null)
  const newButton = useRef<HTMLButtonElement>(null)
  const columnDefs = useMemo(() => visitColumns(t), [t])
  const programs = useApiQuery('programs.list', {}, ['program'])
  const years = useApiQuery('visits.fiscalYears', {}, ['program', 'visit'])
  useBackendEvent('data.changed', ({ entity }) => {
    if (entity === 'visit' || entity === 'contact' || entity === 'program') gridRef.current?.api?.refreshInfiniteCache()
  })
  const showError = useCallback(
    (error: unknown) => setSaveError(t('visitEdit.saveFailed', { message: editErrorMessage(error) })),
    [t],
  )
  const onCellEditRequest = useVisitCellSave(
    useCallback((message: string) => setSaveError(t('visitEdit.saveFailed', { message })), [t]),
    useCallback(() => setSaveError(null), []),
  )
  const onUndone = useCallback(
    (s: { label: string }) => {
      setSaveError(null)
      setNotice(t('visitEdit.undone', { label: s.label }))
    },
    [t],
  )
  const { next: nextUndo, undo } = useUndo(onUndone, showError)

  const onCellClicked = useCallback((e: CellClickedEvent<VisitRow>) => {
    if (e.column.getColId() === 'contactName' && e.data && e.rowIndex !== null)
      setPanel({ contactId: e.data.contactId, rowIndex: e.rowIndex, fromKeyboard: false })
  }, [])
  const onCellKeyDown = useCallback((e: CellKeyDownEvent<VisitRow>) => {
    const event = e.event as KeyboardEvent | null
    if (!event) return
    // Enter on a person's name opens them (the cell has no editor for Enter to start).
    if (event.key === 'Enter' && e.column.getColId() === 'contactName' && e.data && e.rowIndex !== null) {
      if (event.isComposing) return
      event.preventDefault()
      setPanel({ contactId: e.data.contactId, rowIndex: e.rowIndex, fromKeyboard: true })
      return
    }
    startImeEdit(e, event)
  }, [])
  // The panel narrows the grid: keep the name it was opened from in view beside it.
  useEffect(() => {
    if (panel) requestAnimationFrame(() => gridRef.current?.api?.ensureColumnVisible('contactName'))
  }, [panel])
  // Closed from inside (× or Esc), focus would drop to <body>: back to the name it was opened from.
  const closePanel = useCallback(() => {
    const focusInside = document.activeElement?.closest('.person-panel') != null
    const origin = panel
    setPanel(null)
    if (focusInside && origin) gridRef.current?.api?.setFocusedCell(origin.rowIndex, 'contactName')
  }, [panel])
  const onPanelGone = useCallback(
    (name: string) => {
      setPanel(null)
      setNotice(t('people.gone', { name }))
    },
    [t],
  )

  async function deleteSelected() {
    const ids = selectedIds
    const yes = await confirm({
      title: t('visitEdit.deleteTitle', { count: ids.length }),
      body: t('visitEdit.deleteBody'),
      confirmLabel: t('visitEdit.deleteConfirm'),
      cancelLabel: t('visitEdit.deleteCancel'),
      testId: 'visits-delete-confirm',
    })
    if (!yes) return
    try {
      const { deleted } = await api.call('visits.delete', { ids })
      gridRef.current?.api?.deselectAll()
      setSaveError(null)
      setNotice(t('visitEdit.deleted', { count: deleted }))
    } catch (error) {
      showError(error)
    }
  }
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
      {notice && (
        <p className="field-status" role="status" data-testid="visits-notice">
          {notice}
        </p>
      )}
      {saveError && (
        <p className="field-error" role="alert" data-testid="visits-save-error">
          {saveError}
        </p>
      )}
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
      <div className="toolbar visits-actions">
        <button
          type="button"
          className="button-secondary"
          data-testid="visits-delete"
          disabled={selectedIds.length === 0}
          onClick={() => void deleteSelected()}
        >
          {t('visitEdit.delete')}
        </button>
        <button
          type="button"
          className="button-secondary"
          data-testid="visits-change-person"
          disabled={selectedIds.length !== 1}
          title={selectedIds.length === 1 ? undefined : t('visitEdit.changePersonOne')}
          onClick={() => setChanging(gridRef.current?.api?.getRowNode(selectedIds[0]!)?.data ?? null)}
        >
          {t('visitEdit.changePerson')}
        </button>
        <button
          type="button"
          className="button-secondary"
          data-testid="visits-undo"
          disabled={!nextUndo}
          title={nextUndo ? t('visitEdit.undoTitle', { label: nextUndo.label }) : t('visitEdit.undoNothing')}
          onClick={() => void undo()}
        >
          {t('visitEdit.undo')}
        </button>
        {selectedIds.length > 0 && (
          <output className="row-count" data-testid="visits-selected">
            {t('visitEdit.selected', { count: selectedIds.length })}
          </output>
        )}
        <span className="visits-edit-hint">{t('visitEdit.hint')}</span>
      </div>
      {error && (
        <div className="load-error" role="alert">
          {t('common.loadFailed')}：{error}
        </div>
      )}
      <div className="visits-body">
        <div className="grid-frame">
          <AppGrid<VisitRow>
            gridRef={gridRef}
            columnDefs={columnDefs}
            defaultColDef={defaultColDef}
            rowModelType="infinite"
            datasource={datasource}
            cacheBlockSize={50}
            suppressNoRowsOverlay // our own empty state below says why
            pagination
            paginationPageSize={50}
            suppressPaginationPanel // GridPager below: real buttons, skipped by Tab when unusable
            containerStyle={aboveThePager}
            onPaginationChanged={(e) => setPaging(pagingOf(e.api))}
            getRowId={(p) => p.data.id}
            rowSelection={rowSelection}
            selectionColumnDef={selectionColumnDef}
            onSelectionChanged={(e) => setSelectedIds(e.api.getSelectedNodes().flatMap((n) => (n.data ? [n.data.id] : [])))}
            readOnlyEdit
            onCellEditRequest={onCellEditRequest}
            onCellKeyDown={onCellKeyDown}
            onCellClicked={onCellClicked}
            singleClickEdit={false}
            stopEditingWhenCellsLoseFocus
          />
          <GridPager paging={paging} goTo={(page) => gridRef.current?.api?.paginationGoToPage(page)} testId="visits-pager" />
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
        {panel && (
          <PersonPanel contactId={panel.contactId} onClose={closePanel} onGone={onPanelGone} takeFocus={panel.fromKeyboard} />
        )}
      </div>
      {changing && (
        <ChangePersonDialog
          visit={changing}
          onClose={() => setChanging(null)}
          onChanged={(message) => {
            // The row stays selected: the button the dialog gives focus back to stays usable.
            setChanging(null)
            setSaveError(null)
            setNotice(message)
          }}
        />
      )}
      {dialog}
    </section>
  )
}
