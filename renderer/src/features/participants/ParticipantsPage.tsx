import type {
  CellKeyDownEvent,
  ColDef,
  ColumnState,
  FilterChangedEvent,
  GetRowIdParams,
  GridApi,
  SelectionChangedEvent,
} from 'ag-grid-community'
import type { AgGridReact } from 'ag-grid-react'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ClipboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ArgsOf } from '../../../../shared/contract/methods'
import type { ContactListRow, SavedViewState } from '../../../../shared/contract/participantRecords'
import { parseTabSeparated, pasteFields } from '../../../../shared/domain/tabularPaste'
import type { PasteField } from '../../../../shared/domain/tabularPaste'
import { api } from '../../api/client'
import { useApiQuery, useBackendEvent } from '../../api/hooks'
import { ErrorAlert } from '../../app/ErrorAlert'
import type { AlertMessage } from '../../app/ErrorAlert'
import { PageHeader } from '../../app/PageHeader'
import { hrefOf } from '../../app/routes'
import { AppGrid } from '../../grid/AppGrid'
import { editErrorMessage } from '../../grid/cellEditing'
import { isImeKey, suppressImeKeys } from '../../grid/imeKeys'
import { listDatasource } from '../../grid/listDatasource'
import { AddPersonDialog } from './AddPersonDialog'
import { BulkActions } from './BulkActions'
import { DeleteDialog } from './DeleteDialog'
import { columnLabel, participantColumns, patchFieldOfColumn } from './participantColumns'
import { PastePreview } from './PastePreview'
import { PersonPanel } from './PersonPanel'
import { SaveViewDialog } from './SaveViewDialog'
import { SearchBox } from './SearchBox'
import { useContactCellSave } from './useContactCellSave'
import type { SaveFailure } from './useContactCellSave'
import { useDebounced } from './useDebounced'
import { useLinkedPerson } from './useLinkedPerson'
import { ImportFilterChip } from './ImportFilterChip'
import { useImportFilter } from './useImportFilter'
import { queryKey, useResultAnnouncement } from './useResultAnnouncement'
import { isNarrowGrid, pinnedColumns, unpinned, withWidePinning } from './narrowGrid'
import { useUndo } from './useUndo'
import { viewIdFromHash } from './viewHash'
import './participants.css'
import './participantsActions.css'

type Contact = ContactListRow
const getRowId = (p: GetRowIdParams<Contact>) => p.data.id
const rowSelection = { mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: false } as const
const selectionColumnDef = { pinned: 'left', width: 44 } as const
const unpinnedSelectionColumnDef = { pinned: null, width: 44 } as const
// Module-level, like the two above: AG Grid rebuilds every column when it is handed a new
// object, and an inline one is new at each render of this page (tens of ms each on a slow laptop).
const defaultColDef: ColDef<Contact> = {
  sortable: true,
  resizable: true,
  suppressHeaderMenuButton: false,
  suppressKeyboardEvent: suppressImeKeys,
}
type Modal =
  | { kind: 'add' }
  | { kind: 'delete' }
  | { kind: 'saveView' }
  | { kind: 'paste'; rows: string[][]; fallback: (PasteField | null)[]; targetIds: string[] }

