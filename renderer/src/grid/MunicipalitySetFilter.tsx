import { useGridFilter } from 'ag-grid-react'
import type { CustomFilterProps } from 'ag-grid-react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { municipalityByCode, searchMunicipalities } from '../../../shared/domain/localGov'
import type { SetFilterModel } from './CodeSetFilter'

/**
 * The municipality pick-list: 1,747 names are too many to scroll, so the list is searched
 * by kanji or kana first; ticked municipalities stay on top. Produces the backend's set model.
 */
export function MunicipalitySetFilter({ model, onModelChange }: CustomFilterProps<unknown, unknown, SetFilterModel>) {
  const { t } = useTranslation()
  useGridFilter({ doesFilterPass: () => true })
  const [query, setQuery] = useState('')
  const selected = (model?.values ?? []).filter((v): v is string => v !== null)
  const matches = useMemo(() => (query.trim() === '' ? [] : searchMunicipalities(query, 30)), [query])
  const shown = [...selected, ...matches.map((m) => m.code).filter((c) => !selected.includes(c))]

  function toggle(code: string, on: boolean) {
    const next = on ? [...selected, code] : selected.filter((c) => c !== code)
    onModelChange(next.length === 0 ? null : { filterType: 'set', values: next })
  }

  return (
    <div className="code-set-filter municipality-filter">
      <input
        type="text"
        aria-label={t('people.municipalitySearch')}
        placeholder={t('people.municipalitySearch')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <ul>
        {shown.map((code) => {
          const m = municipalityByCode(code)
          return (
            <li key={code}>
              <label>
                <input type="checkbox" checked={selected.includes(code)} onChange={(e) => toggle(code, e.target.checked)} />
                <span>
                  {m?.name ?? code} <small>{m?.prefectureName}</small>
                </span>
              </label>
            </li>
          )
        })}
        {query.trim() !== '' && matches.length === 0 && (
          <li className="municipality-editor-none">{t('people.municipalityNone')}</li>
        )}
      </ul>
      <div className="code-set-filter-actions">
        <button type="button" className="button-link" disabled={selected.length === 0} onClick={() => onModelChange(null)}>
          {t('grid.clearFilter')}
        </button>
      </div>
    </div>
  )
}
