import { useCallback, useEffect, useState } from 'react'
import type { UndoStatus } from '../../../../shared/contract/participantRecords'
import { api } from '../../api/client'
import { useBackendEvent } from '../../api/hooks'

/**
 * The undo button and Ctrl+Z (⌘Z): what the next undo takes back comes from the backend's
 * undo log, so it is still there after a page reload. Ctrl+Z inside a text field keeps its
 * usual meaning (undo typing).
 */
export function useUndo(onUndone: (status: UndoStatus) => void, onError: (error: unknown) => void) {
  const [next, setNext] = useState<UndoStatus | null>(null)
  const refresh = useCallback(() => {
    api.call('undo.peek', {}).then(setNext, () => setNext(null))
  }, [])
  useEffect(refresh, [refresh])
  // Visit records are undoable too (訪問・参加記録), so their changes move the next step as well.
  useBackendEvent('data.changed', ({ entity }) => {
    if (entity === 'contact' || entity === 'visit') refresh()
  })

  const undo = useCallback(async () => {
    try {
      const done = await api.call('undo.last', {})
      if (done) onUndone(done)
    } catch (error) {
      onError(error)
    } finally {
      refresh()
    }
  }, [onUndone, onError, refresh])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.key.toLowerCase() !== 'z') return
      const target = e.target as HTMLElement | null
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return
      if (document.querySelector('dialog[open]')) return
      e.preventDefault()
      void undo()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [undo])

  return { next, undo }
}
