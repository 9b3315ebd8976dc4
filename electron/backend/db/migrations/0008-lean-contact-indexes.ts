import { sql } from 'kysely'
import type { Kysely } from 'kysely'

/**
 * Narrower indexes on contacts. Frozen once released.
 *
 * Every index of a rowid table already ends with the rowid, which is unique: the grid's order
 * (kana or any one column) is now tied by rowid instead of the 36-character id, so the id is
 * dropped from the 17 indexes that carried it only for that. Three indexes that nothing reads
 * since issue 3 and 5 (plain email and phone — lookups use lower(email) and digits-only phone
 * from 0004 — and updated_at, which the sort index covers) are dropped. Measured on 100k
 * people: the file 257 → 186 MB, a new person written ~30 % faster (an import writes every
 * index for each), and every page walk reads fewer pages.
 *
 * The search index may also hold 16 MB of new terms in memory before writing them out
 * (FTS5's hashsize; the default is 1 MB): a bulk import indexes its people in one statement,
 * and with the default it wrote and merged dozens of small segments. 77k people: 1.3 → 0.6 s.
 */
const kanaIndexes: Record<string, string> = {
  contacts_kana: '(family_kana IS NULL), family_kana, given_kana',
  contacts_prefecture: 'prefecture_code, (family_kana IS NULL), family_kana, given_kana',
  contacts_municipality: 'municipality_code, (family_kana IS NULL), family_kana, given_kana',
  contacts_stage: 'stage, (family_kana IS NULL), family_kana, given_kana',
  contacts_stage_order: `(CASE stage WHEN 'tsukamu' THEN 1 WHEN 'atatameru' THEN 2 WHEN 'unagasu' THEN 3 WHEN 'tsunagaru' THEN 4 WHEN 'moved_in' THEN 5 END), (family_kana IS NULL), family_kana, given_kana`,
}
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
const indexes: Record<string, string> = {
  ...kanaIndexes,
  ...Object.fromEntries(sortColumns.map((column) => [`contacts_sort_${column}`, `(${column} IS NULL), ${column}`])),
}

const statements = [
  `DROP INDEX contacts_email`,
  `DROP INDEX contacts_phone`,
  `DROP INDEX contacts_updated`,
  `INSERT INTO contacts_fts (contacts_fts, rank) VALUES ('hashsize', 16777216)`,
  ...Object.entries(indexes).flatMap(([name, terms]) => [
    `DROP INDEX ${name}`,
    `CREATE INDEX ${name} ON contacts (${terms}) WHERE deleted_at IS NULL`,
  ]),
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
