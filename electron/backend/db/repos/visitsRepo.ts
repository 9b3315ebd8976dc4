import { sql } from 'kysely'
import type { Insertable, Kysely, RawBuilder, Updateable } from 'kysely'
import type { ColumnFilter, Page } from '../../../../shared/contract/listQuery'
import type { VisitRow } from '../../../../shared/contract/records'
import type { visitColumns } from '../../../../shared/contract/methods/visits'
import { fiscalYearRange } from '../../../../shared/domain/dates'
import type { VisitMode } from '../../../../shared/domain/vocabulary'
import type { Database, VisitsTable } from '../schema'
import { filtersToSql, sortToSql } from './gridQuery'
import type { GridColumns } from './gridQuery'

type VisitColumn = (typeof visitColumns)[number]

const columns: GridColumns<VisitColumn> = {
  visitDate: { sql: 'v.visit_date', kind: 'date', sort: ['v.visit_date'] },
  mode: { sql: 'v.mode', kind: 'code' },
  municipalityCode: { sql: 'v.municipality_code', kind: 'code' },
  nights: { sql: 'v.nights', kind: 'number' },
  // Filtered on the name as written; sorted in 50音順 by the reading, as on 参加者 (contacts_kana).
  contactName: {
    sql: `(c.family_name || ' ' || c.given_name)`,
    kind: 'text',
    sort: ['(c.family_kana IS NULL)', 'c.family_kana', 'c.given_kana', 'c.id'],
  },
  programName: { sql: 'p.name', kind: 'text' },
}

export interface VisitListQuery {
  offset: number
  limit: number
  sort: { colId: VisitColumn; sort: 'asc' | 'desc' }[]
  filter: Partial<Record<VisitColumn, ColumnFilter>>
  from?: string
  to?: string
  fiscalYear?: number
  programId?: string
  standaloneOnly?: boolean
  municipalityCodes?: string[]
  mode?: VisitMode
  contactId?: string
}

const LIVE = sql<boolean>`v.contact_id NOT IN (SELECT id FROM contacts WHERE deleted_at IS NOT NULL)`
const TRASHED = sql<boolean>`v.contact_id IN (SELECT id FROM contacts WHERE deleted_at IS NOT NULL)`

/**
 * The WHERE of a visits query, without the "live people only" condition (see listVisits).
 * Date limits are plain comparisons on visit_date so SQLite walks the date index.
 */
function filtersOf(q: VisitListQuery): RawBuilder<boolean>[] {
  const conditions = [...filtersToSql(columns, q.filter)]
  let from = q.from
  let to = q.to
  if (q.fiscalYear !== undefined) {
    const range = fiscalYearRange(q.fiscalYear)
    from = from && from > range.start ? from : range.start
    to = to && to < range.end ? to : range.end
  }
  if (from) conditions.push(sql<boolean>`v.visit_date >= ${from}`)
  if (to) conditions.push(sql<boolean>`v.visit_date <= ${to}`)
  if (q.programId) conditions.push(sql<boolean>`v.program_id = ${q.programId}`)
  if (q.standaloneOnly) conditions.push(sql<boolean>`v.program_id IS NULL`)
  if (q.mode) conditions.push(sql<boolean>`v.mode = ${q.mode}`)
  if (q.contactId) conditions.push(sql<boolean>`v.contact_id = ${q.contactId}`)
  if (q.municipalityCodes && q.municipalityCodes.length > 0) {
    conditions.push(sql<boolean>`v.municipality_code IN (${sql.join(q.municipalityCodes)})`)
  }
  return conditions
}

const and = (conditions: RawBuilder<boolean>[]) => (conditions.length === 0 ? sql<boolean>`1` : sql.join(conditions, sql` AND `))

