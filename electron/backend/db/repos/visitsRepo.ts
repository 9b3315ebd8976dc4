import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { ColumnFilter, Page } from '../../../../shared/contract/listQuery'
import type { VisitRow } from '../../../../shared/contract/records'
import type { visitColumns } from '../../../../shared/contract/methods/visits'
import type { VisitMode } from '../../../../shared/domain/vocabulary'
import type { Database } from '../schema'
import { filtersToSql, sortToSql } from './gridQuery'
import type { GridColumns } from './gridQuery'

type VisitColumn = (typeof visitColumns)[number]

const columns: GridColumns<VisitColumn> = {
  visitDate: { sql: 'v.visit_date', kind: 'date', sort: ['v.visit_date'] },
  mode: { sql: 'v.mode', kind: 'code' },
  municipalityCode: { sql: 'v.municipality_code', kind: 'code' },
  nights: { sql: 'v.nights', kind: 'number' },
  contactName: { sql: `(c.family_name || ' ' || c.given_name)`, kind: 'text' },
  programName: { sql: 'p.name', kind: 'text' },
}

export interface VisitListQuery {
  offset: number
  limit: number
  sort: { colId: VisitColumn; sort: 'asc' | 'desc' }[]
  filter: Partial<Record<VisitColumn, ColumnFilter>>
  from?: string
  to?: string
}

/** Visits of live people, newest first unless the grid sorts otherwise. */
export async function listVisits(db: Kysely<Database>, q: VisitListQuery): Promise<Page<VisitRow>> {
  const conditions = [sql<boolean>`c.deleted_at IS NULL`, ...filtersToSql(columns, q.filter)]
  if (q.from) conditions.push(sql<boolean>`v.visit_date >= ${q.from}`)
  if (q.to) conditions.push(sql<boolean>`v.visit_date <= ${q.to}`)
  const where = sql.join(conditions, sql` AND `)
  const order = q.sort.length > 0 ? sortToSql(columns, q.sort, [], 'v.id') : sql.raw('v.visit_date DESC, v.id DESC')
  const rows = await sql<VisitRow>`
    SELECT v.id, v.contact_id, c.family_name || ' ' || c.given_name AS contact_name, v.program_id, p.name AS program_name,
           v.visit_date, v.mode, v.municipality_code, v.nights, v.purpose
    FROM visits v JOIN contacts c ON c.id = v.contact_id LEFT JOIN programs p ON p.id = v.program_id
    WHERE ${where} ORDER BY ${order} LIMIT ${q.limit} OFFSET ${q.offset}`.execute(db)
  const total = await sql<{ total: number }>`
    SELECT count(*) AS total FROM visits v JOIN contacts c ON c.id = v.contact_id LEFT JOIN programs p ON p.id = v.program_id
    WHERE ${where}`.execute(db)
  return { rows: rows.rows.map((r) => ({ ...r, mode: r.mode as VisitMode })), total: total.rows[0]?.total ?? 0 }
}

export async function countVisits(db: Kysely<Database>): Promise<number> {
  const r = await db
    .selectFrom('visits')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return r.n
}
