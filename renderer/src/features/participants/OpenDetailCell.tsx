import type { CustomCellRendererProps } from 'ag-grid-react'
import { useTranslation } from 'react-i18next'
import type { ContactListRow } from '../../../../shared/contract/participantRecords'

/** The row's button that opens the person panel. */
export function OpenDetailCell({
  data,
  onOpen,
}: CustomCellRendererProps<ContactListRow> & { onOpen: (c: ContactListRow) => void }) {
  const { t } = useTranslation()
  if (!data) return null
  return (
    <button
      type="button"
      className="open-detail"
      data-testid="open-detail"
      aria-label={t('people.detailOpen', { name: `${data.familyName}${data.givenName}` })}
      title={t('people.detail')}
      onClick={() => onOpen(data)}
    >
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <rect x="2" y="2.5" width="12" height="11" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.3" />
        <path d="M9.5 2.5v11" stroke="currentColor" strokeWidth="1.3" />
      </svg>
    </button>
  )
}