/** Which joins a query needs: a count joins only what its WHERE mentions, a page also what it sorts by. */
function joinsFor(q: VisitListQuery, forSort: boolean) {
  const sorts = (colId: VisitColumn) => forSort && q.sort.some((s) => s.colId === colId)
  const needsContact = q.filter.contactName !== undefined || sorts('contactName')
  const needsProgram = q.filter.programName !== undefined || sorts('programName')
  return sql.raw(
    `${needsContact ? 'JOIN contacts c ON c.id = v.contact_id' : ''} ${needsProgram ? 'LEFT JOIN programs p ON p.id = v.program_id' : ''}`,
  )
}

/**
 * The page's FROM … WHERE. Sorted by 参加者 first, it walks live people in reading order
 * (contacts_kana) and their visits through visits_contact, so the first pages of a million
 * visits come in milliseconds instead of a multi-second sort of every row.
 */
function pageSource(q: VisitListQuery, filters: RawBuilder<boolean>[]): RawBuilder<unknown> {
  if (q.sort[0]?.colId !== 'contactName') return sql`FROM visits v ${joinsFor(q, true)} WHERE ${and([LIVE, ...filters])}`
  const program = q.filter.programName !== undefined || q.sort.some((s) => s.colId === 'programName')
  return sql`FROM contacts c CROSS JOIN visits v ON v.contact_id = c.id ${sql.raw(program ? 'LEFT JOIN programs p ON p.id = v.program_id' : '')}
    WHERE ${and([sql<boolean>`c.deleted_at IS NULL`, ...filters])}`
}

/** Visits of live people, newest first unless the grid sorts otherwise. */
export async function listVisits(db: Kysely<Database>, q: VisitListQuery): Promise<Page<VisitRow>> {
  const filters = filtersOf(q)
  const joins = joinsFor(q, false)
  const order = q.sort.length > 0 ? sortToSql(columns, q.sort, [], 'v.id') : sql.raw('v.visit_date DESC, v.id DESC')
  // Page the ids first (narrow index rows), then fetch names for just this page.
  const ids = await sql<{ id: string }>`
    SELECT v.id ${pageSource(q, filters)} ORDER BY ${order} LIMIT ${q.limit} OFFSET ${q.offset}`.execute(db)
  const byId = new Map(
    (
      await visitRowsByIds(
        db,
        ids.rows.map((r) => r.id),
      )
    ).map((r) => [r.id, r]),
  )
  const rows = ids.rows.map((r) => byId.get(r.id)!).filter(Boolean)
  // The total is all matching visits minus those of people in the trash: the first is read
  // from the per-month counts when the filter is only a 年度 and/or mode (the grid's common
  // views), otherwise an index count; the second is a few index lookups. A per-row "is this
  // person live?" test over a million visits would take ten times as long.
  const all = byMonthCounts(q)
    ? await sql<{
        n: number
      }>`SELECT coalesce(sum(${sql.raw(byMonthCounts(q)!)}), 0) AS n FROM visit_month_counts ${monthRange(q)}`.execute(db)
    : await sql<{ n: number }>`SELECT count(*) AS n FROM visits v ${joins} WHERE ${and(filters)}`.execute(db)
  const trashed = await sql<{
    n: number
  }>`SELECT count(*) AS n FROM visits v ${joins} WHERE ${and([TRASHED, ...filters])}`.execute(db)
  return { rows, total: (all.rows[0]?.n ?? 0) - (trashed.rows[0]?.n ?? 0) }
}

/** The visit_month_counts column sum that answers the query's count, when one can. */
function byMonthCounts(q: VisitListQuery): string | undefined {
  const onlyYearAndMode =
    Object.keys(q.filter).length === 0 &&
    !q.from &&
    !q.to &&
    !q.programId &&
    !q.standaloneOnly &&
    !q.contactId &&
    !q.municipalityCodes?.length
  if (!onlyYearAndMode) return undefined
  return q.mode === 'online' ? 'online' : q.mode === 'onsite' ? 'onsite' : 'onsite + online'
}

function monthRange(q: VisitListQuery): RawBuilder<unknown> {
  if (q.fiscalYear === undefined) return sql``
  return sql`WHERE month BETWEEN ${`${q.fiscalYear}-04`} AND ${`${q.fiscalYear + 1}-03`}`
}

