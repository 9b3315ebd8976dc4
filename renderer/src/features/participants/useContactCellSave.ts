import type { CellEditRequestEvent } from 'ag-grid-community'
import { useCallback, useRef } from 'react'
import type { ContactListRow as Contact } from '../../../../shared/contract/participantRecords'
import type { ContactColumn } from '../../../../shared/contract/methods'
import { api } from '../../api/client'
import { cellInput, editErrorMessage } from '../../grid/cellEditing'
import { patchFieldOfColumn } from './participantColumns'

export interface SaveFailure {
  colId: string
  message: string
}

/**
 * Saves one edited cell (the grid runs with readOnlyEdit, so it never changes its data by
 * itself). The typed value shows at once; the backend's normalized Contact replaces it when
 * saved. When refused, the row goes back to what it was and `onFailure` hears the field's
 * message. `recentlySaved` lets the page skip the data.changed echo of its own saves.
 */
export function useContactCellSave(onFailure: (failure: SaveFailure) => void, onSaved?: () => void) {
  const recentlySaved = useRef(new Set<string>())

  const onCellEditRequest = useCallback(
    async (event: CellEditRequestEvent<Contact>) => {
      const colId = event.column.getColId() as ContactColumn
      const field = patchFieldOfColumn[colId]
      const before = event.data
      if (!field || !before) return
      const value = cellInput(event.newValue)
      if (value === cellInput(event.oldValue)) return

      // Show the typed value while saving (not for birth: its display comes from two fields).
      if (field !== 'birth') event.node.setData({ ...before, [colId]: value })
      try {
        const saved = await api.call('contacts.update', { id: before.id, patch: { [field]: value } })
        recentlySaved.current.add(saved.id)
        setTimeout(() => recentlySaved.current.delete(saved.id), 2000)
        event.node.setData({ ...saved, tags: before.tags })
        onSaved?.()
      } catch (error) {
        event.node.setData(before)
        event.api.flashCells({ rowNodes: [event.node], columns: [colId] })
        onFailure({ colId, message: editErrorMessage(error) })
      }
    },
    [onFailure, onSaved],
  )

  return { onCellEditRequest, recentlySaved }
}
