import type { CustomCellRendererProps } from 'ag-grid-react'
import type { VisitRow } from '../../../../shared/contract/records'

/**
 * A visit's メモ on one line (line breaks shown as spaces, the cell cuts it with …); the whole
 * note, with its line breaks, is the cell's hover text.
 */
export function VisitNotesCell({ value }: CustomCellRendererProps<VisitRow, string | null>) {
  if (!value) return null
  return (
    <span className="visit-notes" title={value} data-testid="visit-notes">
      {value.replace(/\s*\n\s*/g, ' ')}
    </span>
  )
}
