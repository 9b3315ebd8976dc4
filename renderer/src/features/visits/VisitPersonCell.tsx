import type { CustomCellRendererProps } from 'ag-grid-react'
import { useTranslation } from 'react-i18next'
import type { VisitRow } from '../../../../shared/contract/records'

/**
 * The visit's person, shown as a link: a click (or Enter on the focused cell, see VisitsPage)
 * opens their person panel. Not a button of its own, so Tab and the arrow keys move through the
 * grid as in every other cell.
 */
export function VisitPersonCell({ data, value }: CustomCellRendererProps<VisitRow, string>) {
  const { t } = useTranslation()
  if (!data) return null
  return (
    <span className="visit-person" title={t('people.detailOpen', { name: value })} data-testid="visit-person">
      {value}
    </span>
  )
}
