import { useTranslation } from 'react-i18next'

/**
 * Why the last commit failed; for a preview that went stale (another import, or people
 * changed since it was read), a button that reads the same file again with the same settings.
 */
export function CommitError({ error, onReread }: { error: string | null; onReread: (() => void) | null }) {
  const { t } = useTranslation()
  if (!error) return null
  return (
    <div className="load-error" role="alert" data-testid="import-commit-error">
      <p>{error}</p>
      {onReread && (
        <>
          <p className="import-muted">{t('import.commit.rereadLoses')}</p>
          <button type="button" className="button-secondary" data-testid="import-reread" onClick={onReread}>
            {t('import.commit.reread')}
          </button>
        </>
      )}
    </div>
  )
}
