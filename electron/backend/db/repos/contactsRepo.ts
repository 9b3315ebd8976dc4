import { sql } from 'kysely'
import type { Kysely, Selectable, Updateable, Insertable } from 'kysely'
import type { Contact } from '../../../../shared/contract/contacts'
import type { ContactColumn } from '../../../../shared/contract/methods'
import type { ColumnFilter } from '../../../../shared/contract/listQuery'
import { normalizeForSearch, normalizeWidth, toKatakana } from '../../../../shared/domain/kana'
import { stages } from '../../../../shared/domain/vocabulary'
import type { GenderCode, BasisCode, RootsCode, StageCode } from '../../../../shared/domain/vocabulary'
import type { DbHandle } from '../connection'
import type { ContactsTable, Database } from '../schema'
import { countTagged, pageOfContacts } from './contactsPageRepo'
import type { PageRow } from './contactsPageRepo'
import { filtersToSql, sortToSql } from './gridQuery'
import { importPeopleCondition } from './importPeopleRepo'
import type { GridColumns } from './gridQuery'

export type ContactRow = Selectable<ContactsTable>

const kana = (s: string) => toKatakana(normalizeWidth(s)).trim()
const kanaOrder = ['(family_kana IS NULL)', 'family_kana', 'given_kana']

/**
 * Stage order along the path. Must match the expression of the contacts_stage_order index
 * character for character, or SQLite sorts 100k rows instead of walking the index.
 */
export const stageOrderSql = `(CASE stage ${stages.codes.map((code, i) => `WHEN '${code}' THEN ${i + 1}`).join(' ')} END)`

/**
 * 生年月日 as the grid filters and sorts it: a birth year alone stands for 1 July of that year
 * (as the reports assume). Must match the contacts_sort_birth index (migration 0010) exactly.
 */
export const birthSortSql = `coalesce(birth_date, birth_year || '-07-01')`

/** Grid columns stored on the contacts row itself (tags live in contact_tags, imports in import_batch_items). */
type RowColumn = Exclude<ContactColumn, 'tags' | 'importBatch'>

/** Participants grid columns → SQL. Kana filters see through hiragana/half-width input. */
export const contactGridColumns: GridColumns<RowColumn> = {
  familyName: { sql: 'family_name', kind: 'text' },
  givenName: { sql: 'given_name', kind: 'text' },
  familyKana: { sql: 'family_kana', kind: 'text', normalize: kana, sort: kanaOrder },
  givenKana: { sql: 'given_kana', kind: 'text', normalize: kana },
  email: { sql: 'email', kind: 'text', normalize: (s) => s.toLowerCase() },
  phone: { sql: 'phone', kind: 'text' },
  postalCode: { sql: 'postal_code', kind: 'text' },
  prefectureCode: { sql: 'prefecture_code', kind: 'code' },
  municipalityCode: { sql: 'municipality_code', kind: 'code' },
  address: { sql: 'address', kind: 'text' },
  birthDate: { sql: birthSortSql, kind: 'date' },
  birthYear: { sql: 'birth_year', kind: 'number' },
  gender: { sql: 'gender', kind: 'code' },
  occupation: { sql: 'occupation', kind: 'text' },
  affiliation: { sql: 'affiliation', kind: 'text' },
  roots: { sql: 'roots', kind: 'code' },
  basis: { sql: 'basis', kind: 'code' },
  firstContact: { sql: 'first_contact', kind: 'text' },
  // Stages sort in their order along the path (つかむ → 移住済), not by code or label.
  stage: { sql: 'stage', kind: 'code', sort: [stageOrderSql, ...kanaOrder] },
  consentDate: { sql: 'consent_date', kind: 'date' },
  notes: { sql: 'notes', kind: 'text' },
  createdAt: { sql: 'created_at', kind: 'date' },
  updatedAt: { sql: 'updated_at', kind: 'date' },
}

export interface ContactListQuery {
  offset: number
  limit: number
  sort: { colId: ContactColumn; sort: 'asc' | 'desc' }[]
  filter: Partial<Record<ContactColumn, ColumnFilter>>
  search: string
}

/**
 * The search box. 3+ characters: the FTS5 trigram index (an index lookup); shorter needles
 * cannot be trigram-matched and fall back to scanning the stored keys with instr().
 */
function searchCondition(needle: string) {
  if ([...needle].length < 3) return sql<boolean>`instr(search_key, ${needle}) > 0`
  const phrase = `"${needle.replaceAll('"', '""')}"`
  return sql<boolean>`id IN (SELECT k.contact_id FROM contacts_fts JOIN contact_search_keys k ON k.n = contacts_fts.rowid WHERE contacts_fts MATCH ${phrase})`
}

/**
 * Tag pick-list: people carrying any of the tags; null stands for "no tag at all". A tag many
 * people carry is checked row by row while the sort index is walked (EXISTS); a rare one is
 * looked up first and only its people sorted (IN). `tagged` is how many carry the tags.
 */
