import type { ColDef, EditableCallbackParams, ValueFormatterParams } from 'ag-grid-community'
import type { TFunction } from 'i18next'
import type { VisitRow } from '../../../../shared/contract/records'
import { municipalityLabel } from '../../../../shared/domain/localGov'
import { visitLimits } from '../../../../shared/domain/recordLimits'
import { visitModes } from '../../../../shared/domain/vocabulary'
import { codeColumn, dayColumn, numberColumn, textColumn } from '../../grid/columnTypes'
import { MunicipalityEditor } from '../../grid/MunicipalityEditor'
import { VisitNotesCell } from './VisitNotesCell'
import { VisitPersonCell } from './VisitPersonCell'

/** A roster visit's day is its session's: it is changed on the session, not here. */
const ownDate = (p: EditableCallbackParams<VisitRow>) => !p.data?.sessionId
/** Online involvement has no overnight stay. */
const canStay = (p: EditableCallbackParams<VisitRow>) => p.data?.mode !== 'online'

export function visitColumns(t: TFunction): ColDef<VisitRow>[] {
  const modeOptions = visitModes.codes.map((code) => ({ code, label: t(`vocab.visitMode.${code}`) }))
  return [
    dayColumn<VisitRow>('visitDate', t('visits.columns.visitDate'), {
      width: 150,
      sort: 'desc',
      editable: ownDate,
      cellEditor: 'agDateStringCellEditor',
    }),
    // Click or Enter opens the person (VisitsPage); the cell itself is never edited here.
    textColumn<VisitRow>('contactName', t('visits.columns.contactName'), { width: 160, cellRenderer: VisitPersonCell }),
    textColumn<VisitRow>('programName', t('visits.columns.programName'), { flex: 1.4, minWidth: 220 }),
    codeColumn<VisitRow>('mode', t('visits.columns.mode'), modeOptions, { width: 116, editable: true }, false),
    {
      colId: 'municipalityCode',
      field: 'municipalityCode',
      headerName: t('visits.columns.municipality'),
      width: 190,
      valueFormatter: (p: ValueFormatterParams<VisitRow>) =>
        p.value ? municipalityLabel(String(p.value)) || String(p.value) : '',
      editable: true,
      cellEditor: MunicipalityEditor,
      cellEditorPopup: true,
    },
    numberColumn<VisitRow>('nights', t('visits.columns.nights'), {
      width: 96,
      valueFormatter: (p: ValueFormatterParams<VisitRow>) =>
        p.data?.mode === 'online' || p.value == null
          ? ''
          : p.value === 0
            ? t('visits.dayTrip')
            : t('visits.nightsValue', { count: p.value as number }),
      editable: canStay,
      cellEditor: 'agNumberCellEditor',
      cellEditorParams: { min: 0, max: visitLimits.nights, precision: 0 },
    }),
    {
      colId: 'purpose',
      field: 'purpose',
      headerName: t('visits.columns.purpose'),
      flex: 1.6,
      minWidth: 220,
      sortable: false,
      editable: true,
    },
    {
      colId: 'notes',
      field: 'notes',
      headerName: t('visits.columns.notes'),
      flex: 1.2,
      minWidth: 180,
      sortable: false,
      editable: true,
      cellRenderer: VisitNotesCell,
      // Several lines fit in the popup; Enter saves, Shift+Enter starts a new line.
      cellEditor: 'agLargeTextCellEditor',
      cellEditorPopup: true,
      cellEditorParams: { maxLength: visitLimits.notes, rows: 6, cols: 48 },
    },
  ]
}
