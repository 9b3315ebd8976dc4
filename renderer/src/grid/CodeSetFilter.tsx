import { useGridFilter } from 'ag-grid-react'
import type { CustomFilterProps } from 'ag-grid-react'
import { useTranslation } from 'react-i18next'

/** One choice of a pick-list filter. `code: null` stands for "empty". */
export interface CodeOption {
  code: string | null
  label: string
}

/** The backend's pick-list filter model (see shared/contract/listQuery.ts). */
export interface SetFilterModel {
  filterType: 'set'
  values: (string | null)[]
}

export interface CodeSetFilterParams {
  options: CodeOption[]
}

/**
 * A pick-list filter for code columns (stage, gender, prefecture…): AG Grid's own set filter
 * is Enterprise, so this small one produces the `{ filterType: 'set' }` model our backend reads.
 * Nothing ticked means no filter.
 */
export function CodeSetFilter({
  model,
  onModelChange,
  options,
}: CustomFilterProps<unknown, unknown, SetFilterModel> & CodeSetFilterParams) {
  const { t } = useTranslation()
  // Server-side filtering: rows reaching the grid already match.
  useGridFilter({ doesFilterPass: () => true })
  const selected = new Set(model?.values ?? [])

  function toggle(code: string | null, on: boolean) {
    const next = options.map((o) => o.code).filter((c) => (c === code ? on : selected.has(c)))
    onModelChange(next.length === 0 ? null : { filterType: 'set', values: next })
  }

  return (
    <div className="code-set-filter">
      <ul>
        {options.map((option) => (
          <li key={option.code ?? ''}>
            <label>
              <input
                type="checkbox"
                checked={selected.has(option.code)}
                onChange={(e) => toggle(option.code, e.target.checked)}
              />
              <span>{option.label}</span>
            </label>
          </li>
        ))}
      </ul>
      <div className="code-set-filter-actions">
        <button type="button" className="button-link" disabled={selected.size === 0} onClick={() => onModelChange(null)}>
          {t('grid.clearFilter')}
        </button>
      </div>
    </div>
  )
}
