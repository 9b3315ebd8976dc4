import type { Database as Sqlite } from 'better-sqlite3'
import type {
  MonthRow,
  PersonYearRow,
  StageEntry,
  ProgramRow,
  ProgramSessionRow,
  ReportScope,
} from '../../../../shared/domain/reports/types'
import type {
  BasisCode,
  FundingSource,
  GenderCode,
  RootsCode,
  SessionMode,
  StageCode,
} from '../../../../shared/domain/vocabulary'

/**
 * The SQL behind fiscal-year reports. It runs on the raw connection (a report reads up to a
 * million visits) and aggregates in SQLite: one row per person involved in the year, so the
 * domain's breakdowns all walk the same rows. Deleted (soft-deleted) people never count.
 * Unscoped reports read the per-person-year and per-month totals that migration 0003's
 * triggers keep in step with visits; reports narrowed to programs group the visits themselves.
 * The property test (test/backend/reports.property.test.ts) holds both paths to a naive count.
 */

export interface ReportParams {
  start: string
  end: string
  previousStart: string
  previousEnd: string
  windowStart: string
  includeOnline: boolean
  scope: ReportScope
  /** Soft-deleted people, read once per report so that no query has to ask row by row. */
  deletedIds: string[]
}

/** Ids of soft-deleted people: one scan, shared by every query of the report. */
export function deletedContactIds(sqlite: Sqlite): string[] {
  return sqlite.prepare('SELECT id FROM contacts WHERE deleted_at IS NOT NULL').pluck().all() as string[]
}

/**
 * The report's scope as a condition on `alias`'s program_id (the figures and the roster share
 * it). An empty scope adds none: every visit counts, standalone ones too.
 */
export function scopeSql(alias: string, scope: ReportScope): string {
  const parts: string[] = []
  if (scope.programIds.length > 0) parts.push(`${alias}.program_id IN (SELECT value FROM json_each(@programIds))`)
  // A program in the trash is not reported on (no row of its own; the dashboard leaves it out too).
  if (scope.fundingSource)
    parts.push(`${alias}.program_id IN (SELECT id FROM programs WHERE funding_source = @fundingSource AND deleted_at IS NULL)`)
  return parts.length > 0 ? ' AND ' + parts.join(' AND ') : ''
}

function bind(p: ReportParams): Record<string, unknown> {
  return {
    start: p.start,
    end: p.end,
    previousStart: p.previousStart,
    previousEnd: p.previousEnd,
    windowStart: p.windowStart,
    programIds: JSON.stringify(p.scope.programIds),
    fundingSource: p.scope.fundingSource ?? null,
    deleted: JSON.stringify(p.deletedIds),
  }
}

const NOT_DELETED = (column: string) => `${column} NOT IN (SELECT value FROM json_each(@deleted))`

function continuingSql(p: ReportParams): string {
  // The common settings need no second look at the visits.
  if (p.windowStart === p.start) return p.includeOnline ? 'y.involvements' : 'y.onsite'
  return `(SELECT count(*) FROM visits w WHERE w.contact_id = y.contact_id AND w.visit_date BETWEEN @windowStart AND @end${
    p.includeOnline ? '' : " AND w.mode = 'onsite'"
  }${scopeSql('w', p.scope)})`
}

type PersonRaw = [
  string,
  number,
  number,
  string | null,
  string | null,
  string | null,
  number | null,
  string | null,
  string | null,
  string | null,
  string | null,
]

/**
 * 'YYYY-MM-DDstage:rowid,…' (from group_concat, in no set order) → entries, oldest first;
 * changes made on one day in the order they were recorded (their rowid).
 */
function parseStageHistory(text: string | null): StageEntry[] {
  if (!text) return []
  const entries = text.split(',').map((item) => {
    const colon = item.lastIndexOf(':')
    return { on: item.slice(0, 10), stage: item.slice(10, colon) as StageCode, seq: Number(item.slice(colon + 1)) }
  })
  if (entries.length > 1) entries.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.seq - b.seq))
  return entries.map(({ on, stage }) => ({ on, stage }))
}

/**
 * One row per person involved in the year. The inner GROUP BY reads only the covering index
 * visits_date_facts (visit_date, contact_id, mode, nights); "new" and "returning" need one
 * index seek per person (the last involvement before April 1), and the person's 段階の履歴 up
 * to March 31 comes along as one short string, in the order it was recorded.
 */
