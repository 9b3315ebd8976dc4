import type { ColumnState } from 'ag-grid-community'

/**
 * Pinned left on a wide grid: the tick, the panel button, 姓 and 名 (about 280px together).
 * At 200% zoom on a small laptop, or in a narrow window, the grid is not much wider than that:
 * the pinned part filled it and every other column (フリガナ, メール, 電話…) was out of reach,
 * with no room left to scroll to them. Below `narrowGridWidth` they scroll with the rest.
 */
export const pinnedColumns = ['ag-Grid-SelectionColumn', 'open', 'familyName', 'givenName']
export const narrowGridWidth = 600

export const isNarrowGrid = (width: number) => width < narrowGridWidth

/** A saved view keeps the wide layout's pinning, whatever width it was saved at. */
export function withWidePinning(state: ColumnState[]): ColumnState[] {
  return state.map((c) => (pinnedColumns.includes(c.colId) ? { ...c, pinned: 'left' } : c))
}

/**
 * The column definitions without pinning. Pinning lives in the definitions (not only set through
 * the grid's API) because AG Grid applies a definition's `pinned` again whenever the definitions
 * change, as they do when stages and tags arrive.
 */
export function unpinned<T extends { pinned?: unknown; children?: T[] }>(defs: T[]): T[] {
  return defs.map((d) => ({ ...d, pinned: null, ...(d.children ? { children: unpinned(d.children) } : {}) }))
}
