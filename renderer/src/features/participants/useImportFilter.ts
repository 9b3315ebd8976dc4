import { useCallback, useEffect, useState } from 'react'
import type { ImportBatchPeople } from '../../../../shared/contract/imports'
import { api } from '../../api/client'
import { useBackendEvent } from '../../api/hooks'
import { importBatchIdFromHash, withoutImport } from '../../app/routes'

export interface ImportFilter {
  /** The import whose people the list shows (#/participants?import=ID), or null for everyone. */
  batchId: string | null
  /** The import itself (file name, undone or not, its people); null while loading or without one. */
  batch: ImportBatchPeople | null
  /** The import is not on record (or the address is mangled): said, never shown as an empty list. */
  missing: boolean
  /** Back to everyone: a new address, so Back returns to the import's people. */
  clear: () => void
}

/**
 * The import result's link (「参加者の一覧で確認する」) opens 参加者 with only the people that
 * import brought in, followed as the address changes. Its record is read again when people or
 * visits change, so an import undone meanwhile says so instead of showing an empty list.
 */
export function useImportFilter(): ImportFilter {
  const [batchId, setBatchId] = useState(() => importBatchIdFromHash(window.location.hash))
  const [state, setState] = useState<{ batch: ImportBatchPeople | null; missing: boolean }>({ batch: null, missing: false })
  const [generation, setGeneration] = useState(0)
  useEffect(() => {
    const onHash = () => setBatchId(importBatchIdFromHash(window.location.hash))
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])
  useEffect(() => {
    if (!batchId) return setState({ batch: null, missing: false })
    // Another import's answer (or its 「見つかりません」) must not stand for this one while it loads.
    setState((s) => (s.batch?.id === batchId ? s : { batch: null, missing: false }))
    let current = true
    api.call('import.batch', { batchId }).then(
      (batch) => current && setState({ batch, missing: false }),
      () => current && setState({ batch: null, missing: true }),
    )
    return () => {
      current = false
    }
  }, [batchId, generation])
  useBackendEvent('data.changed', ({ entity }) => {
    if (batchId && (entity === 'contact' || entity === 'visit')) setGeneration((g) => g + 1)
  })
  const clear = useCallback(() => {
    window.location.hash = withoutImport(window.location.hash)
  }, [])
  const batch = state.batch?.id === batchId ? state.batch : null
  return { batchId, batch, missing: batchId !== null && state.missing, clear }
}
