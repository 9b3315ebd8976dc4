import type { CustomCellEditorProps } from 'ag-grid-react'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { municipalityByCode, searchMunicipalities } from '../../../shared/domain/localGov'

/**
 * Picks a municipality by typing its name in kanji or kana ('はまだ' → 浜田市 島根県):
 * ↑↓ move, Enter chooses, Esc cancels. The value is the 6-digit local-gov code.
 */
export function MunicipalityEditor({
  value,
  onValueChange,
  stopEditing,
  eventKey,
}: CustomCellEditorProps<unknown, string | null>) {
  const { t } = useTranslation()
  const current = value ? municipalityByCode(value) : undefined
  const [query, setQuery] = useState(eventKey && eventKey.length === 1 ? eventKey : (current?.name ?? ''))
  const [active, setActive] = useState(0)
  const input = useRef<HTMLInputElement>(null)
  const matches = useMemo(() => (query.trim() === '' ? [] : searchMunicipalities(query, 30)), [query])

  useEffect(() => {
    input.current?.focus()
    if (!eventKey) input.current?.select()
  }, [eventKey])

  function choose(code: string | null) {
    onValueChange(code)
    // Let AG Grid read the new value before it stops editing.
    setTimeout(() => stopEditing(), 0)
  }

  return (
    <div className="municipality-editor" data-testid="municipality-editor">
      <input
        ref={input}
        type="text"
        aria-label={t('people.municipalitySearch')}
        placeholder={t('people.municipalitySearch')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(0)
        }}
        onKeyDown={(e) => {
          if (e.nativeEvent.isComposing) return
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, matches.length - 1))
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0))
          else if (e.key === 'Enter') {
            if (query.trim() === '') choose(null)
            else if (matches[active]) choose(matches[active].code)
          } else return
          e.preventDefault()
          e.stopPropagation()
        }}
      />
      <ul role="listbox">
        {query.trim() !== '' && matches.length === 0 && (
          <li className="municipality-editor-none">{t('people.municipalityNone')}</li>
        )}
        {matches.map((m, i) => (
          <li
            key={m.code}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseDown={(e) => {
              e.preventDefault()
              choose(m.code)
            }}
          >
            <span>{m.name}</span>
            <small>{m.prefectureName}</small>
          </li>
        ))}
      </ul>
    </div>
  )
}
