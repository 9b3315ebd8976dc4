import { useTranslation } from 'react-i18next'
import type { DuplicateAction } from './importState'
import type { ImportKind } from '../../../../shared/domain/import/kinds'

const actions: DuplicateAction[] = ['new', 'merge', 'skip']

/** One row's duplicate choice; "follow the bulk choice" is the empty value. */
export function DecisionSelect({
  label,
  value,
  bulk,
  testId,
  onChange,
  kind = 'contacts',
  otherName = false,
  noMatch = false,
}: {
  label: string
  value: DuplicateAction | null
  bulk: DuplicateAction
  testId: string
  onChange: (action: DuplicateAction | null) => void
  /** Visits: the row's person is matched either way; a row's own 'skip' leaves the row out. */
  kind?: ImportKind
  /** Its candidate only shares an e-mail or phone under another name: new unless chosen (defaultAction). */
  otherName?: boolean
  /** Every candidate is an earlier row that writes no one (an error, or skipped): new unless skipped. */
  noMatch?: boolean
}) {
  const { t } = useTranslation()
  const visits = kind === 'visits'
  return (
    <select
      className="import-select"
      aria-label={label}
      data-testid={testId}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value === '' ? null : (e.target.value as DuplicateAction))}
    >
      <option value="">
        {otherName || noMatch
          ? `${t(otherName ? 'import.duplicate.otherName' : 'import.duplicate.noMatch')}：${visits ? t('import.kind.bulkShort.new') : t('import.duplicate.new')}`
          : `${t('import.duplicate.useBulk')}：${visits ? t(`import.kind.bulkShort.${bulk}`) : t(`import.duplicate.${bulk}`)}`}
      </option>
      {actions.map((a) => (
        <option key={a} value={a}>
          {visits ? t(`import.kind.row.${a}`) : t(`import.duplicate.${a}`)}
        </option>
      ))}
    </select>
  )
}
