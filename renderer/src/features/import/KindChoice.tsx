import { useTranslation } from 'react-i18next'
import { importKinds } from '../../../../shared/domain/import/kinds'
import type { ImportKind } from '../../../../shared/domain/import/kinds'

/** Step 1: what the file holds — people, visits/attendance, or programs with sessions. */
export function KindChoice({
  value,
  onChange,
  disabled,
}: {
  value: ImportKind
  onChange: (kind: ImportKind) => void
  disabled?: boolean
}) {
  const { t } = useTranslation()
  return (
    <fieldset className="import-kind" data-testid="import-kind" disabled={disabled}>
      <legend>{t('import.kind.label')}</legend>
      <div className="import-kind-options">
        {importKinds.map((kind) => (
          <label key={kind} className={kind === value ? 'import-kind-option import-kind-chosen' : 'import-kind-option'}>
            <input
              type="radio"
              name="import-kind"
              value={kind}
              checked={kind === value}
              data-testid={`import-kind-${kind}`}
              onChange={() => onChange(kind)}
            />
            <span className="import-kind-name">{t(`import.kind.${kind}`)}</span>
            <span className="import-kind-hint">{t(`import.kind.${kind}Hint`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
