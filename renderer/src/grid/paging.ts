import type { GridApi } from 'ag-grid-community'

/** Where a paged grid stands: the page shown (0-based), how many there are, and its rows' span (1-based). */
export interface Paging {
  page: number
  pages: number
  first: number
  last: number
  rows: number
  /** False until the server has said how many rows there are (the first block is still loading). */
  known: boolean
}

export const noPaging: Paging = { page: 0, pages: 0, first: 0, last: 0, rows: 0, known: false }

export function pagingOf<T>(api: GridApi<T>): Paging {
  const rows = api.paginationGetRowCount()
  const size = api.paginationGetPageSize()
  const page = api.paginationGetCurrentPage()
  const known = api.isLastRowIndexKnown() === true
  return {
    page,
    pages: api.paginationGetTotalPages(),
    rows,
    first: rows === 0 ? 0 : page * size + 1,
    last: Math.min((page + 1) * size, rows),
    known,
  }
}

/**
 * The page a typed page number asks for (0-based), or null when it is not a page: blank, not a
 * whole number, or outside 1…pages. Full-width digits (「１２」 from a Japanese IME) are read too.
 */
export function pageAsked(typed: string, pages: number): number | null {
  const digits = typed.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
  if (!/^\d+$/.test(digits)) return null
  const n = Number(digits)
  return n >= 1 && n <= pages ? n - 1 : null
}
