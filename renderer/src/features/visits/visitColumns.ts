import type { ColDef, ValueFormatterParams } from 'ag-grid-community'
import type { TFunction } from 'i18next'
import type { VisitRow } from '../../../../shared/contract/records'
import { municipalityLabel } from '../../../../shared/domain/localGov'
import { visitModes } from '../../../../shared/domain/vocabulary'
import { codeColumn, dayColumn, numberColumn, textColumn } from '../../grid/columnTypes'

export function visitColumns(t: TFunction): ColDef<VisitRow>[] {
  const modeOptions = visitModes.codes.map((code) => ({ code, label: t(`vocab.visitMode.${code}`) }))
  return [
    dayColumn<VisitRow>('visitDate', t('visits.columns.visitDate'), { width: 120, sort: 'desc' }),
    textColumn<VisitRow>('contactName', t('visits.columns.contactName'), { width: 160 }),
    textColumn<VisitRow>('programName', t('visits.columns.programName'), { flex: 1.4, minWidth: 220 }),
    codeColumn<VisitRow>('mode', t('visits.columns.mode'), modeOptions, { width: 116 }),
    {
      colId: 'municipalityCode',
      field: 'municipalityCode',
      headerName: t('visits.columns.municipality'),
      width: 190,
      valueFormatter: (p: ValueFormatterParams<VisitRow>) =>
        p.value ? municipalityLabel(String(p.value)) || String(p.value) : '',
    },
    numberColumn<VisitRow>('nights', t('visits.columns.nights'), {
      width: 96,
      valueFormatter: (p: ValueFormatterParams<VisitRow>) =>
        p.data?.mode === 'online' || p.value == null
          ? ''
          : p.value === 0
            ? t('visits.dayTrip')
            : t('visits.nightsValue', { count: p.value as number }),
    }),
    { colId: 'purpose', field: 'purpose', headerName: t('visits.columns.purpose'), flex: 1.6, minWidth: 220, sortable: false },
  ]
}