function tagCondition(filter: ColumnFilter, tagged: number) {
  if (filter.filterType !== 'set') return sql<boolean>`1`
  const tagIds = filter.values.filter((v): v is string => v !== null)
  const parts = []
  if (tagIds.length > 0) {
    parts.push(
      tagged > MANY_TAGGED
        ? sql<boolean>`EXISTS (SELECT 1 FROM contact_tags t WHERE t.contact_id = contacts.id AND t.tag_id IN (${sql.join(tagIds)}))`
        : sql<boolean>`id IN (SELECT contact_id FROM contact_tags WHERE tag_id IN (${sql.join(tagIds)}))`,
    )
  }
  if (filter.values.includes(null))
    parts.push(sql<boolean>`NOT EXISTS (SELECT 1 FROM contact_tags t WHERE t.contact_id = contacts.id)`)
  return parts.length === 0 ? sql<boolean>`0` : sql<boolean>`(${sql.join(parts, sql` OR `)})`
}
const MANY_TAGGED = 2000

/**
 * A number range on a column with a sort index ((x IS NULL), x): saying "x IS NULL is
 * false" pins the index's first term, so the range (and its count) is an index range scan.
 */
function rangeHints(filter: ContactListQuery['filter']) {
  const hints = []
  for (const [colId, f] of Object.entries(filter)) {
    const column = contactGridColumns[colId as RowColumn]
    if (column?.kind !== 'number' || !f || f.filterType !== 'number' || !('type' in f) || ['blank', 'notEqual'].includes(f.type))
      continue
    hints.push(sql<boolean>`${sql.raw(`(${column.sql} IS NULL)`)} = 0`)
  }
  return hints
}

function whereOf(q: Pick<ContactListQuery, 'filter' | 'search'>, tagged = 0) {
  const { tags, importBatch, ...rowFilters } = q.filter
  const conditions = [
    sql<boolean>`deleted_at IS NULL`,
    ...rangeHints(rowFilters),
    ...filtersToSql(contactGridColumns, rowFilters),
  ]
  if (tags) conditions.push(tagCondition(tags, tagged))
  if (importBatch) conditions.push(importPeopleCondition(importBatch))
  const needle = normalizeForSearch(q.search)
  if (needle !== '') conditions.push(searchCondition(needle))
  return sql.join(conditions, sql` AND `)
}

/** Columns with a sort index contacts_sort_x ((x IS NULL), x, then the rowid; migrations 0002, 0008 and 0010). */
const sortIndexed = new Map<string, string>([[birthSortSql, 'contacts_sort_birth']])
for (const column of [
  'family_name',
  'given_name',
  'email',
  'phone',
  'prefecture_code',
  'municipality_code',
  'birth_date',
  'birth_year',
  'occupation',
  'affiliation',
  'created_at',
  'updated_at',
])
  sortIndexed.set(column, `contacts_sort_${column}`)

/** The index whose order is this sort's order, if one sort column has one. */
function sortIndexOf(sort: { colId: RowColumn }[]): string | undefined {
  if (sort.length === 0) return 'contacts_kana'
  if (sort.length > 1) return undefined
  const colId = sort[0]!.colId
  if (colId === 'familyKana') return 'contacts_kana'
  if (colId === 'stage') return 'contacts_stage_order'
  const column = contactGridColumns[colId].sql
  return sortIndexed.get(column)
}

/**
 * A narrow index holding everything the count reads, for filters no index can seek (text
 * "contains", short searches): only when that is the one condition besides deleted_at.
 */
function countIndexOf(
  rowFilters: Partial<Record<RowColumn, ColumnFilter>>,
  needle: string,
  hasTags: boolean,
): string | undefined {
  const filtered = Object.keys(rowFilters) as RowColumn[]
  // Tags (or an import's people) alone: those people are checked for deleted_at in the narrow live-id index.
  if (hasTags) return filtered.length === 0 && needle === '' ? 'contacts_live_id' : undefined
  if (filtered.length === 0) return needle !== '' && [...needle].length < 3 ? 'contacts_search_key' : undefined
  if (filtered.length > 1 || needle !== '') return undefined
  const column = contactGridColumns[filtered[0]!]
  if (column.kind !== 'text') return undefined
  if (column.sql === 'family_kana' || column.sql === 'given_kana') return 'contacts_kana'
  return sortIndexed.get(column.sql)
}

