import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExportColumn } from '../../../../shared/domain/contactExport'
import { exportColumns, exportHeaderOf } from '../../../../shared/domain/contactExport'

/** The columns as a coordinator thinks of them, so the few to leave out are easy to find. */
const groups: { name: 'name' | 'contact' | 'profile' | 'relation' | 'other'; columns: ExportColumn[] }[] = [
  { name: 'name', columns: ['familyName', 'givenName', 'familyKana', 'givenKana'] },
  {
    name: 'contact',
    columns: ['email', 'phone', 'postalCode', 'prefecture', 'municipality', 'municipalityCode', 'address'],
  },
  { name: 'profile', columns: ['birthDate', 'birthYear', 'gender', 'occupation', 'affiliation'] },
  { name: 'relation', columns: ['roots', 'basis', 'firstContact', 'stage', 'tags', 'consentDate'] },
  { name: 'other', columns: ['notes'] },
]

const STORAGE_KEY = 'kakehashi.exportColumns'

/** The last choice, so a coordinator who always leaves out 備考 need not untick it every time. */
function remembered(): ExportColumn[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null')
    if (Array.isArray(stored)) {
      const known = exportColumns.filter((c) => stored.includes(c))
      if (known.length > 0) return known
    }
  } catch {
    // A damaged entry is forgotten: every column again.
  }
  return [...exportColumns]
}

export function useExportColumns() {
  const [chosen, setChosen] = useState<ExportColumn[]>(remembered)
  const set = (next: ExportColumn[]) => {
    const ordered = exportColumns.filter((c) => next.includes(c))
    setChosen(ordered)
    if (ordered.length > 0) localStorage.setItem(STORAGE_KEY, JSON.stringify(ordered))
  }
  return { chosen, set }
}

/** 「書き出す項目」: a checkbox per column of the file; nothing unticked leaves the app. */
export function ExportColumnsPicker({ chosen, onChange }: { chosen: ExportColumn[]; onChange: (next: ExportColumn[]) => void }) {
  const { t } = useTranslation()
  const toggle = (column: ExportColumn, on: boolean) => onChange(on ? [...chosen, column] : chosen.filter((c) => c !== column))
  return (
    <fieldset className="export-columns" data-testid="export-columns">
      <legend>
        {t('people.exportColumns', { count: chosen.length, total: exportColumns.length })}
        <button type="button" className="button-link" onClick={() => onChange([...exportColumns])}>
          {t('people.exportColumnsAll')}
        </button>
        <button type="button" className="button-link" onClick={() => onChange([])}>
          {t('people.exportColumnsNone')}
        </button>
      </legend>
      {groups.map((group) => (
        <div key={group.name} className="export-columns-group" role="group" aria-label={t(`people.exportGroups.${group.name}`)}>
          <span className="export-columns-group-name">{t(`people.exportGroups.${group.name}`)}</span>
          <span className="export-columns-items">
            {group.columns.map((column) => (
              <label key={column}>
                <input
                  type="checkbox"
                  checked={chosen.includes(column)}
                  onChange={(e) => toggle(column, e.target.checked)}
                  data-column={column}
                />
                {exportHeaderOf[column]}
              </label>
            ))}
          </span>
        </div>
      ))}
      {chosen.length === 0 && (
        <p className="field-error" role="alert">
          {t('people.exportColumnsEmpty')}
        </p>
      )}
    </fieldset>
  )
}
