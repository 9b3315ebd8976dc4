import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { municipalityLabel, searchMunicipalities } from '../../../../shared/domain/localGov'

/** Choose municipalities by typing a name or reading (kana, any width). Enter picks the first hit. */
export function MunicipalityInput({
  value,
  onChange,
  multiple = true,
  label,
  testId,
}: {
  value: string[]
  onChange: (codes: string[]) => void
  multiple?: boolean
  label: string
  testId?: string
}) {
  const { t } = useTranslation()
  const [query, setQuery] = useState('')
  const listId = useId()
  const hits = query.trim() === '' ? [] : searchMunicipalities(query, 8)
  const pick = (code: string) => {
    onChange(multiple ? [...new Set([...value, code])] : [code])
    setQuery('')
  }
  return (
    <div className="municipality-input" data-testid={testId}>
      {value.length > 0 && (
        <ul className="chips">
          {value.map((code) => (
            <li key={code} className="chip">
              {municipalityLabel(code) || code}
              <button
                type="button"
                aria-label={t('program.municipality.remove', { name: municipalityLabel(code) })}
                onClick={() => onChange(value.filter((c) => c !== code))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {(multiple || value.length === 0) && (
        <input
          type="text"
          aria-label={label}
          aria-controls={listId}
          placeholder={t('program.municipality.placeholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && hits[0]) {
              e.preventDefault()
              pick(hits[0].code)
            }
          }}
        />
      )}
      {query.trim() !== '' && (
        <ul className="suggestions" id={listId} role="listbox">
          {hits.length === 0 && <li className="panel-muted">{t('program.municipality.none')}</li>}
          {hits.map((m) => (
            <li key={m.code} role="option" aria-selected={false}>
              <button type="button" onClick={() => pick(m.code)}>
                {m.prefectureName} {m.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
