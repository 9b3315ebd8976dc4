import { useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportPreview } from '../../../../shared/contract/imports'
import type { Encoding, ReadOptions } from './importState'

const encodings: Encoding[] = ['auto', 'utf8', 'cp932', 'utf16le', 'utf16be']
/** Header rows offered: title blocks above a header are rarely longer than this. */
const HEADER_CHOICES = 20

/**
 * What was detected about the source — format, encoding, sheet, header row, notes — with a
 * control to override each; a change reads the source again.
 */
export function SourceDetails({
  preview,
  options,
  onChange,
  onReset,
}: {
  preview: ImportPreview
  options: ReadOptions
  onChange: (options: ReadOptions) => void
  onReset: () => void
}) {
  const { t } = useTranslation()
  const ids = { encoding: useId(), sheet: useId(), header: useId() }
  const headerChoices = Array.from({ length: Math.max(HEADER_CHOICES, preview.headerRow + 1) }, (_, i) => i)
  const isFile = preview.format !== 'text' && preview.format !== 'xlsx'
  // The file picker (or the paste box) that read this source is gone once it is read, and focus
  // went with it to <body>: a keyboard user would start again from the top of the page. Focus
  // comes here instead, so what was read is heard and 別のファイルを選ぶ is the next Tab.
  const details = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const active = document.activeElement
    if (!active || active === document.body || !active.isConnected) details.current?.focus()
  }, [])

  return (
    <div className="import-details" data-testid="import-details" ref={details} tabIndex={-1}>
      <dl className="info-list">
        <div>
          <dt>{t('import.detected.file')}</dt>
          <dd data-testid="import-file-name">
            {preview.fileName}
            <button type="button" className="button-link" onClick={onReset}>
              {t('import.source.again')}
            </button>
          </dd>
        </div>
        <div>
          <dt>{t('import.detected.format')}</dt>
          <dd data-testid="import-format">{t(`import.format.${preview.format}`)}</dd>
        </div>
        {isFile && (
          <div>
            <dt>
              <label htmlFor={ids.encoding}>{t('import.detected.encoding')}</label>
            </dt>
            <dd>
              <select
                id={ids.encoding}
                className="import-select"
                data-testid="import-encoding"
                value={options.encoding === 'auto' ? (preview.encoding ?? 'auto') : options.encoding}
                onChange={(e) => onChange({ encoding: e.target.value as Encoding })}
              >
                {encodings.map((e) => (
                  <option key={e} value={e}>
                    {t(`import.encoding.${e}`)}
                    {options.encoding === 'auto' && e === preview.encoding ? t('import.detected.detectedSuffix') : ''}
                  </option>
                ))}
              </select>
            </dd>
          </div>
        )}
        {preview.sheets.length > 0 && (
          <div>
            <dt>
              <label htmlFor={ids.sheet}>{t('import.detected.sheet')}</label>
            </dt>
            <dd>
              <select
                id={ids.sheet}
                className="import-select"
                data-testid="import-sheet"
                value={preview.sheet ?? ''}
                onChange={(e) => onChange({ encoding: options.encoding, sheet: e.target.value })}
              >
                {preview.sheets.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </dd>
          </div>
        )}
        <div>
          <dt>
            <label htmlFor={ids.header}>{t('import.detected.headerRow')}</label>
          </dt>
          <dd>
            <select
              id={ids.header}
              className="import-select"
              data-testid="import-header-row"
              value={preview.headerRow}
              onChange={(e) => onChange({ encoding: options.encoding, sheet: options.sheet, headerRow: Number(e.target.value) })}
            >
              {headerChoices.map((i) => (
                <option key={i} value={i}>
                  {t('import.detected.rowN', { n: i + 1 })}
                </option>
              ))}
            </select>
            {preview.headerRow > 0 && (
              <span className="import-muted" data-testid="import-skipped-rows">
                {preview.headerRow === 1
                  ? t('import.detected.skippedOne')
                  : t('import.detected.skippedMany', { last: preview.headerRow })}
              </span>
            )}
          </dd>
        </div>
      </dl>
      {preview.notes.length > 0 && (
        <div className="import-notes" data-testid="import-notes">
          <strong>{t('import.detected.notes')}</strong>
          <ul>
            {preview.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}