/** A page of the participants grid and the number of people matching its filters. */
export function listContacts(handle: DbHandle, q: ContactListQuery): { rows: PageRow[]; total: number } {
  const sort = q.sort.filter(
    (s): s is { colId: RowColumn; sort: 'asc' | 'desc' } => s.colId !== 'tags' && s.colId !== 'importBatch',
  )
  const { tags, importBatch, ...rowFilters } = q.filter
  const tagIds = tags?.filterType === 'set' ? tags.values.filter((v): v is string => v !== null) : []
  const tagged = tagIds.length > 0 ? countTagged(handle, tagIds) : 0
  const needle = normalizeForSearch(q.search)
  const count = countIndexOf(rowFilters, needle, tags !== undefined || importBatch !== undefined)
  // Search hits (a name like ヤマダ) cluster anywhere in the sort order, so walking it can read
  // most of the index: find the hits first and sort them. A short search scans its narrow index.
  const hints = {
    count,
    sort: needle === '' ? sortIndexOf(sort) : undefined,
    page: count === 'contacts_search_key' ? count : undefined,
  }
  // Ties go as the sort's index keeps them: by rowid in a contacts_sort_* index (migration
  // 0008), by id in the kana-ordered ones, so the page is read in index order, never sorted.
  const tieBreak = sortIndexOf(sort)?.startsWith('contacts_sort_') ? 'rowid' : 'id'
  // Counting always starts from the tag's own index; only the page walks the sort index.
  return pageOfContacts(
    handle,
    { page: whereOf(q, tagged), count: whereOf(q, 0) },
    sortToSql(contactGridColumns, sort, kanaOrder, tieBreak),
    q.limit,
    q.offset,
    hints,
  )
}

/** Tag names of each person (for a grid page), in name order. */
export async function tagNamesOf(db: Kysely<Database>, contactIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>()
  if (contactIds.length === 0) return out
  const rows = await db
    .selectFrom('contactTags')
    .innerJoin('tags', 'tags.id', 'contactTags.tagId')
    .select(['contactTags.contactId', 'tags.name'])
    .where('contactTags.contactId', 'in', contactIds)
    .orderBy('tags.name')
    .execute()
  for (const r of rows) {
    const list = out.get(r.contactId)
    if (list) list.push(r.name)
    else out.set(r.contactId, [r.name])
  }
  return out
}

/** People by id, deleted or not (undo and bulk actions need both). */
export async function findContactsAnyState(db: Kysely<Database>, ids: string[]): Promise<ContactRow[]> {
  const out: ContactRow[] = []
  for (let i = 0; i < ids.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('contacts')
        .selectAll()
        .where('id', 'in', ids.slice(i, i + 500))
        .execute()),
    )
  }
  return out
}

/** A live (not soft-deleted) person, or undefined. */
export async function findContact(db: Kysely<Database>, id: string): Promise<ContactRow | undefined> {
  return db.selectFrom('contacts').selectAll().where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst()
}

export async function insertContact(db: Kysely<Database>, row: Insertable<ContactsTable>): Promise<void> {
  await db.insertInto('contacts').values(row).execute()
}

export async function updateContact(db: Kysely<Database>, id: string, values: Updateable<ContactsTable>): Promise<void> {
  await db.updateTable('contacts').set(values).where('id', '=', id).execute()
}

/** Sets or clears deleted_at; returns how many rows actually changed state. */
export async function setContactsDeleted(db: Kysely<Database>, ids: string[], deletedAt: string | null): Promise<string[]> {
  const changed: string[] = []
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500)
    const rows = await db
      .updateTable('contacts')
      .set({ deletedAt, updatedAt: new Date().toISOString() })
      .where('id', 'in', chunk)
      .where('deletedAt', deletedAt === null ? 'is not' : 'is', null)
      .returning('id')
      .execute()
    changed.push(...rows.map((r) => r.id))
  }
  return changed
}

export async function countContacts(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('contacts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('deletedAt', 'is', null)
    .executeTakeFirstOrThrow()
  return row.n
}

/** Field by field rather than rest/spread: this runs for every row of every grid page. */
export function toContact(r: Omit<ContactRow, 'searchKey'>): Contact {
  return {
    id: r.id,
    familyName: r.familyName,
    givenName: r.givenName,
    familyKana: r.familyKana,
    givenKana: r.givenKana,
    email: r.email,
    phone: r.phone,
    postalCode: r.postalCode,
    prefectureCode: r.prefectureCode,
    municipalityCode: r.municipalityCode,
    address: r.address,
    birthDate: r.birthDate,
    birthYear: r.birthYear,
    gender: r.gender as GenderCode | null,
    occupation: r.occupation,
    affiliation: r.affiliation,
    roots: r.roots as RootsCode | null,
    basis: r.basis as BasisCode | null,
    firstContact: r.firstContact,
    stage: r.stage as StageCode,
    consentDate: r.consentDate,
    consentMethod: r.consentMethod,
    consentPurposes: r.consentPurposes === '[]' ? [] : (JSON.parse(r.consentPurposes) as string[]),
    notes: r.notes,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }
}

/** Stage-history lines an undone stage change had added. */
export async function deleteStageChanges(db: Kysely<Database>, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .deleteFrom('stageHistory')
      .where('id', 'in', ids.slice(i, i + 500))
      .execute()
  }
}
