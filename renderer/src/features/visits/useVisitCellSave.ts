import type { CellEditRequestEvent } from 'ag-grid-community'
import { useCallback } from 'react'
import type { ArgsOf } from '../../../../shared/contract/methods'
import type { VisitRow } from '../../../../shared/contract/records'
import { api } from '../../api/client'
import { cellInput, editErrorMessage } from '../../grid/cellEditing'

type VisitPatch = ArgsOf<'visits.update'>['patch']

/** A typed cell as the patch visits.update expects; undefined when there is nothing to save. */
export function visitPatchOf(colId: string, value: unknown): VisitPatch | undefined {
  const text = cellInput(value)
  switch (colId) {
    case 'visitDate':
      // A visit always has a day: an emptied date cell keeps the old one.
      return text === null ? undefined : { visitDate: text }
    case 'mode':
      return text === 'onsite' || text === 'online' ? { mode: text } : undefined
    case 'municipalityCode':
      return { municipalityCode: text }
    case 'nights':
      // '' is a day trip; anything else goes as typed, and the backend says what is wrong with it.
      return { nights: text === null ? 0 : Number(text) }
    case 'purpose':
      return { purpose: text }
    case 'notes':
      return { notes: text }
    default:
      return undefined
  }
}

/**
 * Saves one edited visit cell (the grid runs with readOnlyEdit): the typed value shows at once,
 * the saved row replaces it; when refused, the row goes back and `onFailure` hears why.
 */
export function useVisitCellSave(onFailure: (message: string) => void, onSaved: () => void) {
  return useCallback(
    async (event: CellEditRequestEvent<VisitRow>) => {
      const colId = event.column.getColId()
      const before = event.data
      if (!before || cellInput(event.newValue) === cellInput(event.oldValue)) return
      const patch = visitPatchOf(colId, event.newValue)
      if (!patch) return
      event.node.setData({ ...before, ...patch })
      try {
        event.node.setData(await api.call('visits.update', { id: before.id, patch }))
        onSaved()
      } catch (error) {
        event.node.setData(before)
        event.api.flashCells({ rowNodes: [event.node], columns: [colId] })
        onFailure(editErrorMessage(error))
      }
    },
    [onFailure, onSaved],
  )
}
