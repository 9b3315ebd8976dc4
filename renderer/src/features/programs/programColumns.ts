import type { ColDef, ValueFormatterParams, ValueGetterParams } from 'ag-grid-community'
import type { TFunction } from 'i18next'
import type { ProgramSummary } from '../../../../shared/contract/records'
import { formatFiscalYear, slashDate } from '../../../../shared/domain/dates'
import { municipalityLabel } from '../../../../shared/domain/localGov'
import { enrollmentStatuses } from '../../../../shared/domain/vocabulary'

type P = ProgramSummary

export function programColumns(t: TFunction): ColDef<P>[] {
  const vocab = (name: 'programCategory' | 'programStatus' | 'fundingSource') => (p: ValueFormatterParams<P>) =>
    p.value ? t(`vocab.${name}.${p.value as string}` as 'vocab.programStatus.open') : ''
  return [
    {
      field: 'name',
      headerName: t('programs.columns.name'),
      flex: 2,
      minWidth: 300,
      tooltipField: 'name',
      filter: 'agTextColumnFilter',
    },
    {
      field: 'fiscalYear',
      headerName: t('programs.columns.fiscalYear'),
      width: 190,
      valueFormatter: (p: ValueFormatterParams<P>) => (typeof p.value === 'number' ? formatFiscalYear(p.value) : ''),
      sort: 'desc',
    },
    { field: 'category', headerName: t('programs.columns.category'), width: 170, valueFormatter: vocab('programCategory') },
    {
      field: 'status',
      headerName: t('programs.columns.status'),
      width: 120,
      valueFormatter: vocab('programStatus'),
      cellClass: statusClass,
    },
    {
      colId: 'period',
      headerName: t('programs.columns.period'),
      width: 212,
      valueGetter: (p: ValueGetterParams<P>) =>
        p.data && (p.data.startDate || p.data.endDate) ? `${slash(p.data.startDate)} ～ ${slash(p.data.endDate)}` : '',
    },
    {
      field: 'sessionCount',
      headerName: t('programs.columns.sessions'),
      width: 100,
      type: 'rightAligned',
      valueFormatter: (p: ValueFormatterParams<P>) => t('programs.sessionsValue', { count: p.value as number }),
    },
    {
      field: 'capacity',
      headerName: t('programs.columns.capacity'),
      width: 90,
      type: 'rightAligned',
      valueFormatter: (p: ValueFormatterParams<P>) =>
        p.value == null ? '' : t('programs.capacityValue', { count: p.value as number }),
    },
    {
      colId: 'enrollment',
      headerName: t('programs.columns.enrollment'),
      flex: 1.4,
      minWidth: 260,
      sortable: false,
      valueGetter: (p: ValueGetterParams<P>) =>
        p.data
          ? enrollmentStatuses.codes
              .map((code) => `${t(`vocab.enrollmentStatus.${code}`)} ${p.data!.enrollmentCounts[code] ?? 0}`)
              .join(' · ')
          : '',
    },
    {
      colId: 'municipalities',
      headerName: t('program.form.municipalities'),
      width: 180,
      valueGetter: (p: ValueGetterParams<P>) =>
        p.data ? p.data.municipalityCodes.map((c) => municipalityLabel(c) || c).join('、') : '',
    },
    {
      field: 'fundingSource',
      headerName: t('programs.columns.funding'),
      flex: 1.2,
      minWidth: 200,
      valueFormatter: vocab('fundingSource'),
    },
  ]
}

function slash(date: string | null): string {
  return date ? slashDate(date) : ''
}

function statusClass(p: { value?: unknown }): string {
  return `status-cell status-${String(p.value ?? '')}`
}
