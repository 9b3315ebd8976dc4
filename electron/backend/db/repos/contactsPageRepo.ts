import type { Database as Sqlite, Statement } from 'better-sqlite3'
import type { RawBuilder } from 'kysely'
import type { DbHandle } from '../connection'
import type { ContactRow } from './contactsRepo'

/**
 * The participants grid's hot path on the raw connection: one page and its count, then the
 * page's tags. Kysely still builds the WHERE and ORDER BY (so filters stay in one place); the
 * statements are prepared once per distinct SQL and rows come back with camelCase aliases,
 * which spares compiling and key-mapping 100 rows × 27 columns on every scroll.
 */
const columns: Record<keyof Omit<ContactRow, 'searchKey'>, string> = {
  id: 'id',
  familyName: 'family_name',
  givenName: 'given_name',
  familyKana: 'family_kana',
  givenKana: 'given_kana',
  email: 'email',
  phone: 'phone',
  postalCode: 'postal_code',
  prefectureCode: 'prefecture_code',
  municipalityCode: 'municipality_code',
  address: 'address',
  birthDate: 'birth_date',
  birthYear: 'birth_year',
  gender: 'gender',
  occupation: 'occupation',
  affiliation: 'affiliation',
  roots: 'roots',
  basis: 'basis',
  firstContact: 'first_contact',
  stage: 'stage',
  consentDate: 'consent_date',
  consentMethod: 'consent_method',
  consentPurposes: 'consent_purposes',
  notes: 'notes',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  deletedAt: 'deleted_at',
}
const selectList = Object.entries(columns)
  .map(([alias, column]) => (alias === column ? column : `${column} AS "${alias}"`))
  .join(', ')

export type PageRow = Omit<ContactRow, 'searchKey'>

const caches = new WeakMap<Sqlite, Map<string, Statement>>()
function prepared(sqlite: Sqlite, source: string): Statement {
  let cache = caches.get(sqlite)
  if (!cache) caches.set(sqlite, (cache = new Map()))
  let statement = cache.get(source)
  if (!statement) {
    // Filters produce a bounded variety of SQL, but keep the cache from growing without end.
    if (cache.size > 300) cache.clear()
    statement = sqlite.prepare(source)
    cache.set(source, statement)
  }
  return statement
}

/**
 * Index choices SQLite cannot make without statistics (it assumes an equality filter keeps
 * ~10 rows): `count` names a narrow index that holds the filtered column, so counting a
 * "contains" filter reads that index instead of 100k wide rows; `sort` names the index of
 * the sort order, walked when many rows match (sorting them all would cost more).
 */
export interface IndexHints {
  count?: string
  sort?: string
  /** The page's index whatever the count (a short search: scan its narrow index, sort the hits). */
  page?: string
}

/** Above this many matches, walking the sort index beats sorting the matches. */
const WALK_SORT_INDEX_ABOVE = 2000

/** Forgets the prepared statements (the backend benchmark captures every statement it runs). */
export function clearStatementCache(sqlite: Sqlite): void {
  caches.delete(sqlite)
}

export function pageOfContacts(
  handle: DbHandle,
  where: { page: RawBuilder<unknown>; count: RawBuilder<unknown> },
  orderBy: RawBuilder<unknown>,
  limit: number,
  offset: number,
  hints: IndexHints = {},
): { rows: PageRow[]; total: number } {
  const w = where.page.compile(handle.db)
  const c = where.count.compile(handle.db)
  const o = orderBy.compile(handle.db)
  if (hints.page && hints.page === hints.count) {
    // A short search (1–2 characters) must scan its narrow index: scan it once for every hit
    // (which is the count), then sort only the hits, instead of scanning once per query.
    const hits = prepared(handle.sqlite, `SELECT rowid FROM contacts INDEXED BY ${hints.count} WHERE ${c.sql}`)
      .pluck(true)
      .all(...c.parameters) as number[]
    const rows = prepared(
      handle.sqlite,
      `SELECT ${selectList} FROM contacts WHERE rowid IN (SELECT value FROM json_each(?)) ORDER BY ${o.sql} LIMIT ? OFFSET ?`,
    ).all(JSON.stringify(hits), ...o.parameters, limit, offset) as PageRow[]
    return { rows, total: hits.length }
  }
  const countFrom = hints.count ? `contacts INDEXED BY ${hints.count}` : 'contacts'
  const { total } = prepared(handle.sqlite, `SELECT count(*) AS total FROM ${countFrom} WHERE ${c.sql}`).get(...c.parameters) as {
    total: number
  }
  const pageIndex = hints.page ?? (hints.sort && total > WALK_SORT_INDEX_ABOVE ? hints.sort : undefined)
  const pageFrom = pageIndex ? `contacts INDEXED BY ${pageIndex}` : 'contacts'
  const rows = prepared(
    handle.sqlite,
    `SELECT ${selectList} FROM ${pageFrom} WHERE ${w.sql} ORDER BY ${o.sql} LIMIT ? OFFSET ?`,
  ).all(...w.parameters, ...o.parameters, limit, offset) as PageRow[]
  return { rows, total }
}

/** Tag names of each person on a page, in name order. */
export function tagNamesOfPage(handle: DbHandle, contactIds: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>()
  if (contactIds.length === 0) return out
  const rows = prepared(
    handle.sqlite,
    `SELECT ct.contact_id AS contactId, t.name AS name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
     WHERE ct.contact_id IN (SELECT value FROM json_each(?)) ORDER BY t.name`,
  ).all(JSON.stringify(contactIds)) as { contactId: string; name: string }[]
  for (const r of rows) {
    const list = out.get(r.contactId)
    if (list) list.push(r.name)
    else out.set(r.contactId, [r.name])
  }
  return out
}

/** How many people carry any of these tags (from the tag index alone). */
export function countTagged(handle: DbHandle, tagIds: string[]): number {
  const row = prepared(
    handle.sqlite,
    `SELECT count(*) AS n FROM contact_tags WHERE tag_id IN (SELECT value FROM json_each(?))`,
  ).get(JSON.stringify(tagIds))
  return (row as { n: number }).n
}
