import { sql } from 'kysely'
import type { Kysely } from 'kysely'

/**
 * Schema v1. Frozen in time: never edit a released migration, add the next one instead.
 * Conventions: ids are UUIDv7 text; timestamps are ISO-8601 UTC text; dates are 'YYYY-MM-DD';
 * codes are the vocabularies of shared/domain/vocabulary.ts, enforced with CHECK so a bug in
 * one door cannot store a value the reports would not count.
 */
const statements = [
  `CREATE TABLE relationship_stages (
     code TEXT PRIMARY KEY,
     label TEXT NOT NULL,
     position INTEGER NOT NULL
   ) STRICT`,
  `INSERT INTO relationship_stages (code, label, position) VALUES
     ('tsukamu', 'つかむ', 1), ('atatameru', 'あたためる', 2), ('unagasu', 'うながす', 3),
     ('tsunagaru', 'つながる', 4), ('moved_in', '移住済', 5)`,

  `CREATE TABLE contacts (
     id TEXT PRIMARY KEY,
     family_name TEXT NOT NULL,
     given_name TEXT NOT NULL DEFAULT '',
     family_kana TEXT,
     given_kana TEXT,
     email TEXT,
     phone TEXT,
     postal_code TEXT,
     prefecture_code TEXT CHECK (prefecture_code GLOB '[0-4][0-9]'),
     municipality_code TEXT CHECK (municipality_code GLOB '[0-4][0-9][0-9][0-9][0-9][0-9]'),
     address TEXT,
     birth_date TEXT,
     birth_year INTEGER,
     gender TEXT CHECK (gender IN ('female','male','other','no_answer')),
     occupation TEXT,
     affiliation TEXT,
     roots TEXT CHECK (roots IN ('born','relatives','alumni','former_resident','furusato_donor','none')),
     basis TEXT CHECK (basis IN ('fan','work')),
     first_contact TEXT,
     stage TEXT NOT NULL DEFAULT 'tsukamu' REFERENCES relationship_stages(code),
     consent_date TEXT,
     consent_method TEXT,
     consent_purposes TEXT NOT NULL DEFAULT '[]',
     notes TEXT,
     search_key TEXT NOT NULL DEFAULT '',
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     deleted_at TEXT
   ) STRICT`,
  // The grid's default order (フリガナ) and its common filters, for live (not deleted) people.
  // Kana order with empty readings last: the expression terms match the ORDER BY the
  // repository writes, so SQLite walks the index instead of sorting 100k rows.
  `CREATE INDEX contacts_kana ON contacts ((family_kana IS NULL), family_kana, given_kana, id) WHERE deleted_at IS NULL`,
  `CREATE INDEX contacts_prefecture ON contacts (prefecture_code, (family_kana IS NULL), family_kana, given_kana, id) WHERE deleted_at IS NULL`,
  `CREATE INDEX contacts_municipality ON contacts (municipality_code, (family_kana IS NULL), family_kana, given_kana, id) WHERE deleted_at IS NULL`,
  `CREATE INDEX contacts_stage ON contacts (stage, (family_kana IS NULL), family_kana, given_kana, id) WHERE deleted_at IS NULL`,
  // Stage order along the path (つかむ → 移住済); the same CASE is written by the repository.
  `CREATE INDEX contacts_stage_order ON contacts ((CASE stage WHEN 'tsukamu' THEN 1 WHEN 'atatameru' THEN 2 WHEN 'unagasu' THEN 3 WHEN 'tsunagaru' THEN 4 WHEN 'moved_in' THEN 5 END), (family_kana IS NULL), family_kana, given_kana, id) WHERE deleted_at IS NULL`,
  // Counting people under several pick-list filters at once without reading their rows.
  `CREATE INDEX contacts_codes ON contacts (stage, prefecture_code, municipality_code, gender, roots, basis) WHERE deleted_at IS NULL`,
  `CREATE INDEX contacts_updated ON contacts (updated_at) WHERE deleted_at IS NULL`,
  `CREATE INDEX contacts_email ON contacts (email) WHERE email IS NOT NULL`,
  `CREATE INDEX contacts_phone ON contacts (phone) WHERE phone IS NOT NULL`,

  `CREATE TABLE tags (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL UNIQUE,
     color TEXT,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   ) STRICT`,
  `CREATE TABLE contact_tags (
     contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
     tag_id TEXT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
     created_at TEXT NOT NULL,
     PRIMARY KEY (contact_id, tag_id)
   ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX contact_tags_tag ON contact_tags (tag_id, contact_id)`,

  `CREATE TABLE organizations (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('local_partner','host_business','university','company','npo','government','other')),
     municipality_code TEXT,
     notes TEXT,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     deleted_at TEXT
   ) STRICT`,
  `CREATE TABLE contact_organizations (
     contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
     organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
     role TEXT,
     created_at TEXT NOT NULL,
     PRIMARY KEY (contact_id, organization_id)
   ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX contact_organizations_org ON contact_organizations (organization_id)`,

  `CREATE TABLE programs (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     fiscal_year INTEGER NOT NULL,
     category TEXT NOT NULL CHECK (category IN ('course','study_tour','internship','event','online','volunteer','side_job','working_holiday','other')),
     funding_source TEXT CHECK (funding_source IN ('cao_convection','mic_kankei','regional_grant','special_tax','own_funds','other')),
     grant_name TEXT,
     mic_model_type TEXT CHECK (mic_model_type IN ('yukari','furusato_nozei','creation','base_expansion','base_expansion_foreign')),
     status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','open','finished','cancelled')),
     start_date TEXT,
     end_date TEXT,
     capacity INTEGER CHECK (capacity IS NULL OR capacity >= 0),
     fee INTEGER CHECK (fee IS NULL OR fee >= 0),
     coordinator TEXT,
     description TEXT,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     deleted_at TEXT
   ) STRICT`,
  `CREATE INDEX programs_fiscal_year ON programs (fiscal_year, start_date)`,
  `CREATE TABLE program_municipalities (
     program_id TEXT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
     municipality_code TEXT NOT NULL,
     PRIMARY KEY (program_id, municipality_code)
   ) STRICT, WITHOUT ROWID`,

  `CREATE TABLE program_sessions (
     id TEXT PRIMARY KEY,
     program_id TEXT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
     starts_at TEXT NOT NULL,
     ends_at TEXT,
     place TEXT,
     municipality_code TEXT,
     mode TEXT NOT NULL CHECK (mode IN ('onsite','online','hybrid')),
     anonymous_headcount INTEGER NOT NULL DEFAULT 0 CHECK (anonymous_headcount >= 0),
     notes TEXT,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   ) STRICT`,
  `CREATE INDEX program_sessions_program ON program_sessions (program_id, starts_at)`,
  `CREATE INDEX program_sessions_starts ON program_sessions (starts_at)`,

  `CREATE TABLE enrollments (
     id TEXT PRIMARY KEY,
     contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
     program_id TEXT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
     status TEXT NOT NULL DEFAULT 'applied' CHECK (status IN ('applied','confirmed','completed','withdrawn')),
     role TEXT NOT NULL DEFAULT 'learner' CHECK (role IN ('learner','mentor','lecturer','volunteer','staff')),
     applied_on TEXT,
     confirmed_on TEXT,
     completed_on TEXT,
     withdrawn_on TEXT,
     notes TEXT,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     UNIQUE (program_id, contact_id)
   ) STRICT`,
  `CREATE INDEX enrollments_contact ON enrollments (contact_id)`,

  // One involvement of one person on one date. Only attendance creates a visit: registration
  // (an enrollment) never does, so 延べ人数 and 実人数 come from this table alone.
  `CREATE TABLE visits (
     id TEXT PRIMARY KEY,
     contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
     program_id TEXT REFERENCES programs(id) ON DELETE SET NULL,
     session_id TEXT REFERENCES program_sessions(id) ON DELETE SET NULL,
     visit_date TEXT NOT NULL,
     mode TEXT NOT NULL CHECK (mode IN ('onsite','online')),
     municipality_code TEXT,
     nights INTEGER NOT NULL DEFAULT 0 CHECK (nights >= 0),
     purpose TEXT,
     notes TEXT,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   ) STRICT`,
  `CREATE INDEX visits_contact ON visits (contact_id, visit_date)`,
  `CREATE INDEX visits_date ON visits (visit_date, contact_id)`,
  `CREATE INDEX visits_program ON visits (program_id, visit_date)`,
  // Attending the same session twice is one visit: saving a roster again must not duplicate.
  `CREATE UNIQUE INDEX visits_session_contact ON visits (session_id, contact_id) WHERE session_id IS NOT NULL`,

  `CREATE TABLE stage_history (
     id TEXT PRIMARY KEY,
     contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
     stage TEXT NOT NULL REFERENCES relationship_stages(code),
     changed_on TEXT NOT NULL,
     note TEXT,
     created_at TEXT NOT NULL
   ) STRICT`,
  `CREATE INDEX stage_history_contact ON stage_history (contact_id, changed_on)`,
  `CREATE INDEX stage_history_date ON stage_history (changed_on, stage)`,

  `CREATE TABLE saved_views (
     id TEXT PRIMARY KEY,
     page TEXT NOT NULL,
     name TEXT NOT NULL,
     state TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     UNIQUE (page, name)
   ) STRICT`,

  `CREATE TABLE settings (
     key TEXT PRIMARY KEY,
     value TEXT NOT NULL,
     updated_at TEXT NOT NULL
   ) STRICT`,

  // Who changed what, field by field. Written in the same transaction as the change itself.
  `CREATE TABLE audit_log (
     id TEXT PRIMARY KEY,
     at TEXT NOT NULL,
     user_name TEXT NOT NULL,
     action TEXT NOT NULL CHECK (action IN ('create','update','delete','restore','merge','import','export','anonymize')),
     entity TEXT NOT NULL,
     entity_id TEXT,
     changes TEXT,
     batch_id TEXT
   ) STRICT`,
  `CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, at)`,
  `CREATE INDEX audit_log_at ON audit_log (at)`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