async function visitRowsByIds(db: Kysely<Database>, ids: string[]): Promise<VisitRow[]> {
  if (ids.length === 0) return []
  const r = await sql<VisitRow>`
    SELECT v.id, v.contact_id, c.family_name || ' ' || c.given_name AS contact_name, v.program_id, p.name AS program_name,
           v.session_id, v.visit_date, v.mode, v.municipality_code, v.nights, v.purpose, v.notes
    FROM visits v JOIN contacts c ON c.id = v.contact_id LEFT JOIN programs p ON p.id = v.program_id
    WHERE v.id IN (${sql.join(ids)})`.execute(db)
  return r.rows.map((row) => ({ ...row, mode: row.mode as VisitMode }))
}

export async function findVisitRow(db: Kysely<Database>, id: string): Promise<VisitRow | undefined> {
  return (await visitRowsByIds(db, [id]))[0]
}

export async function findVisits(db: Kysely<Database>, ids: string[]) {
  const rows = []
  for (let i = 0; i < ids.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('visits')
        .selectAll()
        .where('id', 'in', ids.slice(i, i + 500))
        .execute()),
    )
  }
  return rows
}

export async function insertVisits(db: Kysely<Database>, rows: Insertable<VisitsTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('visits')
      .values(rows.slice(i, i + 500))
      .execute()
}

export async function updateVisit(db: Kysely<Database>, id: string, values: Updateable<VisitsTable>): Promise<void> {
  await db.updateTable('visits').set(values).where('id', '=', id).execute()
}

export async function deleteVisits(db: Kysely<Database>, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500)
    await db
      .deleteFrom('visits')
      .where('id', 'in', ids.slice(i, i + 500))
      .execute()
}

export async function countVisits(db: Kysely<Database>): Promise<number> {
  const r = await db
    .selectFrom('visits')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return r.n
}

/**
 * Whether a deleted visit can be written back as it was: its person, program and session
 * still exist, and (for a roster visit) that person is not on the session's roster again.
 */
export async function canRestoreVisit(
  db: Kysely<Database>,
  row: Pick<VisitsTable, 'contactId' | 'programId' | 'sessionId'>,
): Promise<boolean> {
  const r = await sql<{ ok: number }>`
    SELECT EXISTS (SELECT 1 FROM contacts WHERE id = ${row.contactId})
       AND (${row.programId} IS NULL OR EXISTS (SELECT 1 FROM programs WHERE id = ${row.programId} AND deleted_at IS NULL))
       AND (${row.sessionId} IS NULL OR (EXISTS (SELECT 1 FROM program_sessions WHERE id = ${row.sessionId})
            AND NOT EXISTS (SELECT 1 FROM visits WHERE session_id = ${row.sessionId} AND contact_id = ${row.contactId}))) AS ok`.execute(
    db,
  )
  return r.rows[0]?.ok === 1
}

/** Whether the person already has a visit from this session's roster. */
export async function hasSessionVisit(db: Kysely<Database>, sessionId: string, contactId: string): Promise<boolean> {
  const row = await db
    .selectFrom('visits')
    .select('id')
    .where('sessionId', '=', sessionId)
    .where('contactId', '=', contactId)
    .executeTakeFirst()
  return row !== undefined
}

/** Whether the person still exists (in the trash counts: only 完全に削除 removes the row). */
export async function contactExists(db: Kysely<Database>, contactId: string): Promise<boolean> {
  return (await db.selectFrom('contacts').select('id').where('id', '=', contactId).executeTakeFirst()) !== undefined
}

/** Months ('2025-08') with at least one visit, from the per-month counts (a few hundred rows). */
export async function monthsWithVisits(db: Kysely<Database>): Promise<string[]> {
  const r = await sql<{ month: string }>`SELECT month FROM visit_month_counts WHERE onsite + online > 0`.execute(db)
  return r.rows.map((row) => row.month)
}
