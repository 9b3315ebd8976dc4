import { sql } from 'kysely'
import type { Kysely } from 'kysely'

/**
 * Lets a big import fill the search index once instead of row by row. Frozen once released.
 *
 * The search-index triggers of 0002 run inside each INSERT/UPDATE on contacts. Every such
 * statement opens a savepoint, and FTS5 writes its pending terms to a new index segment at
 * every savepoint: row by row, a 100k-row import spent ~10 s building and merging 100k
 * one-row segments. A one-row switch now lets a writer turn the triggers off for the rest of
 * ITS OWN transaction and index the rows it wrote in two bulk statements before committing
 * (searchIndexRepo). The switch is only ever 1 inside such a transaction: a rollback or a
 * crash takes it back to 0 with everything else, and other connections never see it set.
 */
const deferred = `(SELECT deferred FROM search_index_mode WHERE id = 1) = 0`
const statements = [
  `CREATE TABLE search_index_mode (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     deferred INTEGER NOT NULL CHECK (deferred IN (0, 1))
   ) STRICT`,
  `INSERT INTO search_index_mode (id, deferred) VALUES (1, 0)`,
  `DROP TRIGGER contacts_fts_insert`,
  `CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts WHEN ${deferred} BEGIN
     INSERT INTO contact_search_keys (contact_id) VALUES (new.id);
     INSERT INTO contacts_fts (rowid, search_key)
       VALUES ((SELECT n FROM contact_search_keys WHERE contact_id = new.id), new.search_key);
   END`,
  `DROP TRIGGER contacts_fts_update`,
  `CREATE TRIGGER contacts_fts_update AFTER UPDATE OF search_key ON contacts
     WHEN old.search_key IS NOT new.search_key AND ${deferred} BEGIN
     DELETE FROM contacts_fts WHERE rowid = (SELECT n FROM contact_search_keys WHERE contact_id = old.id);
     INSERT INTO contacts_fts (rowid, search_key)
       VALUES ((SELECT n FROM contact_search_keys WHERE contact_id = new.id), new.search_key);
   END`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
