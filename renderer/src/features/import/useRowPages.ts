import { useEffect, useState } from 'react'
import type { ImportPreviewRow } from '../../../../shared/contract/imports'
import { api } from '../../api/client'
import type { RowFilter } from './importState'

export const PAGE_SIZE = 100

/** One page of preview rows under a filter, from `import.previewRows`; `revision` counts row fixes (import.fixRow), each of which reloads the page. */
export function useRowPage(previewId: string, filter: RowFilter, offset: number, revision = 0) {
  const [page, setPage] = useState<{ key: string; rows: ImportPreviewRow[]; total: number } | null>(null)
  const [failed, setFailed] = useState<string | null>(null)
  const key = `${previewId}|${filter}|${offset}|${revision}`
  useEffect(() => {
    let current = true
    setFailed(null)
    api.call('import.previewRows', { previewId, filter, offset, limit: PAGE_SIZE }).then(
      (result) => current && setPage({ key, ...result }),
      (error: Error) => current && setFailed(error.message),
    )
    return () => {
      current = false
    }
  }, [previewId, filter, offset, key])
  return { page: page?.key === key ? page : null, stale: page, failed }
}

/**
 * Every row with a duplicate candidate (they are few: the rest of the file needs no choice), so
 * the commit button can state exact counts and per-row choices never get lost between pages.
 */
export function useDuplicateRows(previewId: string, total: number, revision = 0): ImportPreviewRow[] {
  const [rows, setRows] = useState<{ id: string; rows: ImportPreviewRow[] }>({ id: '', rows: [] })
  useEffect(() => {
    let current = true
    if (total === 0) return setRows({ id: previewId, rows: [] })
    void (async () => {
      const all: ImportPreviewRow[] = []
      while (all.length < total) {
        const page = await api.call('import.previewRows', { previewId, filter: 'duplicates', offset: all.length, limit: 1000 })
        if (page.rows.length === 0) break
        all.push(...page.rows)
      }
      if (current) setRows({ id: previewId, rows: all })
    })().catch(() => undefined) // the review table shows the same failure with a message
    return () => {
      current = false
    }
  }, [previewId, total, revision])
  return rows.id === previewId ? rows.rows : []
}
