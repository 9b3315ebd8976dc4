import { sql } from 'kysely'
import type { Kysely } from 'kysely'

/**
 * Narrower indexes on contacts. Frozen once released.
 *
 * Every index of a rowid table already ends with the rowid, which is unique. A page sorted by
 * one column is now tied by rowid instead of the 36-character id, so the id leaves the 12
 * contacts_sort_* indexes, which carried it only for that. The kana-ordered indexes (default
 * order, stage order, their filters) keep it: a tag filter's EXISTS reads the id from them
 * while walking, without reading each row (+2–5 ms on the stage + tag page without it). New
 * people are written in kana order, so those cost an import little. Three indexes that
 * nothing reads are dropped: plain email and phone (lookups use lower(email) and the
 * digits-only phone of 0004) and updated_at (its sort index covers it). Measured on 100k
 * people: the file 257 → 205 MB, a new person written ~30 % faster (an import writes every
 * index for each).
 *
 * The search index may also hold 16 MB of new terms in memory before writing them out
 * (FTS5's hashsize; the default is 1 MB): a bulk import indexes its people in one statement,
 * and with the default it wrote and merged dozens of small segments. 77k people: 1.3 → 0.6 s.
 */
const sortColumns = [
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
]

const statements = [
  `DROP INDEX contacts_email`,
  `DROP INDEX contacts_phone`,
  `DROP INDEX contacts_updated`,
  `INSERT INTO contacts_fts (contacts_fts, rank) VALUES ('hashsize', 16777216)`,
  ...sortColumns.flatMap((column) => [
    `DROP INDEX contacts_sort_${column}`,
    `CREATE INDEX contacts_sort_${column} ON contacts ((${column} IS NULL), ${column}) WHERE deleted_at IS NULL`,
  ]),
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
