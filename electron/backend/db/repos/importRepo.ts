import type { Database as Sqlite } from 'better-sqlite3'
import type { Identity } from '../../../../shared/domain/import/dedupe'

/** A live person as duplicate detection sees them. */
export interface CandidateRow extends Identity {
  id: string
}

const candidateColumns = `id, family_name AS familyName, given_name AS givenName, family_kana AS familyKana, given_kana AS givenKana,
  email, phone, birth_date AS birthDate, birth_year AS birthYear, municipality_code AS municipalityCode`

/**
 * Finds people who share a stored e-mail, phone, name or reading with a draft. Each branch
 * matches one expression index of migration 0004 exactly (including its WHERE), so a lookup
 * costs a few index probes however many people there are. Each probe stops at 25 people:
 * beyond that a common name (同姓同名) says nothing a reviewer could use.
 */
export function candidateFinder(
  sqlite: Sqlite,
): (keys: {
  email: string | null
  phone: string | null
  name: string | null
  kana: string | null
  kanaReversed: string | null
}) => CandidateRow[] {
  // One statement per row (not one per key): a 100k-row import makes 100k lookups.
  const probe = (where: string) => `SELECT rowid FROM (SELECT rowid FROM contacts WHERE ${where} AND deleted_at IS NULL LIMIT 25)`
  const statement = sqlite.prepare(
    `SELECT ${candidateColumns} FROM contacts WHERE rowid IN (
       ${probe('lower(email) = :email AND email IS NOT NULL')}
       UNION ${probe(`replace(phone, '-', '') = :phone AND phone IS NOT NULL`)}
       UNION ${probe('(family_name || given_name) = :name')}
       UNION ${probe(`(family_kana || ifnull(given_kana, '')) = :kana AND family_kana IS NOT NULL`)}
       UNION ${probe(`(family_kana || ifnull(given_kana, '')) = :kanaReversed AND family_kana IS NOT NULL`)})`,
  )
  return (keys) => statement.all(keys) as CandidateRow[]
}

/** The stored-form keys the finder's indexes use (not the search normalizer: these must equal column values). */
export function storedKeys(p: Identity) {
  return {
    email: p.email ? p.email.toLowerCase() : null,
    phone: p.phone ? p.phone.replace(/-/g, '') : null,
    name: p.familyName ? p.familyName + (p.givenName ?? '') : null,
    kana: p.familyKana ? p.familyKana + (p.givenKana ?? '') : null,
    kanaReversed: p.familyKana && p.givenKana ? p.givenKana + p.familyKana : null,
  }
}

export interface BatchRecord {
  id: string
  kind: 'contacts' | 'visits' | 'programs'
  fileName: string
  encoding: string | null
  mapping: unknown
  counts: Record<string, number>
  userName: string
  createdAt: string
}

export function insertBatch(sqlite: Sqlite, b: BatchRecord): void {
  sqlite
    .prepare(
      `INSERT INTO import_batches (id, kind, file_name, encoding, mapping, counts, user_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(b.id, b.kind, b.fileName, b.encoding, JSON.stringify(b.mapping), JSON.stringify(b.counts), b.userName, b.createdAt)
}

export function batchItemWriter(sqlite: Sqlite) {
  const insert = sqlite.prepare(
    `INSERT INTO import_batch_items (batch_id, entity, entity_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?)`,
  )
  return (batchId: string, entity: string, entityId: string, action: 'created' | 'merged', before: unknown, after: unknown) =>
    insert.run(
      batchId,
      entity,
      entityId,
      action,
      before === null ? null : JSON.stringify(before),
      after === null ? null : JSON.stringify(after),
    )
}

export interface BatchItem {
  entity: string
  entityId: string
  action: 'created' | 'merged'
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

export function batchItems(sqlite: Sqlite, batchId: string): BatchItem[] {
  return (
    sqlite
      .prepare(`SELECT entity, entity_id AS entityId, action, before, after FROM import_batch_items WHERE batch_id = ?`)
      .all(batchId) as {
      entity: string
      entityId: string
      action: 'created' | 'merged'
      before: string | null
      after: string | null
    }[]
  ).map((r) => ({ ...r, before: r.before ? JSON.parse(r.before) : null, after: r.after ? JSON.parse(r.after) : null }))
}

export interface BatchSummary {
  id: string
  kind: string
  fileName: string
  encoding: string | null
  counts: Record<string, number>
  userName: string
  createdAt: string
  undoneAt: string | null
}

export function findBatch(sqlite: Sqlite, id: string): BatchSummary | undefined {
  const row = sqlite
    .prepare(
      `SELECT id, kind, file_name AS fileName, encoding, counts, user_name AS userName, created_at AS createdAt, undone_at AS undoneAt FROM import_batches WHERE id = ?`,
    )
    .get(id) as (Omit<BatchSummary, 'counts'> & { counts: string }) | undefined
  return row && { ...row, counts: JSON.parse(row.counts) }
}

export function listBatches(sqlite: Sqlite, limit = 100): BatchSummary[] {
  return (
    sqlite
      .prepare(
        `SELECT id, kind, file_name AS fileName, encoding, counts, user_name AS userName, created_at AS createdAt, undone_at AS undoneAt FROM import_batches ORDER BY created_at DESC LIMIT ?`,
      )
      .all(limit) as (Omit<BatchSummary, 'counts'> & { counts: string })[]
  ).map((r) => ({ ...r, counts: JSON.parse(r.counts) }))
}

export function markBatchUndone(sqlite: Sqlite, id: string, at: string): void {
  sqlite.prepare(`UPDATE import_batches SET undone_at = ? WHERE id = ?`).run(at, id)
}
