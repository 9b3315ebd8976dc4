import { SELECTION_COLUMN_ID } from 'ag-grid-community'
import type { CellPosition, FocusGridInnerElementParams, GridApi, TabToNextCellParams } from 'ag-grid-community'

/*
 * Tab in a grid, as a coordinator used to Excel and to web forms expects it. The arrow keys move
 * between cells; Tab moves between the screen's controls, so a grid is one Tab stop and Tab or
 * Shift+Tab from any cell goes on to the panel or buttons after it (or back to the toolbar before
 * it). AG Grid's own Tab walks every cell of every row: with ~25 columns and a thousand people a
 * keyboard user could never get past the grid.
 */

/**
 * While a cell is being edited, Tab saves it and edits the next editable cell, as in Excel; at
 * the grid's last cell there is none, and the edit ends with focus moving out as when not editing.
 */
export function tabOutOfCell<T>({ editing, nextCellPosition }: TabToNextCellParams<T>): CellPosition | false {
  return editing ? (nextCellPosition ?? false) : false
}

/** Tab on a column header leaves the grid too, instead of walking every header: ←/→ do that. */
export const tabOutOfHeader = () => false as const

/**
 * Coming back into a grid with Tab or Shift+Tab lands on the cell the user left (as Excel keeps
 * the active cell), not on the first header or, from below, on the very last row (row 1,497 of
 * the demo's people). Never there yet, or that row is gone: the first row (of the page shown),
 * in `firstColumn` or the first column with data (not the tick box: ← reaches it, and Space
 * ticks the row from any cell). No rows: AG Grid's own choice (the headers) stands.
 */
export function returnToCell<T>(firstColumn?: string) {
  return ({ api }: FocusGridInnerElementParams<T>): boolean => {
    const cell = cellToReturnTo(api, firstColumn)
    if (!cell) return false
    api.ensureIndexVisible(cell.rowIndex)
    api.setFocusedCell(cell.rowIndex, cell.column)
    return true
  }
}

function cellToReturnTo<T>(api: GridApi<T>, firstColumn?: string): CellPosition | null {
  const rows = rowsShown(api)
  if (!rows) return null
  const columns = api.getAllDisplayedColumns()
  const left = api.getFocusedCell()
  if (
    left &&
    left.rowPinned == null &&
    left.rowIndex >= rows.first &&
    left.rowIndex <= rows.last &&
    columns.includes(left.column)
  )
    return { rowIndex: left.rowIndex, column: left.column, rowPinned: null }
  const column =
    (firstColumn ? api.getColumn(firstColumn) : null) ??
    columns.find((c) => !c.getColId().startsWith(SELECTION_COLUMN_ID)) ??
    columns[0]
  return column ? { rowIndex: rows.first, column, rowPinned: null } : null
}

/** The indexes of the rows the user can reach without paging: all of them, or the page shown. */
function rowsShown<T>(api: GridApi<T>): { first: number; last: number } | null {
  const count = api.getDisplayedRowCount()
  if (count === 0) return null
  if (!api.getGridOption('pagination')) return { first: 0, last: count - 1 }
  const size = api.paginationGetPageSize()
  const first = api.paginationGetCurrentPage() * size
  return first < count ? { first, last: Math.min(first + size, count) - 1 } : null
}
