import { sql } from 'kysely'
import type { RawBuilder } from 'kysely'
import type { ColumnFilter, FilterCondition } from '../../../../shared/contract/listQuery'

/**
 * How one grid column maps to SQL. `sql` and `sort` are trusted constants written in the
 * repositories; user input only ever arrives as bound parameters.
 */
export interface GridColumn {
  sql: string
  kind: 'text' | 'number' | 'date' | 'code'
  /** Normalizes a filter value the way stored values were normalized (e.g. kana width). */
  normalize?: (value: string) => string
  /** ORDER BY terms for ascending order; defaults to nulls last on `sql`. */
  sort?: string[]
}

export type GridColumns<C extends string> = Record<C, GridColumn>

/** LIKE with a user string inside: escape its own wildcards. */
function likePattern(value: string, prefix: boolean, suffix: boolean): string {
  const escaped = value.replace(/[\\%_]/g, (c) => `\\${c}`)
  return `${prefix ? '%' : ''}${escaped}${suffix ? '%' : ''}`
}

function textCondition(column: GridColumn, type: string, raw: string | null | undefined): RawBuilder<boolean> {
  const ref = sql.raw(column.sql)
  const value = column.normalize ? column.normalize(raw ?? '') : (raw ?? '')
  switch (type) {
    case 'blank':
      return sql<boolean>`(${ref} IS NULL OR ${ref} = '')`
    case 'notBlank':
      return sql<boolean>`(${ref} IS NOT NULL AND ${ref} != '')`
    case 'equals':
      return sql<boolean>`${ref} = ${value}`
    case 'notEqual':
      return sql<boolean>`(${ref} IS NULL OR ${ref} != ${value})`
    case 'startsWith':
      return sql<boolean>`${ref} LIKE ${likePattern(value, false, true)} ESCAPE '\\'`
    case 'endsWith':
      return sql<boolean>`${ref} LIKE ${likePattern(value, true, false)} ESCAPE '\\'`
    case 'notContains':
      return sql<boolean>`(${ref} IS NULL OR ${ref} NOT LIKE ${likePattern(value, true, true)} ESCAPE '\\')`
    default:
      return sql<boolean>`${ref} LIKE ${likePattern(value, true, true)} ESCAPE '\\'`
  }
}

function rangeCondition(column: GridColumn, type: string, from: unknown, to: unknown): RawBuilder<boolean> {
  const ref = column.kind === 'date' ? sql`substr(${sql.raw(column.sql)}, 1, 10)` : sql.raw(column.sql)
  switch (type) {
    case 'blank':
      return sql<boolean>`${ref} IS NULL`
    case 'notBlank':
      return sql<boolean>`${ref} IS NOT NULL`
    case 'notEqual':
      return sql<boolean>`(${ref} IS NULL OR ${ref} != ${from})`
    case 'lessThan':
      return sql<boolean>`${ref} < ${from}`
    case 'lessThanOrEqual':
      return sql<boolean>`${ref} <= ${from}`
    case 'greaterThan':
      return sql<boolean>`${ref} > ${from}`
    case 'greaterThanOrEqual':
      return sql<boolean>`${ref} >= ${from}`
    case 'inRange':
      return sql<boolean>`${ref} BETWEEN ${from} AND ${to}`
    default:
      return sql<boolean>`${ref} = ${from}`
  }
}

function conditionSql(column: GridColumn, c: FilterCondition): RawBuilder<boolean> {
  if (c.filterType === 'text') return textCondition(column, c.type, c.filter)
  if (c.filterType === 'number') return rangeCondition(column, c.type, c.filter ?? null, c.filterTo ?? null)
  return rangeCondition(column, c.type, c.dateFrom ?? null, c.dateTo ?? null)
}

function filterSql(column: GridColumn, filter: ColumnFilter): RawBuilder<boolean> {
  if (filter.filterType === 'set') {
    const values = filter.values.filter((v): v is string => v !== null)
    const parts: RawBuilder<boolean>[] = []
    if (values.length > 0) parts.push(sql<boolean>`${sql.raw(column.sql)} IN (${sql.join(values)})`)
    if (filter.values.includes(null)) parts.push(sql<boolean>`${sql.raw(column.sql)} IS NULL`)
    return parts.length === 0 ? sql<boolean>`0` : sql<boolean>`(${sql.join(parts, sql` OR `)})`
  }
  if ('conditions' in filter) {
    const joined = sql.join(
      filter.conditions.map((c) => conditionSql(column, c)),
      sql.raw(` ${filter.operator} `),
    )
    return sql<boolean>`(${joined})`
  }
  return conditionSql(column, filter)
}

/** AND of every column filter, for a WHERE clause. */
export function filtersToSql<C extends string>(
  columns: GridColumns<C>,
  filters: Partial<Record<C, ColumnFilter>>,
): RawBuilder<boolean>[] {
  const out: RawBuilder<boolean>[] = []
  for (const [colId, filter] of Object.entries(filters) as [C, ColumnFilter | undefined][]) {
    if (filter) out.push(filterSql(columns[colId], filter))
  }
  return out
}

/**
 * ORDER BY for a grid sort, always ending in a unique key (`key`) so pages never overlap.
 * Ascending puts empty values last; descending is the exact reverse, so one index on the
 * ascending terms serves both directions.
 */
export function sortToSql<C extends string>(
  columns: GridColumns<C>,
  sort: { colId: C; sort: 'asc' | 'desc' }[],
  fallback: string[],
  key = 'id',
): RawBuilder<unknown> {
  const terms: string[] = []
  for (const { colId, sort: dir } of sort) {
    const column = columns[colId]
    const asc = column.sort ?? [`(${column.sql} IS NULL)`, column.sql]
    terms.push(...asc.map((t) => `${t} ${dir === 'desc' ? 'DESC' : 'ASC'}`))
  }
  const lastDir = sort.length > 0 && sort[sort.length - 1]!.sort === 'desc' ? 'DESC' : 'ASC'
  if (terms.length === 0) terms.push(...fallback.map((t) => `${t} ASC`))
  terms.push(`${key} ${terms.length > 0 ? lastDir : 'ASC'}`)
  return sql.raw(terms.join(', '))
}