export function ParticipantsPage() {
  const { t } = useTranslation()
  const gridRef = useRef<AgGridReact<Contact>>(null)
  const [searchText, setSearchText] = useState('')
  const search = useDebounced(searchText.trim(), 250)
  /** What the server last said: how many people, and whether that was of a search or filter. */
  const [counted, setCounted] = useState<{ total: number; narrowed: boolean } | null>(null)
  const total = counted?.total ?? null
  const [filtered, setFiltered] = useState(false)
  const [alert, setAlert] = useState<AlertMessage | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [selectedIds, setSelectedIds] = useState<string[]>([])
  const [modal, setModal] = useState<Modal | null>(null)
  const [panelId, setPanelId] = useState<string | null>(null)
  const [viewName, setViewName] = useState<string | null>(null)
  const stages = useApiQuery('stages.list', {}, ['setting'])
  const tags = useApiQuery('tags.list', {}, ['contact'])
  const views = useApiQuery('views.list', { page: 'participants' }, ['view'])
  // Opened from an import's result: only the people that import brought in.
  const importFilter = useImportFilter()
  const importBatchId = importFilter.batchId

  const showError = useCallback(
    (error: unknown) => setAlert({ id: Date.now(), title: t('people.actionFailed'), message: editErrorMessage(error) }),
    [t],
  )
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
  // A value saved after a refused one: the refusal's message no longer applies.
  const clearSaveFailure = useCallback(() => setAlert((a) => (a?.title === t('participants.saveFailedTitle') ? null : a)), [t])
  const { onCellEditRequest, recentlySaved } = useContactCellSave(showFailure, clearSaveFailure)

  useEffect(() => {
    if (!notice) return
    const timer = setTimeout(() => setNotice(null), 6000)
    return () => clearTimeout(timer)
  }, [notice])

  // A new search or filter hides rows: ticks on them must not count for export or delete, so the
  // selection starts again whenever what is shown changes (the count always matches visible ticks).
  useEffect(() => {
    gridRef.current?.api?.deselectAll()
  }, [search, importBatchId])
  const { message: resultMessage, heard } = useResultAnnouncement()
  // The search in effect now: an answer to an older one (typed over) is not announced.
  const searchNow = useRef(search)
  searchNow.current = search
  const datasource = useMemo(
    () =>
      listDatasource<Contact>(
        (query) => {
          const args = { ...(query as ArgsOf<'contacts.list'>), search }
          // The import is not a grid column: its pick-list joins the grid's own filters here.
          if (importBatchId) args.filter = { ...args.filter, importBatch: { filterType: 'set', values: [importBatchId] } }
          return api.call('contacts.list', args)
        },
        ({ total }) => {
          const grid = gridRef.current?.api
          const narrowedHere = search !== '' || importBatchId !== null || (grid?.isAnyFilterPresent() ?? false)
          // The count and its 「（絞り込み中）」 change together, when the answer comes: not the old
          // 1,497 marked as narrowed while a search is on its way.
          setCounted({ total, narrowed: narrowedHere })
          if (search !== searchNow.current || !grid) return
          heard(
            // The import joins the key only when set: the list as first opened (no import) is not news.
            queryKey(search, importBatchId ? { ...grid.getFilterModel(), importBatch: importBatchId } : grid.getFilterModel()),
            total,
            narrowedHere,
          )
        },
        (error) => setAlert({ id: Date.now(), title: t('common.loadFailed'), message: editErrorMessage(error) }),
      ),
    [search, importBatchId, t, heard],
  )
  // Where the panel's person sat in the grid, to put focus back near there once they are gone.
  const panelRow = useRef(0)
  // Too narrow for pinned columns (high zoom, a small window, the panel open): they scroll with
  // the others. The frame's own size is watched: AG Grid's first size event comes before layout.
  const gridFrame = useRef<HTMLDivElement>(null)
  const [narrowGrid, setNarrowGrid] = useState(false)
  const narrowNow = useRef(false) // for applying a saved view, which must not re-run on a resize
  useEffect(() => {
    const frame = gridFrame.current
    if (!frame) return
    const fit = () => {
      narrowNow.current = isNarrowGrid(frame.clientWidth)
      setNarrowGrid(narrowNow.current)
    }
    fit()
    const observer = new ResizeObserver(fit)
    observer.observe(frame)
    return () => observer.disconnect()
  }, [])
  // Opened from the keyboard (Enter on the row's panel button): the panel takes focus, so its
  // contents and Esc are reachable without a mouse. A click leaves focus where the user put it.
  const [panelFocus, setPanelFocus] = useState(false)
  const openPanel = useCallback((c: Contact, fromKeyboard = false) => {
    panelRow.current = gridRef.current?.api?.getRowNode(c.id)?.rowIndex ?? 0
    setPanelFocus(fromKeyboard)
    setPanelId(c.id)
  }, [])
  // A link to one person (ホーム's しばらく会っていない人, a name in 監査ログ) opens their panel with
  // focus in it: Enter on the link lands on the person, whatever the grid shows.
  const { linked, done: linkDone } = useLinkedPerson()
  useEffect(() => {
    if (!linked) return
    panelRow.current = 0
    setPanelFocus(true)
    setPanelId(linked)
  }, [linked])
  // Once the panel closes or shows someone else, the address stops naming the linked person
  // (reopening 参加者 from the sidebar later must not bring them back).
  const shownFromLink = useRef<string | null>(null)
  useEffect(() => {
    if (linked && panelId === linked) shownFromLink.current = linked
    else if (shownFromLink.current !== null) {
      if (linked === shownFromLink.current) linkDone()
      shownFromLink.current = null
    }
  }, [linked, panelId, linkDone])
  /** Keyboard focus back on the grid, on the row nearest `index` (an action took its control away). */
  const focusGridRow = useCallback((index: number, column = 'familyName') => {
    const grid = gridRef.current?.api
    if (!grid) return
    const last = grid.getDisplayedRowCount() - 1
    if (last < 0) return grid.setFocusedHeader('familyName') // no rows left: the header still takes the keys
    const row = Math.max(0, Math.min(index, last))
    grid.ensureIndexVisible(row)
    grid.setFocusedCell(row, column)
  }, [])
  // Closing the panel from inside it (× or Esc) would drop focus on <body>: put it back on the
  // row's panel button, where the user opened it, so the next row is one arrow key away.
  const closePanel = useCallback(() => {
    const focusInside = document.activeElement?.closest('.person-panel') != null
    setPanelId(null)
    if (focusInside) focusGridRow(panelRow.current, 'open')
  }, [focusGridRow])
  const onPanelGone = useCallback(
    (name: string) => {
      setPanelId(null)
      // Never shown: a link to someone not on record (deleted for good, or in the trash).
      if (name === '') setAlert({ id: Date.now(), title: t('people.linkedMissing'), message: t('people.linkedMissingMessage') })
      else setNotice(t('people.gone', { name }))
      focusGridRow(panelRow.current)
    },
    [t, focusGridRow],
  )
  // The grid is made once the stage and tag lists are in (a few ms): made before, it rebuilt
  // every column when each arrived (~100 ms each on a slow laptop, while the first rows load).
  const lookupsSettled = (stages.data ?? stages.error) !== undefined && (tags.data ?? tags.error) !== undefined
  const columnDefs = useMemo(() => {
    const defs = participantColumns({ t, stages: stages.data ?? [], tags: tags.data ?? [], onOpen: openPanel })
    return narrowGrid ? unpinned(defs) : defs
  }, [t, stages.data, tags.data, openPanel, narrowGrid])

  const refresh = useCallback(() => gridRef.current?.api?.refreshInfiniteCache(), [])
  // The undo's own data.changed may name a row this page just saved (and so skips): reload here.
  const onUndone = useCallback(
    (s: { label: string }) => {
      setNotice(t('people.undone', { label: s.label }))
      refresh()
    },
    [t, refresh],
  )
  const { next: nextUndo, undo } = useUndo(onUndone, showError)
  // Someone else (another window, an import, an undo) changed people: reload what is on screen.
  useBackendEvent('data.changed', ({ entity, ids }) => {
    if (entity !== 'contact') return
    if (ids && ids.every((id) => recentlySaved.current.has(id))) return
    refresh()
  })

  // A saved view chosen in the sidebar (#/participants?view=…), applied once the grid is up.
  const [gridReady, setGridReady] = useState(false)
  const [hashViewId, setHashViewId] = useState(() => viewIdFromHash(window.location.hash))
  useEffect(() => {
    const onHash = () => setHashViewId(viewIdFromHash(window.location.hash))
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])
  // Leaving a view (the sidebar's 参加者 link, #/participants) leaves its filters, search and name too.
  const appliedViewId = useRef<string | null>(null)
  useEffect(() => {
    const grid = gridRef.current?.api
    if (!gridReady || !grid) return
    if (hashViewId === null) {
      if (appliedViewId.current === null) return
      appliedViewId.current = null
      grid.setFilterModel(null)
      setSearchText('')
      setViewName(null)
      return
    }
    const view = views.data?.find((v) => v.id === hashViewId)
    if (!view) return
    appliedViewId.current = view.id
    grid.applyColumnState({ state: view.state.columns as unknown as ColumnState[], applyOrder: true })
    if (narrowNow.current) grid.setColumnsPinned(pinnedColumns, null)
    grid.setFilterModel(view.state.filter)
    setSearchText(view.state.search)
    setViewName(view.name)
  }, [gridReady, hashViewId, views.data])

  const viewState = useCallback((): SavedViewState => {
    const grid = gridRef.current!.api
    return {
      columns: withWidePinning(grid.getColumnState()) as SavedViewState['columns'],
      filter: grid.getFilterModel() as Record<string, unknown>,
      search: searchText.trim(),
    }
  }, [searchText])

  const onFilterChanged = useCallback((e: FilterChangedEvent<Contact>) => {
    setFiltered(e.api.isAnyFilterPresent())
    e.api.deselectAll()
  }, [])
  const onSelectionChanged = useCallback(
    (e: SelectionChangedEvent<Contact>) => setSelectedIds(e.api.getSelectedRows().map((r) => r.id)),
    [],
  )
  const clearFilters = () => {
    const grid: GridApi<Contact> | undefined = gridRef.current?.api
    grid?.setFilterModel(null)
    setSearchText('')
    setViewName(null)
    // No longer the view (its link in the sidebar applies it again when clicked), nor the import.
    if (viewIdFromHash(window.location.hash) !== null || importBatchId !== null) window.location.hash = '#/participants'
  }

  // Typing with a Japanese IME on a focused cell arrives as 'Process' (keyCode 229), which AG
  // Grid does not treat as typing: open the editor at once so the composition lands in it.
  const onCellKeyDown = useCallback(
    (e: CellKeyDownEvent<Contact>) => {
      const event = e.event as KeyboardEvent | null
      // The panel button is drawn inside a grid cell, which AG Grid focuses instead of the
      // button: Enter on that cell is the keyboard's way to open the person panel.
      if (event?.key === 'Enter' && e.column.getColId() === 'open' && e.data) return openPanel(e.data, true)
      if (!event || !isImeKey(event) || e.api.getEditingCells().length > 0) return
      if (!e.colDef.editable || e.rowIndex === null) return
      e.api.startEditingCell({ rowIndex: e.rowIndex, colKey: e.column.getColId() })
    },
    [openPanel],
  )

  async function confirmDelete() {
    setModal(null)
    const rows = (gridRef.current?.api?.getSelectedNodes() ?? []).map((n) => n.rowIndex ?? 0)
    try {
      const { deleted } = await api.call('contacts.delete', { ids: selectedIds })
      // The panel's person went to the trash with the others: this notice says so, not the panel's.
      if (panelId && selectedIds.includes(panelId)) setPanelId(null)
      gridRef.current?.api?.deselectAll()
      setNotice(t('people.deleted', { count: deleted }))
      // The delete button is now disabled: keep the keyboard on the grid, where the rows were.
      focusGridRow(rows.length > 0 ? Math.min(...rows) : 0)
    } catch (error) {
      showError(error)
    }
  }

  // Excel / Google Sheets rows pasted onto the grid (Community has no clipboard module).
  function onPaste(e: ClipboardEvent<HTMLDivElement>) {
    const target = e.target as HTMLElement
    if (target.closest('input, textarea, [contenteditable="true"]')) return
    const text = e.clipboardData.getData('text/plain')
    if (!text.includes('\t') && !text.trim().includes('\n')) return
    e.preventDefault()
    const grid = gridRef.current?.api
    const focused = grid?.getFocusedCell()
    const visible = (grid?.getAllDisplayedColumns() ?? []).map((c) => c.getColId())
    const start = focused ? Math.max(0, visible.indexOf(focused.column.getColId())) : visible.indexOf('familyName')
    const fallback = visible.slice(Math.max(0, start)).map((colId) => {
      const field = patchFieldOfColumn[colId as keyof typeof patchFieldOfColumn]
      return field && (pasteFields as readonly string[]).includes(field) ? (field as PasteField) : null
    })
    const targetIds: string[] = []
    if (grid && focused) {
      for (let i = focused.rowIndex; i < focused.rowIndex + 5000; i++) {
        const node = grid.getDisplayedRowAtIndex(i)
        if (!node?.data) break
        targetIds.push(node.data.id)
      }
    }
    setModal({ kind: 'paste', rows: parseTabSeparated(text), fallback, targetIds })
  }

  const stageLabels = useMemo(() => Object.fromEntries((stages.data ?? []).map((s) => [s.code, s.label])), [stages.data])
  const narrowed = filtered || search !== '' || importBatchId !== null
  // Only an import's people and no one there: why (undone, not on record, deleted since), not 「条件に一致…」.
  const importAlone = importBatchId !== null && !filtered && search === ''
  const emptyFilteredText = !importAlone
    ? t('participants.emptyFiltered')
    : importFilter.missing
      ? t('people.importFilter.emptyMissing')
      : importFilter.batch?.undoneAt
        ? t('people.importFilter.emptyUndone')
        : t('people.importFilter.empty')

  return (
    <section
      className={panelId ? 'page page-participants with-panel' : 'page page-participants'}
      aria-labelledby="participants-title"
    >
      <PageHeader
        id="participants-title"
        title={viewName ? `${t('participants.title')}：${viewName}` : t('participants.title')}
        description={t('participants.description')}
      />
      <div className="toolbar">
        <SearchBox value={searchText} onChange={setSearchText} onToResults={() => focusGridRow(0)} />
        <button type="button" className="button" data-testid="add-person" onClick={() => setModal({ kind: 'add' })}>
          {t('people.add')}
        </button>
        <BulkActions ids={selectedIds} onDone={setNotice} />
        <button
          type="button"
          className="button-secondary"
          data-testid="delete-selected"
          disabled={selectedIds.length === 0}
          onClick={() => setModal({ kind: 'delete' })}
        >
          {t('people.delete')}
        </button>
        <button
          type="button"
          className="button-secondary"
          data-testid="undo"
          disabled={!nextUndo}
          title={nextUndo ? t('people.undoTitle', { label: nextUndo.label }) : t('people.undoNothing')}
          onClick={() => void undo()}
        >
          {t('people.undo')}
        </button>
        <button
          type="button"
          className="button-link"
          data-testid="save-view"
          title={t('people.views.saveTitle')}
          onClick={() => setModal({ kind: 'saveView' })}
        >
          {t('people.views.save')}
        </button>
        <div className="toolbar-spacer" />
        {narrowed && (
          <button type="button" className="button-link" onClick={clearFilters}>
            {t('participants.clearFilters')}
          </button>
        )}
        {/* Not a live region: its number changes with every reload, and the settled result of a
            search or filter is said once, in words, by the region below. */}
        <output className="row-count" data-testid="participants-count" aria-live="off">
          {counted === null
            ? ''
            : t(counted.narrowed ? 'participants.countFiltered' : 'participants.count', { count: counted.total })}
        </output>
        <div className="result-announcement" role="status" aria-live="polite" data-testid="participants-result">
          {resultMessage}
        </div>
        {selectedIds.length > 0 && (
          <output className="row-count selected-count" data-testid="participants-selected">
            {t('people.selected', { count: selectedIds.length })}
          </output>
        )}
      </div>
      <ImportFilterChip filter={importFilter} />
      <div className="participants-body">
        <div className="grid-frame" onPaste={onPaste} ref={gridFrame}>
          {lookupsSettled && (
            <AppGrid<Contact>
              gridRef={gridRef}
              columnDefs={columnDefs}
              defaultColDef={defaultColDef}
              rowModelType="infinite"
              datasource={datasource}
              cacheBlockSize={100}
              // Every column is drawn (below), so each extra row is ~20 cells: 4 rows beyond the
              // window instead of AG Grid's 10 brings the first rows sooner; scrolling draws the rest.
              rowBuffer={4}
              maxBlocksInCache={20}
              infiniteInitialRowCount={1}
              getRowId={getRowId}
              rowSelection={rowSelection}
              selectionColumnDef={narrowGrid ? unpinnedSelectionColumnDef : selectionColumnDef}
              onSelectionChanged={onSelectionChanged}
              onGridReady={() => setGridReady(true)}
              suppressNoRowsOverlay // our own empty state below says why
              readOnlyEdit
              onCellEditRequest={onCellEditRequest}
              onCellKeyDown={onCellKeyDown}
              // Tab from the toolbar lands on a person's name, not on the first of ~25 column
              // headers (one ↑ away, where Enter still sorts) nor on the row's tick box.
              firstColumn="familyName"
              onFilterChanged={onFilterChanged}
              singleClickEdit={false}
              stopEditingWhenCellsLoseFocus
              // ~20 columns: render them all, so scrolling sideways never shows blank cells.
              suppressColumnVirtualisation
            />
          )}
          {total === 0 && (
            <div className="grid-empty" data-testid="participants-empty">
              {narrowed ? (
                emptyFilteredText
              ) : (
                <>
                  <p>{t('participants.emptyAll')}</p>
                  <p className="grid-empty-hint">{t('participants.emptyAllHint')}</p>
                  <p className="grid-empty-actions">
                    <button type="button" className="button" onClick={() => setModal({ kind: 'add' })}>
                      {t('participants.emptyAdd')}
                    </button>
                    <a className="button-secondary" href={hrefOf('import')}>
                      {t('participants.emptyImport')}
                    </a>
                  </p>
                </>
              )}
            </div>
          )}
          <div className="grid-alerts">
            <ErrorAlert alert={alert} onClose={closeAlert} testId="participants-error" />
            {notice && (
              <output className="notice" role="status" data-testid="participants-notice">
                {notice}
              </output>
            )}
          </div>
        </div>
        {panelId && <PersonPanel contactId={panelId} onClose={closePanel} onGone={onPanelGone} takeFocus={panelFocus} />}
      </div>
      {modal?.kind === 'add' && (
        <AddPersonDialog
          onClose={() => setModal(null)}
          onAdded={(c) => {
            setModal(null)
            setNotice(t('people.added', { name: `${c.familyName}${c.givenName}` }))
            setPanelId(c.id)
          }}
        />
      )}
      {modal?.kind === 'delete' && (
        <DeleteDialog count={selectedIds.length} onCancel={() => setModal(null)} onConfirm={() => void confirmDelete()} />
      )}
      {modal?.kind === 'saveView' && (
        <SaveViewDialog
          state={viewState}
          initialName={viewName ?? ''}
          onClose={() => setModal(null)}
          onSaved={(name) => {
            setModal(null)
            setViewName(name)
            setNotice(t('people.views.saved', { name }))
          }}
        />
      )}
      {modal?.kind === 'paste' && (
        <PastePreview
          rows={modal.rows}
          fallback={modal.fallback}
          targetIds={modal.targetIds}
          stageLabels={stageLabels}
          onClose={() => setModal(null)}
          onDone={(message) => {
            setModal(null)
            setNotice(message)
          }}
        />
      )}
    </section>
  )
}
