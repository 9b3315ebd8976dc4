import { sql } from 'kysely'
import type { Kysely, Selectable, Updateable, Insertable } from 'kysely'
import type { Contact } from '../../../../shared/contract/contacts'
import type { ContactColumn } from '../../../../shared/contract/methods'
import type { ColumnFilter } from '../../../../shared/contract/listQuery'
import { normalizeForSearch, normalizeWidth, toKatakana } from '../../../../shared/domain/kana'
import { stages } from '../../../../shared/domain/vocabulary'
import type { GenderCode, BasisCode, RootsCode, StageCode } from '../../../../shared/domain/vocabulary'
import type { ContactsTable, Database } from '../schema'
import { filtersToSql, sortToSql } from './gridQuery'
import type { GridColumns } from './gridQuery'

export type ContactRow = Selectable<ContactsTable>

const kana = (s: string) => toKatakana(normalizeWidth(s)).trim()
const kanaOrder = ['(family_kana IS NULL)', 'family_kana', 'given_kana']

/**
 * Stage order along the path. Must match the expression of the contacts_stage_order index
 * character for character, or SQLite sorts 100k rows instead of walking the index.
 */
export const stageOrderSql = `(CASE stage ${stages.codes.map((code, i) => `WHEN '${code}' THEN ${i + 1}`).join(' ')} END)`

/** Participants grid columns → SQL. Kana filters see through hiragana/half-width input. */
export const contactGridColumns: GridColumns<ContactColumn> = {
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
  birthDate: { sql: 'birth_date', kind: 'date' },
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

function whereOf(q: Pick<ContactListQuery, 'filter' | 'search'>) {
  const conditions = [sql<boolean>`deleted_at IS NULL`, ...filtersToSql(contactGridColumns, q.filter)]
  const needle = normalizeForSearch(q.search)
  if (needle !== '') conditions.push(sql<boolean>`instr(search_key, ${needle}) > 0`)
  return sql.join(conditions, sql` AND `)
}

export async function listContacts(db: Kysely<Database>, q: ContactListQuery): Promise<{ rows: ContactRow[]; total: number }> {
  const where = whereOf(q)
  const rows = await db
    .selectFrom('contacts')
    .selectAll()
    .where(sql<boolean>`${where}`)
    .orderBy(sortToSql(contactGridColumns, q.sort, kanaOrder))
    .limit(q.limit)
    .offset(q.offset)
    .execute()
  const { total } = await db
    .selectFrom('contacts')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where(sql<boolean>`${where}`)
    .executeTakeFirstOrThrow()
  return { rows, total }
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
export function toContact(r: ContactRow): Contact {
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
