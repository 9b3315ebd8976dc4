import { useTranslation } from 'react-i18next'
import type { DuplicateAction } from './importState'

const actions: DuplicateAction[] = ['new', 'merge', 'skip']

/** One row's duplicate choice; "follow the bulk choice" is the empty value. */
export function DecisionSelect({
  label,
  value,
  bulk,
  testId,
  onChange,
}: {
  label: string
  value: DuplicateAction | null
  bulk: DuplicateAction
  testId: string
  onChange: (action: DuplicateAction | null) => void
}) {
  const { t } = useTranslation()
  return (
    <select
      className="import-select"
      aria-label={label}
      data-testid={testId}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value === '' ? null : (e.target.value as DuplicateAction))}
    >
      <option value="">
        {t('import.duplicate.useBulk')}：{t(`import.duplicate.${bulk}`)}
      </option>
      {actions.map((a) => (
        <option key={a} value={a}>
          {t(`import.duplicate.${a}`)}
        </option>
      ))}
    </select>
  )
}