export function peopleOfYear(sqlite: Sqlite, p: ReportParams): PersonYearRow[] {
  const sql = isUnscoped(p) ? peopleFromYearFactsSql(p) : peopleFromVisitsSql(p)
  const rows = sqlite.prepare(sql).raw(true).all(bind(p)) as PersonRaw[]
  return rows.map((r) => ({
    contactId: r[0],
    involvements: r[1],
    continuingCount: r[2] as number,
    lastBefore: r[3],
    prefectureCode: r[4],
    birthDate: r[5],
    birthYear: r[6],
    gender: r[7] as GenderCode | null,
    roots: r[8] as RootsCode | null,
    basis: r[9] as BasisCode | null,
    stageHistory: parseStageHistory(r[10]),
  }))
}

function isUnscoped(p: ReportParams): boolean {
  return p.scope.programIds.length === 0 && !p.scope.fundingSource
}

/**
 * The person's columns and 段階の履歴 up to the year's end. The history comes unordered, each
 * entry with its rowid, and parseStageHistory orders it: an ORDER BY inside group_concat made
 * SQLite sort every person's one or two entries in a temporary b-tree, ~85 ms of a 460 ms
 * report on 43k people (the covering index already reads them by day; only same-day ties need
 * the rowid).
 */
const PERSON_COLUMNS = `c.prefecture_code, c.birth_date, c.birth_year, c.gender, c.roots, c.basis,
      (SELECT group_concat(h.changed_on || h.stage || ':' || h.rowid, ',') FROM stage_history h
        WHERE h.contact_id = y.contact_id AND h.changed_on <= @end)`

/**
 * Every visit counts: read contact_year_visits, the per person and 年度 totals that triggers
 * keep in step with visits (migration 0003), instead of grouping the year's visits again.
 */
function peopleFromYearFactsSql(p: ReportParams): string {
  const fiscalYear = Number(p.start.slice(0, 4))
  const months =
    Number(p.end.slice(0, 4)) * 12 + 3 - (Number(p.windowStart.slice(0, 4)) * 12 + Number(p.windowStart.slice(5, 7)) - 1)
  const counted = p.includeOnline ? 'visits' : 'visits - online'
  const continuing =
    p.windowStart === p.start
      ? `y.${counted}`
      : months % 12 === 0 && p.windowStart.endsWith('-04-01')
        ? `(SELECT sum(${counted}) FROM contact_year_visits w WHERE w.contact_id = y.contact_id AND w.fiscal_year BETWEEN ${fiscalYear - months / 12 + 1} AND ${fiscalYear})`
        : continuingSql(p)
  return `
    SELECT y.contact_id, y.visits, ${continuing},
      (SELECT max(f.last_visit) FROM contact_year_visits f WHERE f.contact_id = y.contact_id AND f.fiscal_year < ${fiscalYear}),
      ${PERSON_COLUMNS}
    FROM contact_year_visits y JOIN contacts c ON c.id = y.contact_id
    WHERE y.fiscal_year = ${fiscalYear} AND c.deleted_at IS NULL`
}

/** Narrowed to programs or a funding source: group the year's visits in scope. */
function peopleFromVisitsSql(p: ReportParams): string {
  return `
    SELECT y.contact_id, y.involvements, ${continuingSql(p)},
      (SELECT max(f.visit_date) FROM visits f WHERE f.contact_id = y.contact_id AND f.visit_date < @start${scopeSql('f', p.scope)}),
      ${PERSON_COLUMNS}
    FROM (
      SELECT v.contact_id, count(*) AS involvements${p.includeOnline ? '' : ", sum(v.mode = 'onsite') AS onsite"}
      FROM visits v
      WHERE v.visit_date BETWEEN @start AND @end${scopeSql('v', p.scope)}
      GROUP BY v.contact_id
    ) y JOIN contacts c ON c.id = y.contact_id
    WHERE c.deleted_at IS NULL`
}

/**
 * Who a query counts. Asking "is this person deleted?" for each of a million visits costs more
 * than the query itself, so each aggregate runs over everyone and then, separately, over the
 * few deleted people (through the contact_id indexes); the second result is subtracted.
 */
type Population = 'everyone' | 'deleted'

