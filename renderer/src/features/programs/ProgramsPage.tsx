import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProgramSummary } from '../../../../shared/contract/records'
import { formatFiscalYear } from '../../../../shared/domain/dates'
import { municipalityLabel } from '../../../../shared/domain/localGov'
import { normalizeForSearch } from '../../../../shared/domain/kana'
import { fundingSources, programCategories, programStatuses } from '../../../../shared/domain/vocabulary'
import { useApiQuery } from '../../api/hooks'
import { LoadError } from '../../app/LoadError'
import { PageHeader } from '../../app/PageHeader'
import { AppGrid } from '../../grid/AppGrid'
import { ProgramDetail } from './ProgramDetail'
import { ProgramForm } from './ProgramForm'
import { programColumns } from './programColumns'
import './programs.css'

// Module-level: AG Grid rebuilds every column when handed a new object (an inline one is new at each render).
const defaultColDef = { sortable: true, resizable: true } as const

/** Programs: the grid with its filters, a new-program form, and one program's detail. */
export function ProgramsPage() {
  const [openId, setOpenId] = useState<string | null>(null)
  const [creating, setCreating] = useState(false)
  if (openId) return <ProgramDetail key={openId} programId={openId} onBack={() => setOpenId(null)} onOpen={setOpenId} />
  return <ProgramList creating={creating} setCreating={setCreating} onOpen={setOpenId} />
}

function ProgramList({
  creating,
  setCreating,
  onOpen,
}: {
  creating: boolean
  setCreating: (b: boolean) => void
  onOpen: (id: string) => void
}) {
  const { t } = useTranslation()
  const programs = useApiQuery('programs.list', {}, ['program', 'session', 'enrollment'])
  const columnDefs = useMemo(() => programColumns(t), [t])
  const [fiscalYear, setFiscalYear] = useState('')
  const [category, setCategory] = useState('')
  const [funding, setFunding] = useState('')
  const [status, setStatus] = useState('')
  const [place, setPlace] = useState('')
  const years = [...new Set((programs.data ?? []).map((p) => p.fiscalYear))].sort((a, b) => b - a)
  const needle = normalizeForSearch(place)
  const rows = (programs.data ?? []).filter(
    (p) =>
      (!fiscalYear || p.fiscalYear === Number(fiscalYear)) &&
      (!category || p.category === category) &&
      (!funding || p.fundingSource === funding) &&
      (!status || p.status === status) &&
      (!needle || p.municipalityCodes.some((c) => normalizeForSearch(municipalityLabel(c)).includes(needle))),
  )
  const pick = (value: string, set: (v: string) => void, all: string, options: [string, string][], name: string) => (
    <select value={value} onChange={(e) => set(e.target.value)} aria-label={all} data-testid={`programs-filter-${name}`}>
      <option value="">{all}</option>
      {options.map(([code, label]) => (
        <option key={code} value={code}>
          {label}
        </option>
      ))}
    </select>
  )

  return (
    <section className="page" aria-labelledby="programs-title">
      <PageHeader id="programs-title" title={t('programs.title')} description={t('programs.description')}>
        <button type="button" className="button" onClick={() => setCreating(true)} data-testid="program-new">
          {t('program.newProgram')}
        </button>
      </PageHeader>
      {creating && (
        <section className="panel" aria-label={t('program.newProgram')}>
          <ProgramForm
            program={null}
            onSaved={(p) => {
              setCreating(false)
              onOpen(p.id)
            }}
            onCancel={() => setCreating(false)}
          />
        </section>
      )}
      <div className="toolbar programs-toolbar">
        {pick(
          fiscalYear,
          setFiscalYear,
          t('program.allYears'),
          years.map((y) => [String(y), formatFiscalYear(y)]),
          'year',
        )}
        {pick(
          category,
          setCategory,
          t('program.allCategories'),
          programCategories.codes.map((c) => [c, t(`vocab.programCategory.${c}`)]),
          'category',
        )}
        {pick(
          funding,
          setFunding,
          t('program.allFunding'),
          fundingSources.codes.map((c) => [c, t(`vocab.fundingSource.${c}`)]),
          'funding',
        )}
        {pick(
          status,
          setStatus,
          t('program.allStatuses'),
          programStatuses.codes.map((c) => [c, t(`vocab.programStatus.${c}`)]),
          'status',
        )}
        <input
          type="search"
          value={place}
          onChange={(e) => setPlace(e.target.value)}
          placeholder={t('program.municipalityFilter')}
          aria-label={t('program.municipalityFilter')}
        />
        <div className="toolbar-spacer" />
        <output className="row-count" data-testid="programs-count">
          {programs.data === undefined ? '' : t('programs.count', { count: rows.length })}
        </output>
      </div>
      {programs.error && <LoadError error={programs.error} onRetry={programs.reload} />}
      <div className="grid-frame">
        <AppGrid<ProgramSummary>
          columnDefs={columnDefs}
          rowData={programs.data ? rows : undefined}
          loading={programs.loading && !programs.data}
          defaultColDef={defaultColDef}
          getRowId={(p) => p.data.id}
          onRowClicked={(e) => e.data && onOpen(e.data.id)}
          onCellKeyDown={(e) => {
            const key = (e.event as KeyboardEvent | undefined)?.key
            if (key === 'Enter' && e.data) onOpen(e.data.id)
          }}
          rowClass="clickable-row"
          suppressNoRowsOverlay // our own empty state below says why
        />
        {programs.data && rows.length === 0 && (
          <div className="grid-empty" data-testid="programs-empty">
            {programs.data.length > 0 ? (
              t('programs.emptyFiltered')
            ) : (
              <>
                <p>{t('programs.empty')}</p>
                <p className="grid-empty-hint">{t('programs.emptyHint')}</p>
                {!creating && (
                  <p className="grid-empty-actions">
                    <button type="button" className="button" onClick={() => setCreating(true)}>
                      {t('program.newProgram')}
                    </button>
                  </p>
                )}
              </>
            )}
          </div>
        )}
      </div>
    </section>
  )
}
