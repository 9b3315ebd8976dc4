import { useTranslation } from 'react-i18next'

/**
 * `onToResults` is ↓: from the box straight to the first result, without passing the toolbar's
 * buttons (Tab also reaches the rows, after them).
 */
export function SearchBox({
  value,
  onChange,
  onToResults,
}: {
  value: string
  onChange: (value: string) => void
  onToResults?: () => void
}) {
  const { t } = useTranslation()
  return (
    <div className="search-box">
      <svg className="search-box-icon" viewBox="0 0 16 16" aria-hidden="true">
        <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M10.5 10.5 14 14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      <input
        type="search"
        data-testid="participants-search"
        aria-label={t('participants.searchLabel')}
        placeholder={t('participants.searchPlaceholder')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'ArrowDown' || !onToResults || e.nativeEvent.isComposing) return
          e.preventDefault()
          onToResults()
        }}
      />
      {value !== '' && (
        <button
          type="button"
          className="search-box-clear"
          aria-label={t('participants.clearSearch')}
          onClick={() => onChange('')}
        >
          ×
        </button>
      )}
    </div>
  )
}