function populationSql(column: string, population: Population): string {
  return population === 'deleted' ? ` AND ${column} IN (SELECT value FROM json_each(@deleted))` : ''
}

/**
 * A program column filtered on the year's programs. For the deleted people the `+` keeps
 * SQLite from reading every row of those programs (it preferred the program index, 45 ms on a
 * million visits) and sends it through the people's own contact_id index instead (0.1 ms).
 */
function programColumn(column: string, population: Population): string {
  return population === 'deleted' ? `+${column}` : column
}

type NumericKeys<T> = { [K in keyof T]: T[K] extends number ? K : never }[keyof T]

function minusDeleted<T>(
  p: ReportParams,
  query: (population: Population) => T[],
  key: (row: T) => string,
  fields: NumericKeys<T>[],
  dropEmpty = true,
): T[] {
  const rows = query('everyone')
  if (p.deletedIds.length === 0) return rows
  const byKey = new Map(rows.map((r) => [key(r), r]))
  for (const d of query('deleted')) {
    const row = byKey.get(key(d))
    if (row) for (const f of fields) (row[f] as number) -= d[f] as number
  }
  return dropEmpty ? rows.filter((r) => fields.some((f) => r[f] !== 0)) : rows
}

/** Involvements per calendar month 'YYYY-MM' with their modes and nights (index-only when unscoped). */
export function involvementsByMonth(sqlite: Sqlite, p: ReportParams): MonthRow[] {
  const query = (population: Population) =>
    // Every visit counts: visit_month_counts (kept by triggers, migration 0003) has the totals.
    isUnscoped(p) && population === 'everyone'
      ? (sqlite
          .prepare(
            `SELECT month, onsite + online AS count, onsite, online, nights FROM visit_month_counts
            WHERE month BETWEEN substr(@start, 1, 7) AND substr(@end, 1, 7)`,
          )
          .all(bind(p)) as MonthRow[])
      : (sqlite
          .prepare(
            `SELECT substr(v.visit_date, 1, 7) AS month, count(*) AS count, sum(v.mode = 'onsite') AS onsite,
          sum(v.mode = 'online') AS online, sum(v.nights) AS nights
        FROM visits v
        WHERE v.visit_date BETWEEN @start AND @end${populationSql('v.contact_id', population)}${scopeSql('v', p.scope)}
        GROUP BY month`,
          )
          .all(bind(p)) as MonthRow[])
  return minusDeleted(p, query, (r) => r.month, ['count', 'onsite', 'online', 'nights'])
}

/**
 * A session's day is its Japanese calendar day: starts_at is a UTC instant, and our users
 * (and their funders' 年度) are on Japan time, which has no daylight saving.
 */
const SESSION_DAY = "date(s.starts_at, '+9 hours')"

function sessionScopeSql(scope: ReportScope): string {
  return scopeSql('s', scope)
}

/** People at the year's sessions not known by name, of programs not in the trash (as the dashboard counts them). */
export function anonymousHeadcount(sqlite: Sqlite, p: ReportParams): number {
  const sql = `SELECT coalesce(sum(s.anonymous_headcount), 0) AS n FROM program_sessions s
    WHERE ${SESSION_DAY} BETWEEN @start AND @end${sessionScopeSql(p.scope)}
      AND s.program_id IN (SELECT id FROM programs WHERE deleted_at IS NULL)`
  return (sqlite.prepare(sql).get(bind(p)) as { n: number }).n
}

/** With a narrowed scope, only people who took part in it by the end of the year. */
function involvedInScopeSql(column: string, p: ReportParams): string {
  if (p.scope.programIds.length === 0 && !p.scope.fundingSource) return ''
  return ` AND EXISTS (SELECT 1 FROM visits v WHERE v.contact_id = ${column} AND v.visit_date <= @end${scopeSql('v', p.scope)})`
}

export function movedInCount(sqlite: Sqlite, p: ReportParams): number {
  const sql = `SELECT count(DISTINCT h.contact_id) AS n FROM stage_history h
    WHERE h.stage = 'moved_in' AND h.changed_on BETWEEN @start AND @end AND ${NOT_DELETED('h.contact_id')}${involvedInScopeSql('h.contact_id', p)}`
  return (sqlite.prepare(sql).get(bind(p)) as { n: number }).n
}

