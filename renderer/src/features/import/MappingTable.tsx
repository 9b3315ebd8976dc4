import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportPreview } from '../../../../shared/contract/imports'
import { SavedMappings } from './SavedMappings'
import type { AnyImportField as ImportField } from '../../../../shared/domain/import/kinds'

/** Step 2: each column of the file, its header, a sample value and the field it goes to. */
export function MappingTable({ preview, onChange }: { preview: ImportPreview; onChange: (mapping: ImportField[]) => void }) {
  const { t } = useTranslation()
  const columnCount = Math.max(preview.headers.length, ...preview.rows.slice(0, 1).map((r) => r.cells.length))
  const mapping = Array.from({ length: columnCount }, (_, i) => preview.mapping[i] ?? 'ignore')
  const sample = preview.rows[0]?.cells ?? []
  const hasName = preview.kind === 'programs' || mapping.some((f) => f === 'fullName' || f === 'familyName')

  // A field taken from another column, said once so the emptied column is not a surprise.
  const [moved, setMoved] = useState<{ field: ImportField; from: number; to: number } | null>(null)
  function choose(column: number, field: ImportField) {
    // A field goes to one column: choosing it here takes it away from any other column.
    const from = field === 'ignore' ? -1 : mapping.findIndex((f, i) => f === field && i !== column)
    setMoved(from >= 0 ? { field, from, to: column } : null)
    onChange(mapping.map((f, i) => (i === column ? field : f === field && field !== 'ignore' ? 'ignore' : f)))
  }

  return (
    <div className="import-mapping">
      <p className="panel-description">{t('import.mapping.help')}</p>
      <SavedMappings preview={preview} mapping={mapping} onApply={onChange} />
      {moved && (
        <p className="import-notice" role="status" data-testid="import-mapping-moved">
          {t('import.mapping.moved', {
            field: t(`import.field.${moved.field}`),
            from: moved.from + 1,
            to: moved.to + 1,
          })}
        </p>
      )}
      <table className="import-table import-mapping-table" data-testid="import-mapping">
        <thead>
          <tr>
            <th scope="col">{t('import.mapping.column')}</th>
            <th scope="col">{t('import.mapping.header')}</th>
            <th scope="col">{t('import.mapping.sample')}</th>
            <th scope="col">{t('import.mapping.field')}</th>
          </tr>
        </thead>
        <tbody>
          {mapping.map((field, i) => {
            const header = preview.headers[i]?.trim() || t('import.mapping.noHeader')
            return (
              <tr key={i} className={field === 'ignore' ? 'mapping-ignored' : undefined}>
                <td className="import-num">{t('import.mapping.columnN', { n: i + 1 })}</td>
                <th scope="row">{header}</th>
                <td className="import-sample">{sample[i] ?? ''}</td>
                <td>
                  <select
                    className="import-select"
                    aria-label={`${header} → ${t('import.mapping.field')}`}
                    data-testid={`import-map-${i}`}
                    value={field}
                    onChange={(e) => choose(i, e.target.value as ImportField)}
                  >
                    {preview.fields.map((f) => (
                      <option key={f} value={f}>
                        {t(`import.field.${f}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {!hasName && (
        <p className="field-error" role="alert">
          {t('import.mapping.unmappedName')}
        </p>
      )}
    </div>
  )
}
