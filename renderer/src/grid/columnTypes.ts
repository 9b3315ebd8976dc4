import type { ColDef, ColDefField, ColGroupDef, ValueFormatterParams } from 'ag-grid-community'
import { CodeSetFilter } from './CodeSetFilter'
import type { CodeOption, CodeSetFilterParams } from './CodeSetFilter'

/** Text filter options the backend understands (see shared/contract/listQuery.ts). */
const textFilterOptions = ['contains', 'notContains', 'equals', 'startsWith', 'endsWith', 'blank', 'notBlank']

/** A free-text column: filtered on the server by "contains" and friends. */
export function textColumn<T>(field: ColDefField<T> & string, headerName: string, extra: ColDef<T> = {}): ColDef<T> {
  return {
    colId: field,
    field,
    headerName,
    filter: 'agTextColumnFilter',
    filterParams: { filterOptions: textFilterOptions, maxNumConditions: 1, debounceMs: 300, buttons: ['reset'] },
    ...extra,
  }
}

/**
 * A column holding a code from a closed list (stage, gender…): shown as its label, filtered
 * with a pick list, edited with AG Grid's select editor (codes in, labels shown).
 * `nullable` adds an "empty" choice; the editor uses '' for it.
 */
export function codeColumn<T>(
  field: ColDefField<T> & string,
  headerName: string,
  options: CodeOption[],
  extra: ColDef<T> = {},
  nullable = true,
): ColDef<T> {
  const labels = new Map(options.map((o) => [o.code ?? '', o.label]))
  const filterParams: CodeSetFilterParams = { options }
  return {
    colId: field,
    field,
    headerName,
    valueFormatter: (p: ValueFormatterParams<T>) =>
      p.value == null || p.value === '' ? '' : (labels.get(String(p.value)) ?? String(p.value)),
    filter: CodeSetFilter,
    filterParams,
    cellEditor: 'agSelectCellEditor',
    cellEditorParams: { values: options.map((o) => o.code ?? '').filter((c) => nullable || c !== '') },
    ...extra,
  }
}

const dateTime = new Intl.DateTimeFormat('ja-JP', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
})

/** A timestamp column (ISO strings): shown in local time, filtered by day. */
export function timestampColumn<T>(field: ColDefField<T> & string, headerName: string, extra: ColDef<T> = {}): ColDef<T> {
  return {
    colId: field,
    field,
    headerName,
    valueFormatter: (p: ValueFormatterParams<T>) => (typeof p.value === 'string' ? dateTime.format(new Date(p.value)) : ''),
    filter: 'agDateColumnFilter',
    filterParams: {
      filterOptions: ['equals', 'lessThan', 'greaterThan', 'inRange'],
      maxNumConditions: 1,
      buttons: ['reset'],
    },
    ...extra,
  }
}

/** An ISO day ('2024-05-01') shown as 2024/05/01 and filtered by day. */
export function dayColumn<T>(field: ColDefField<T> & string, headerName: string, extra: ColDef<T> = {}): ColDef<T> {
  return timestampColumn(field, headerName, {
    valueFormatter: (p: ValueFormatterParams<T>) => (typeof p.value === 'string' ? p.value.replaceAll('-', '/') : ''),
    ...extra,
  })
}

/** A whole-number column, right-aligned and filtered as a number. */
export function numberColumn<T>(field: ColDefField<T> & string, headerName: string, extra: ColDef<T> = {}): ColDef<T> {
  return {
    colId: field,
    field,
    headerName,
    type: 'rightAligned',
    filter: 'agNumberColumnFilter',
    filterParams: {
      filterOptions: ['equals', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual', 'inRange'],
      maxNumConditions: 1,
      buttons: ['reset'],
    },
    ...extra,
  }
}

/**
 * Widens columns whose header would be cut off ("Family n…"): English headers are longer
 * than Japanese ones, and the widths are written for Japanese. A rough text measure is
 * enough here: full-width characters count about 13 px, others about 7.5 px at 12 px bold.
 */
export function fitHeaders<T>(defs: (ColDef<T> | ColGroupDef<T>)[]): (ColDef<T> | ColGroupDef<T>)[] {
  return defs.map((def) => {
    if ('children' in def) return { ...def, children: fitHeaders(def.children) }
    const needed = headerTextWidth(def.headerName ?? '') + (def.filter ? 52 : 28)
    return def.width !== undefined && def.width < needed ? { ...def, width: needed } : def
  })
}

function headerTextWidth(text: string): number {
  let px = 0
  for (const ch of text) px += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 13 : 7.5
  return Math.ceil(px)
}
