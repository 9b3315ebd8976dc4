import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProgramSummary } from '../../../../shared/contract/records'
import { useApiQuery } from '../../api/hooks'
import { LoadError } from '../../app/LoadError'
import { PageHeader } from '../../app/PageHeader'
import { AppGrid } from '../../grid/AppGrid'
import { EmptyOverlay } from '../../grid/EmptyOverlay'
import { programColumns } from './programColumns'

export function ProgramsPage() {
  const { t } = useTranslation()
  const programs = useApiQuery('programs.list', {}, ['program', 'session', 'enrollment'])
  const columnDefs = useMemo(() => programColumns(t), [t])
  const count = programs.data?.length

  return (
    <section className="page" aria-labelledby="programs-title">
      <PageHeader id="programs-title" title={t('programs.title')} description={t('programs.description')} />
      <div className="toolbar">
        <div className="toolbar-spacer" />
        <output className="row-count" data-testid="programs-count">
          {count === undefined ? '' : t('programs.count', { count })}
        </output>
      </div>
      {programs.error && <LoadError error={programs.error} onRetry={programs.reload} />}
      <div className="grid-frame">
        <AppGrid<ProgramSummary>
          columnDefs={columnDefs}
          rowData={programs.data}
          loading={programs.loading && !programs.data}
          defaultColDef={{ sortable: true, resizable: true }}
          getRowId={(p) => p.data.id}
          noRowsOverlayComponent={EmptyOverlay}
          noRowsOverlayComponentParams={{ text: t('programs.empty') }}
        />
      </div>
    </section>
  )
}
