import type { IDatasource, IGetRowsParams } from 'ag-grid-community'
import type { Page } from '../../../shared/contract/listQuery'

/** One block of a list method's query, as the contract's listQuery accepts it. */
export interface BlockQuery {
  offset: number
  limit: number
  sort: { colId: string; sort: 'asc' | 'desc' }[]
  filter: Record<string, unknown>
}

/**
 * An Infinite Row Model source over a paged list method: each block (startRow…endRow) becomes
 * one call with the grid's sort and filter models, which the contract takes as AG Grid
 * produces them. `onPage` hears the number of rows matching the current filters.
 */
export function listDatasource<T>(
  fetchPage: (query: BlockQuery) => Promise<Page<T>>,
  onPage: (page: Page<T>) => void,
  onError: (error: unknown) => void,
): IDatasource {
  return {
    getRows(params: IGetRowsParams) {
      const query: BlockQuery = {
        offset: params.startRow,
        limit: params.endRow - params.startRow,
        sort: params.sortModel.map(({ colId, sort }) => ({ colId, sort })),
        filter: (params.filterModel ?? {}) as Record<string, unknown>,
      }
      fetchPage(query).then(
        (page) => {
          params.successCallback(page.rows, page.total)
          onPage(page)
        },
        (error: unknown) => {
          params.failCallback()
          onError(error)
        },
      )
    },
  }
}