/**
 * The year's programs in scope, with enrollment counts and their own 実人数/延べ人数: two
 * grouped queries over all the year's programs at once (hundreds of programs stay cheap).
 */
export function programsOfYear(sqlite: Sqlite, fiscalYear: number, p: ReportParams): ProgramRow[] {
  const filters: string[] = []
  if (p.scope.programIds.length > 0) filters.push('p.id IN (SELECT value FROM json_each(@programIds))')
  if (p.scope.fundingSource) filters.push('p.funding_source = @fundingSource')
  const inYear = `SELECT p.id FROM programs p WHERE p.deleted_at IS NULL AND p.fiscal_year = @fiscalYear${filters.map((f) => ' AND ' + f).join('')}`
  const args = { ...bind(p), fiscalYear }
  const programs = sqlite
    .prepare(
      `SELECT p.id, p.name, p.funding_source AS fundingSource FROM programs p
      WHERE p.id IN (${inYear}) ORDER BY p.start_date, p.name, p.id`,
    )
    .all(args) as Pick<ProgramRow, 'id' | 'name' | 'fundingSource'>[]
  type Enrolled = { id: string; applicants: number; confirmed: number; completed: number }
  const enrolled = minusDeleted(
    p,
    (population) =>
      sqlite
        .prepare(
          `SELECT e.program_id AS id, count(*) AS applicants, sum(e.status IN ('confirmed','completed')) AS confirmed,
            sum(e.status = 'completed') AS completed
          FROM enrollments e WHERE ${programColumn('e.program_id', population)} IN (${inYear})${populationSql('e.contact_id', population)}
          GROUP BY e.program_id`,
        )
        .all(args) as Enrolled[],
    (r) => r.id,
    ['applicants', 'confirmed', 'completed'],
  )
  type Involved = { id: string; uniquePeople: number; totalInvolvements: number }
  const involved = minusDeleted(
    p,
    (population) =>
      sqlite
        .prepare(
          `SELECT v.program_id AS id, count(DISTINCT v.contact_id) AS uniquePeople, count(*) AS totalInvolvements
          FROM visits v WHERE ${programColumn('v.program_id', population)} IN (${inYear}) AND v.visit_date BETWEEN @start AND @end${populationSql('v.contact_id', population)}
          GROUP BY v.program_id`,
        )
        .all(args) as Involved[],
    (r) => r.id,
    ['uniquePeople', 'totalInvolvements'],
  )
  const e = new Map(enrolled.map((r) => [r.id, r]))
  const v = new Map(involved.map((r) => [r.id, r]))
  return programs.map((program) => ({
    ...program,
    applicants: e.get(program.id)?.applicants ?? 0,
    confirmed: e.get(program.id)?.confirmed ?? 0,
    completed: e.get(program.id)?.completed ?? 0,
    uniquePeople: v.get(program.id)?.uniquePeople ?? 0,
    totalInvolvements: v.get(program.id)?.totalInvolvements ?? 0,
  }))
}

/**
 * The year's sessions of the year's programs: a session dated in another 年度 belongs to that
 * year's figures (its anonymous headcount and attendance are counted there), not to this row.
 */
export function sessionsOfPrograms(
  sqlite: Sqlite,
  programIds: string[],
  p: Pick<ReportParams, 'start' | 'end'>,
): ProgramSessionRow[] {
  const sql = `SELECT s.program_id AS programId, ${SESSION_DAY} AS date, s.place, s.mode, s.anonymous_headcount AS anonymousHeadcount
    FROM program_sessions s WHERE s.program_id IN (SELECT value FROM json_each(@ids)) AND ${SESSION_DAY} BETWEEN @start AND @end
    ORDER BY s.starts_at, s.id`
  return sqlite.prepare(sql).all({ ids: JSON.stringify(programIds), start: p.start, end: p.end }) as (ProgramSessionRow & {
    mode: SessionMode
  })[]
}

/** Names of chosen programs (any year), for the report's scope line. */
export function programNames(sqlite: Sqlite, ids: string[]): string[] {
  if (ids.length === 0) return []
  const rows = sqlite
    .prepare('SELECT name FROM programs WHERE id IN (SELECT value FROM json_each(@ids)) ORDER BY start_date, name')
    .all({ ids: JSON.stringify(ids) }) as { name: string }[]
  return rows.map((r) => r.name)
}
