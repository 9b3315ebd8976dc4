import { useCallback, useEffect, useState } from 'react'
import { ApiError } from '../../../../shared/contract/errors'
import type { ImportPreview } from '../../../../shared/contract/imports'
import { api } from '../../api/client'
import type { ImportSource, ReadOptions } from './importState'

export interface PreviewState {
  preview: ImportPreview | null
  error: ApiError | null
  loading: boolean
}

/** The preview as read, plus `fixed`: a row fixed in place (import.fixRow) changes its counts. */
export interface PreviewHandle extends PreviewState {
  /** How many rows were fixed so far: row pages reload when it changes. */
  revision: number
  fixed(counts: ImportPreview['counts']): void
  /** Reads the same source again with the same options (a preview that went stale). */
  reread(): void
}

/**
 * Reads the source through `import.preview` whenever it or the reading options change. Only the
 * answer to the latest request is kept, so a slow earlier answer never overwrites a newer one.
 */
export function usePreview(source: ImportSource | null, options: ReadOptions): PreviewHandle {
  const [state, setState] = useState<PreviewState>({ preview: null, error: null, loading: false })
  const [revision, setRevision] = useState(0)
  // Bumped to read the same file again (a preview that went stale before its commit).
  const [reads, setReads] = useState(0)
  const key = JSON.stringify(options)
  useEffect(() => {
    if (!source) {
      setState({ preview: null, error: null, loading: false })
      return
    }
    let current = true
    setState((s) => ({ ...s, error: null, loading: true }))
    const { encoding, sheet, headerRow, mapping, kind } = JSON.parse(key) as ReadOptions
    // A dialog-chosen file crosses as its id alone: the backend reads it from disk.
    const wire = 'fileId' in source ? { fileId: source.fileId } : source
    api.call('import.preview', { source: wire, encoding, sheet, headerRow, mapping, kind }).then(
      (preview) => current && setState({ preview, error: null, loading: false }),
      (error: unknown) =>
        current &&
        setState({
          preview: null,
          error: error instanceof ApiError ? error : ApiError.from('INTERNAL'),
          loading: false,
        }),
    )
    return () => {
      current = false
    }
  }, [source, key, reads])
  const fixed = useCallback((counts: ImportPreview['counts']) => {
    setState((s) => (s.preview ? { ...s, preview: { ...s.preview, counts } } : s))
    setRevision((r) => r + 1)
  }, [])
  const reread = useCallback(() => setReads((r) => r + 1), [])
  return { ...state, revision, fixed, reread }
}
