import { useTranslation } from 'react-i18next'
import type { DuplicateAction } from './importState'

const actions: DuplicateAction[] = ['merge', 'new', 'skip']

/** What happens to every row with a candidate that has no choice of its own (onDuplicate). */
export function BulkChoice({ value, onChange }: { value: DuplicateAction; onChange: (action: DuplicateAction) => void }) {
  const { t } = useTranslation()
  return (
    <fieldset className="import-bulk" data-testid="import-bulk">
      <legend>{t('import.duplicate.bulkLabel')}</legend>
      {actions.map((a) => (
        <label key={a}>
          <input type="radio" name="import-bulk" value={a} checked={value === a} onChange={() => onChange(a)} />
          {t(`import.duplicate.${a}`)}
        </label>
      ))}
      <span className="import-muted">{t('import.duplicate.bulkHelp')}</span>
    </fieldset>
  )
}
