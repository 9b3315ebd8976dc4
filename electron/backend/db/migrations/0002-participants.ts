import { sql } from 'kysely'
import type { Kysely } from 'kysely'

/**
 * Schema v2: the participants page at 100k people. Frozen once released.
 *
 * 1. Search: an FTS5 trigram index over contacts.search_key, so a 3+ character query is an
 *    index lookup instead of a full scan with instr(). contacts has a TEXT primary key, so its
 *    implicit rowid may change on VACUUM: the index is keyed by contact_search_keys.n, an
 *    INTEGER PRIMARY KEY (which VACUUM keeps), mapped one-to-one to a contact id. Triggers keep
 *    both in step with every writer (grid, import, demo generator) inside the writer's own
 *    transaction. The FTS table is contentless: the text already lives in contacts.
 * 2. Undo: a log of what each user action changed, so undo survives a page reload.
 */
const statements = [
  `CREATE TABLE contact_search_keys (
     n INTEGER PRIMARY KEY,
     contact_id TEXT NOT NULL UNIQUE REFERENCES contacts(id) ON DELETE CASCADE
   ) STRICT`,
  `CREATE VIRTUAL TABLE contacts_fts USING fts5(search_key, tokenize = 'trigram', content = '', contentless_delete = 1)`,
  `INSERT INTO contact_search_keys (contact_id) SELECT id FROM contacts ORDER BY id`,
  `INSERT INTO contacts_fts (rowid, search_key)
     SELECT k.n, c.search_key FROM contacts c JOIN contact_search_keys k ON k.contact_id = c.id`,
  `CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
     INSERT INTO contact_search_keys (contact_id) VALUES (new.id);
     INSERT INTO contacts_fts (rowid, search_key)
       VALUES ((SELECT n FROM contact_search_keys WHERE contact_id = new.id), new.search_key);
   END`,
  `CREATE TRIGGER contacts_fts_update AFTER UPDATE OF search_key ON contacts
     WHEN old.search_key IS NOT new.search_key BEGIN
     DELETE FROM contacts_fts WHERE rowid = (SELECT n FROM contact_search_keys WHERE contact_id = old.id);
     INSERT INTO contacts_fts (rowid, search_key)
       VALUES ((SELECT n FROM contact_search_keys WHERE contact_id = new.id), new.search_key);
   END`,
  // BEFORE: the foreign-key cascade would remove the key row before an AFTER trigger ran.
  `CREATE TRIGGER contacts_fts_delete BEFORE DELETE ON contacts BEGIN
     DELETE FROM contacts_fts WHERE rowid = (SELECT n FROM contact_search_keys WHERE contact_id = old.id);
     DELETE FROM contact_search_keys WHERE contact_id = old.id;
   END`,

  // One row per user action that can be undone. `changes` is JSON (see services/undoLog.ts):
  // the values before the action, so undo restores exactly what was there.
  `CREATE TABLE undo_log (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     session_id TEXT NOT NULL,
     label TEXT NOT NULL,
     changes TEXT NOT NULL,
     created_at TEXT NOT NULL,
     undone_at TEXT
   ) STRICT`,
  `CREATE INDEX undo_log_session ON undo_log (session_id, seq) WHERE undone_at IS NULL`,
  // Every sortable column walks an index for "sort by X, first 100 rows", whatever the
  // filter. The terms match the ORDER BY gridQuery.sortToSql writes ((x IS NULL), x, id), or
  // SQLite would sort all matching rows instead. The live-id index lets counts under a tag or
  // search filter check deleted_at without reading each row.
  ...[
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
  ].map(
    (column) => `CREATE INDEX contacts_sort_${column} ON contacts ((${column} IS NULL), ${column}, id) WHERE deleted_at IS NULL`,
  ),
  `CREATE INDEX contacts_live_id ON contacts (id) WHERE deleted_at IS NULL`,
  // Short searches (1–2 characters) cannot use trigrams: they scan this narrow index, not the rows.
  `CREATE INDEX contacts_search_key ON contacts (search_key) WHERE deleted_at IS NULL`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
