import { useTranslation } from 'react-i18next'
import type { DuplicateAction } from './importState'
import type { ImportKind } from '../../../../shared/domain/import/kinds'

const actions: DuplicateAction[] = ['merge', 'new', 'skip']

/** What happens to every row with a candidate that has no choice of its own (onDuplicate). */
export function BulkChoice({
  value,
  onChange,
  kind = 'contacts',
}: {
  value: DuplicateAction
  onChange: (action: DuplicateAction) => void
  /** Visits: the person is matched either way, so the choices say what happens to the visit and the person. */
  kind?: ImportKind
}) {
  const { t } = useTranslation()
  return (
    <fieldset className="import-bulk" data-testid="import-bulk">
      <legend>{t('import.duplicate.bulkLabel')}</legend>
      {actions.map((a) => (
        <label key={a}>
          <input type="radio" name="import-bulk" value={a} checked={value === a} onChange={() => onChange(a)} />
          {kind === 'visits' ? t(`import.kind.bulk.${a}`) : t(`import.duplicate.${a}`)}
        </label>
      ))}
      <span className="import-muted">{t('import.duplicate.bulkHelp')}</span>
    </fieldset>
  )
}
