import { useTranslation } from 'react-i18next'
import { Dialog } from './Dialog'

/** "Delete 3 people?" — names the count; the delete is soft and undoable. */
export function DeleteDialog({ count, onCancel, onConfirm }: { count: number; onCancel: () => void; onConfirm: () => void }) {
  const { t } = useTranslation()
  return (
    <Dialog title={t('people.deleteConfirm', { count })} onClose={onCancel} testId="delete-dialog">
      <p className="dialog-text">{t('people.deleteHint')}</p>
      <div className="dialog-actions">
        <button type="button" className="button-secondary" autoFocus onClick={onCancel}>
          {t('people.cancel')}
        </button>
        <button type="button" className="button button-danger" onClick={onConfirm}>
          {t('people.deleteSubmit', { count })}
        </button>
      </div>
    </Dialog>
  )
}
