import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Contact } from '../../../../shared/contract/contacts'
import { namesakeDetail, personDetails } from '../../../../shared/domain/personDistinction'
import { api } from '../../api/client'

/**
 * One kanji or kana is a name (林, 森, 東) and must be findable; one Latin letter or digit
 * would match almost everyone, so those wait for a second character.
 */
function searchable(query: string): boolean {
  const q = query.trim()
  return q.length >= 2 || /[^\x00-\x7f]/.test(q)
}

const fullName = (c: Contact) => `${c.familyName} ${c.givenName}`.trim()

/**
 * The chosen people as a list of names; a name shared with someone else the search has shown
 * gets what tells them apart (山田 花子（1990年生まれ・長野県松本市）).
 */
function chosenNames(selected: Map<string, string>, seen: Map<string, Contact>): string {
  const idsByName = new Map<string, Set<string>>()
  for (const [id, name] of [...[...seen.values()].map((c) => [c.id, fullName(c)] as const), ...selected]) {
    idsByName.set(name, (idsByName.get(name) ?? new Set()).add(id))
  }
  return [...selected]
    .map(([id, name]) => {
      const person = seen.get(id)
      const detail = person && (idsByName.get(name)?.size ?? 0) > 1 ? namesakeDetail(person) : ''
      return detail ? `${name}（${detail}）` : name
    })
    .join('、')
}

/**
 * Find people by name, kana (any script or width), email or phone through contacts.list, and
 * pick one or several. Used for enrollment, walk-ins and standalone visits.
 */
export function PersonSearch({
  selected,
  onToggle,
  exclude = [],
  testId,
}: {
  selected: Map<string, string>
  onToggle: (id: string, name: string) => void
  exclude?: string[]
  testId?: string
}) {
  const { t } = useTranslation()
  const [query, setQuery] = useState('')
  const [results, setResults] = useState<Contact[] | null>(null)
  // Everyone the search has shown while this picker is open: the chosen list names them apart.
  const [seen, setSeen] = useState(new Map<string, Contact>())
  useEffect(() => {
    if (results && results.length > 0) setSeen((old) => new Map([...old, ...results.map((c) => [c.id, c] as const)]))
  }, [results])
  useEffect(() => {
    if (!searchable(query)) {
      setResults(null)
      return
    }
    let current = true
    const timer = setTimeout(() => {
      api.call('contacts.list', { search: query.trim(), limit: 20 }).then(
        (page) => current && setResults(page.rows as Contact[]),
        () => current && setResults([]),
      )
    }, 200)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [query])
  const shown = (results ?? []).filter((c) => !exclude.includes(c.id))
  return (
    <div className="person-search" data-testid={testId}>
      <input
        type="search"
        aria-label={t('program.picker.search')}
        placeholder={t('program.picker.placeholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {query.trim().length > 0 && !searchable(query) && <p className="panel-muted">{t('program.picker.hint')}</p>}
      {results && shown.length === 0 && <p className="panel-muted">{t('program.picker.noResults')}</p>}
      {shown.length > 0 && (
        <ul className="person-results">
          {shown.map((c) => {
            const name = fullName(c)
            const details = personDetails(c)
            return (
              <li key={c.id}>
                <label>
                  <input type="checkbox" checked={selected.has(c.id)} onChange={() => onToggle(c.id, name)} />
                  <span className="person-name">{name}</span>
                  <span className="person-kana">{[c.familyKana, c.givenKana].filter(Boolean).join(' ')}</span>
                  <span className="person-meta" title={details}>
                    {details}
                  </span>
                </label>
              </li>
            )
          })}
        </ul>
      )}
      {selected.size > 0 && (
        <p className="person-selected" data-testid="person-selected">
          {t('program.picker.selected', { count: selected.size, names: chosenNames(selected, seen) })}
        </p>
      )}
    </div>
  )
}

/** The selection state PersonSearch works with: id → display name. */
export function usePersonSelection() {
  const [selected, setSelected] = useState(new Map<string, string>())
  const toggle = (id: string, name: string) =>
    setSelected((s) => {
      const next = new Map(s)
      if (next.has(id)) next.delete(id)
      else next.set(id, name)
      return next
    })
  return { selected, toggle, clear: () => setSelected(new Map()) }
}
