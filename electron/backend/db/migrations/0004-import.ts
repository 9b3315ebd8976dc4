import { sql } from 'kysely'
import type { Kysely } from 'kysely'

/**
 * Imports (issue 5): each import is a batch that remembers what it created and, for merges,
 * the values it overwrote, so "undo this import" can take back exactly that. Saved column
 * mappings are reused by name. Expression indexes find duplicate candidates by the stored
 * forms of e-mail, phone, name and reading without comparing every pair.
 */
const statements = [
  `CREATE TABLE import_batches (
     id TEXT PRIMARY KEY,
     kind TEXT NOT NULL CHECK (kind IN ('contacts','visits','programs')),
     file_name TEXT NOT NULL,
     encoding TEXT,
     mapping TEXT NOT NULL,
     counts TEXT NOT NULL,
     user_name TEXT NOT NULL,
     created_at TEXT NOT NULL,
     undone_at TEXT
   ) STRICT`,
  `CREATE TABLE import_batch_items (
     batch_id TEXT NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
     entity TEXT NOT NULL,
     entity_id TEXT NOT NULL,
     action TEXT NOT NULL CHECK (action IN ('created','merged')),
     before TEXT,
     after TEXT,
     PRIMARY KEY (batch_id, entity, entity_id)
   ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX import_batch_items_entity ON import_batch_items (entity, entity_id)`,
  `CREATE TABLE saved_mappings (
     id TEXT PRIMARY KEY,
     kind TEXT NOT NULL,
     name TEXT NOT NULL,
     mapping TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     UNIQUE (kind, name)
   ) STRICT`,
  `CREATE INDEX contacts_email_lower ON contacts (lower(email)) WHERE email IS NOT NULL AND deleted_at IS NULL`,
  `CREATE INDEX contacts_phone_digits ON contacts (replace(phone, '-', '')) WHERE phone IS NOT NULL AND deleted_at IS NULL`,
  `CREATE INDEX contacts_name_key ON contacts ((family_name || given_name)) WHERE deleted_at IS NULL`,
  `CREATE INDEX contacts_kana_key ON contacts ((family_kana || ifnull(given_kana, ''))) WHERE family_kana IS NOT NULL AND deleted_at IS NULL`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
