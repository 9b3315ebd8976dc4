import { z } from 'zod'

/**
 * Grid queries (sorting, filtering, paging) in the shape AG Grid produces, restricted to a
 * whitelist of column ids per entity so that no client-chosen identifier ever reaches SQL.
 */
const textTypes = ['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank'] as const
const rangeTypes = [
  'equals',
  'notEqual',
  'lessThan',
  'lessThanOrEqual',
  'greaterThan',
  'greaterThanOrEqual',
  'inRange',
  'blank',
  'notBlank',
] as const

const textCondition = z.object({
  filterType: z.literal('text'),
  type: z.enum(textTypes),
  filter: z.string().max(200).nullish(),
})
const numberCondition = z.object({
  filterType: z.literal('number'),
  type: z.enum(rangeTypes),
  filter: z.number().finite().nullish(),
  filterTo: z.number().finite().nullish(),
})
/** AG Grid sends dates as 'YYYY-MM-DD hh:mm:ss'; only the day matters here. */
const gridDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/, '日付の形式が正しくありません')
  .transform((s) => s.slice(0, 10))
const dateCondition = z.object({
  filterType: z.literal('date'),
  type: z.enum(rangeTypes),
  dateFrom: gridDate.nullish(),
  dateTo: gridDate.nullish(),
})
/** Pick-list filter: the row's value is one of these (null matches empty). */
const setFilter = z.object({
  filterType: z.literal('set'),
  values: z.array(z.string().max(100).nullable()).max(5000),
})

const condition = z.discriminatedUnion('filterType', [textCondition, numberCondition, dateCondition])
const combined = z.object({
  filterType: z.enum(['text', 'number', 'date']),
  operator: z.enum(['AND', 'OR']),
  conditions: z.array(condition).min(1).max(4),
})

export const columnFilter = z.union([condition, setFilter, combined])
export type ColumnFilter = z.output<typeof columnFilter>
export type FilterCondition = z.output<typeof condition>

export function listQuery<const C extends readonly [string, ...string[]]>(columns: C) {
  const column = z.enum(columns, { message: '並べ替えや絞り込みに使えない列です' })
  return z
    .object({
      offset: z.number().int().min(0).max(10_000_000).default(0),
      limit: z.number().int().min(1).max(1000).default(100),
      sort: z
        .array(z.object({ colId: column, sort: z.enum(['asc', 'desc']) }))
        .max(5)
        .default([]),
      filter: z.partialRecord(column, columnFilter).default({}),
      search: z.string().max(200).default(''),
    })
    .strict()
}

export interface Page<T> {
  rows: T[]
  /** Rows matching the filters, for the row count and the grid's scrollbar. */
  total: number
}
