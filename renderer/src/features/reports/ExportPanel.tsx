import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { csvTableIds } from '../../../../shared/contract/methods/reports'
import type { ApiError } from '../../../../shared/contract/errors'
import { api } from '../../api/client'
import { saveDownload } from '../../api/download'
import { ExportProtectionFields, useExportProtection } from '../privacy/ExportProtection'
import type { Scope } from './ScopePicker'

const csvTableLabels: Record<(typeof csvTableIds)[number], string> = {
  summary: '概要',
  byArea: '地域別',
  byPrefecture: '都道府県別',
  byAgeBand: '年齢別',
  byGender: '性別',
  byRoots: 'ゆかり別',
  byBasis: '関わりの型別',
  byMonth: '月別',
  stagesAtYearEnd: '年度末の段階',
  transitions: '段階の変化',
  programs: '事業別',
  sessions: '開催一覧',
}

const formExamples = [
  '{{uniquePeople}}',
  '{{totalInvolvements}}',
  '{{byArea.東京圏}}',
  '{{byAgeBand.20代}}',
  '{{fiscalYearLabel}}',
  '{{program.name}}',
]

type Status = { kind: 'working' } | { kind: 'done'; text: string } | { kind: 'error'; text: string } | null

const MAX_FORM_BYTES = 20 * 1024 * 1024

async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** Export buttons: XLSX, PDF, CSV (one table, UTF-8 or Shift_JIS), and filling the user's own form. */
export function ExportPanel({ scope, k }: { scope: Scope; k: number }) {
  const { t } = useTranslation()
  const [suppress, setSuppress] = useState(true)
  const [roster, setRoster] = useState(false)
  const [csvTable, setCsvTable] = useState<(typeof csvTableIds)[number]>('summary')
  const [encoding, setEncoding] = useState<'utf8' | 'shift_jis'>('utf8')
  const [status, setStatus] = useState<Status>(null)
  const protection = useExportProtection()
  const formInput = useRef<HTMLInputElement>(null)
  const busy = status?.kind === 'working'
  // A password being typed (too short, not yet confirmed) holds every export back.
  const blocked = busy || !protection.ready

  const run = async (work: () => Promise<{ fileName: string; note?: string }>) => {
    setStatus({ kind: 'working' })
    try {
      const { fileName, note } = await work()
      setStatus({ kind: 'done', text: t('reportsPage.export.done', { name: fileName }) + (note ? ` ${note}` : '') })
    } catch (error) {
      setStatus({ kind: 'error', text: `${t('reportsPage.export.failed')}：${(error as ApiError).message}` })
    }
  }

  const exportAs = (format: 'xlsx' | 'pdf' | 'csv') =>
    run(async () => {
      const result = await api.call('reports.export', {
        ...scope,
        format,
        suppress,
        includeRoster: format === 'xlsx' && roster,
        csvTable,
        csvEncoding: encoding,
        password: protection.value,
      })
      saveDownload(result.file)
      const note =
        result.unencodable.length > 0 ? t('reportsPage.export.unencodable', { chars: result.unencodable.join(' ') }) : undefined
      return { fileName: result.file.fileName, note }
    })

  const fillForm = (file: File | undefined) => {
    if (!file) return
    if (file.size > MAX_FORM_BYTES) {
      setStatus({ kind: 'error', text: t('reportsPage.export.formTooBig') })
      return
    }
    void run(async () => {
      const filled = await api.call('reports.fillForm', {
        ...scope,
        suppress,
        fileName: file.name,
        templateBase64: await fileToBase64(file),
      })
      saveDownload(filled)
      return { fileName: filled.fileName }
    })
    if (formInput.current) formInput.current.value = ''
  }

  return (
    <div className="panel report-export" data-testid="report-export">
      <h2>{t('reportsPage.export.title')}</h2>
      <div className="report-options">
        <label>
          <input
            type="checkbox"
            checked={suppress}
            onChange={(e) => setSuppress(e.target.checked)}
            data-testid="report-suppress"
          />{' '}
          {t('reportsPage.export.suppress', { k })}
        </label>
        {!suppress && <p className="report-warning">{t('reportsPage.export.suppressOff')}</p>}
        <label>
          <input
            type="checkbox"
            checked={roster}
            onChange={(e) => {
              setRoster(e.target.checked)
              // A roster is personal data: suggest the password the moment it is asked for.
              if (e.target.checked) protection.setEnabled(true)
            }}
            data-testid="report-roster"
          />{' '}
          {t('reportsPage.export.roster')}
        </label>
        {roster && <p className="report-warning">{t('reportsPage.export.rosterWarning')}</p>}
        {/* Suppressed totals hold no one; a roster, or exact small counts, can. */}
        <ExportProtectionFields protection={protection} personal={roster || !suppress} />
      </div>
      <div className="report-buttons">
        <button
          type="button"
          className="button"
          disabled={blocked}
          onClick={() => void exportAs('xlsx')}
          data-testid="export-xlsx"
        >
          {t('reportsPage.export.xlsx')}
        </button>
        <button type="button" className="button" disabled={blocked} onClick={() => void exportAs('pdf')} data-testid="export-pdf">
          {t('reportsPage.export.pdf')}
        </button>
        <span className="report-csv">
          <label>
            {t('reportsPage.export.csvTable')}{' '}
            <select
              value={csvTable}
              onChange={(e) => setCsvTable(e.target.value as typeof csvTable)}
              data-testid="export-csv-table"
            >
              {csvTableIds.map((id) => (
                <option key={id} value={id}>
                  {csvTableLabels[id]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('reportsPage.export.encoding')}{' '}
            <select
              value={encoding}
              onChange={(e) => setEncoding(e.target.value as typeof encoding)}
              data-testid="export-csv-encoding"
            >
              <option value="utf8">{t('reportsPage.export.utf8')}</option>
              <option value="shift_jis">{t('reportsPage.export.sjis')}</option>
            </select>
          </label>
          <button
            type="button"
            className="button"
            disabled={blocked}
            onClick={() => void exportAs('csv')}
            data-testid="export-csv"
          >
            {t('reportsPage.export.csv')}
          </button>
        </span>
      </div>
      <h3>{t('reportsPage.export.form')}</h3>
      <p className="panel-description" data-testid="report-form-help">
        {/* The placeholder is passed as a value: written in the text, i18next would take it for its own. */}
        {t('reportsPage.export.formHelp', { programRow: '{{program.…}}', interpolation: { escapeValue: false } })}
      </p>
      <p className="report-placeholders">
        {formExamples.map((p) => (
          <code key={p}>{p}</code>
        ))}
      </p>
      <input
        ref={formInput}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        className="visually-hidden"
        data-testid="export-form-file"
        // The button below opens it: as its own Tab stop it was an invisible, unnamed control.
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => fillForm(e.target.files?.[0])}
      />
      <button type="button" className="button" disabled={busy} onClick={() => formInput.current?.click()}>
        {t('reportsPage.export.formPick')}
      </button>
      {protection.enabled && <p className="form-hint">{t('reportsPage.export.formNoPassword')}</p>}
      <p
        className={`report-status report-status-${status?.kind ?? 'idle'}`}
        role="status"
        aria-live="polite"
        data-testid="export-status"
      >
        {status?.kind === 'working' ? t('reportsPage.export.working') : (status?.text ?? '')}
      </p>
    </div>
  )
}
