import { sql } from 'kysely'
import type { Kysely } from 'kysely'

/**
 * The 生年月日 column sorts and filters people known only by their birth year too. Frozen once released.
 *
 * A person with only a birth year (shown 「1977年」) is placed on 1 July of that year, as the
 * reports assume; the grid's expression (contactsRepo's birthSortSql) must match this index's
 * character for character, or SQLite sorts every row instead of walking the index. Ties end
 * with the rowid, as in the other contacts_sort_* indexes (0008). It replaces the index on the
 * exact date alone, which nothing reads any more: every index is written by each new person
 * (an import of 100k people writes each one 100k times).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`DROP INDEX contacts_sort_birth_date`).execute(db)
  await sql
    .raw(
      `CREATE INDEX contacts_sort_birth ON contacts ((coalesce(birth_date, birth_year || '-07-01') IS NULL), coalesce(birth_date, birth_year || '-07-01')) WHERE deleted_at IS NULL`,
    )
    .execute(db)
}
