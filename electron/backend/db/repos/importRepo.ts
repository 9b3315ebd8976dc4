import type { Database as Sqlite } from 'better-sqlite3'
import type { Identity, IdentityKeys } from '../../../../shared/domain/import/dedupe'

/** A live person as duplicate detection sees them. */
export interface CandidateRow extends Identity {
  id: string
  /** Lookup keys, filled in by the first scoring: one finder's rows are scored against many file rows. */
  keys?: IdentityKeys
}

/** In this order: scannedKeys reads them by position. */
const candidateColumns = `id, family_name AS familyName, given_name AS givenName, family_kana AS familyKana, given_kana AS givenKana,
  email, phone, birth_date AS birthDate, birth_year AS birthYear, municipality_code AS municipalityCode`

export type CandidateKeys = {
  email: string | null
  phone: string | null
  name: string | null
  kana: string | null
  kanaReversed: string | null
  /** The name with family and given swapped (「太郎 山田」 for 山田太郎): probes the name index. */
  nameReversed: string | null
}

/** Each key's probe: exactly one expression index of migration 0004, including its WHERE. */
const probes: Record<keyof CandidateKeys, string> = {
  email: 'lower(email) = ? AND email IS NOT NULL',
  phone: `replace(phone, '-', '') = ? AND phone IS NOT NULL`,
  name: '(family_name || given_name) = ?',
  kana: `(family_kana || ifnull(given_kana, '')) = ? AND family_kana IS NOT NULL`,
  kanaReversed: `(family_kana || ifnull(given_kana, '')) = ? AND family_kana IS NOT NULL`,
  nameReversed: '(family_name || given_name) = ?',
}

/** The swapped keys look up the same index, and share its memo or map, as the key they swap. */
type IndexKind = 'email' | 'phone' | 'name' | 'kana'
const indexOf = (kind: keyof CandidateKeys): IndexKind =>
  kind === 'kanaReversed' ? 'kana' : kind === 'nameReversed' ? 'name' : kind

/** The probes' SQL, for tests that pin their query plans. */
export const candidateProbeSql = (key: keyof CandidateKeys) =>
  `SELECT rowid FROM contacts WHERE ${probes[key]} AND deleted_at IS NULL LIMIT 25`

/**
 * Finds people who share a stored e-mail, phone, name or reading with a draft. Each probe
 * stops at 25 people: beyond that a common name (同姓同名) says nothing a reviewer could use.
 * A finder serves one import, whose rows repeat the same names and readings many times: each
 * distinct key is looked up once and each person read once.
 *
 * Two ways to look up, with the same answers: a few-row file probes the expression indexes
 * of migration 0004 (a few index seeks however many people there are); a file of thousands
 * of rows reads the live people's keys once, in rowid order (the order in which the indexes
 * keep equal keys, so the same 25 per key), into hash maps — one pass over the people
 * instead of ~4 seeks for every row.
 */
export function candidateFinder(sqlite: Sqlite, options: { rows?: number } = {}): (keys: CandidateKeys) => CandidateRow[] {
  const lookups = (options.rows ?? 0) >= SCAN_FROM_ROWS ? scannedKeys(sqlite) : probedKeys(sqlite)
  const kinds = Object.keys(probes) as (keyof CandidateKeys)[]
  return (keys) => {
    const found = new Set<number>()
    for (const kind of kinds) {
      const value = keys[kind]
      if (value) for (const rowid of lookups.rowids(kind, value)) found.add(rowid)
    }
    return [...found].map(lookups.person)
  }
}

/** From this many file rows on, one pass over the people beats probing per row. */
export const SCAN_FROM_ROWS = 5000
const PER_KEY = 25

interface KeyLookups {
  rowids(kind: keyof CandidateKeys, value: string): readonly number[]
  person(rowid: number): CandidateRow
}

function probedKeys(sqlite: Sqlite): KeyLookups {
  const kinds = Object.keys(probes) as (keyof CandidateKeys)[]
  const statements = Object.fromEntries(kinds.map((k) => [k, sqlite.prepare(candidateProbeSql(k)).pluck()]))
  const memos: Record<IndexKind, Map<string, number[]>> = {
    email: new Map<string, number[]>(),
    phone: new Map<string, number[]>(),
    name: new Map<string, number[]>(),
    kana: new Map<string, number[]>(),
  }
  const select = sqlite.prepare(`SELECT ${candidateColumns} FROM contacts WHERE rowid = ?`)
  const people = new Map<number, CandidateRow>()
  return {
    rowids(kind, value) {
      const memo = memos[indexOf(kind)]
      let rowids = memo.get(value)
      if (!rowids) memo.set(value, (rowids = statements[kind]!.all(value) as number[]))
      return rowids
    },
    person(rowid) {
      let row = people.get(rowid)
      if (!row) people.set(rowid, (row = select.get(rowid) as CandidateRow))
      return row
    },
  }
}

/** One person as scannedKeys reads them: rowid, candidateColumns, then the four lookup keys. */
type ScannedRow = [
  ...[rowid: number, id: string, familyName: string, givenName: string, familyKana: string | null, givenKana: string | null],
  ...[
    email: string | null,
    phone: string | null,
    birthDate: string | null,
    birthYear: number | null,
    municipality: string | null,
  ],
  ...[emailKey: string | null, phoneKey: string | null, nameKey: string, kanaKey: string | null],
]

function scannedKeys(sqlite: Sqlite): KeyLookups {
  const maps = {
    email: new Map<string, number[]>(),
    phone: new Map<string, number[]>(),
    name: new Map<string, number[]>(),
    kana: new Map<string, number[]>(),
  }
  const people = new Map<number, CandidateRow>()
  const add = (map: Map<string, number[]>, key: string | null, rowid: number) => {
    if (key === null) return
    const list = map.get(key)
    if (!list) map.set(key, [rowid])
    else if (list.length < PER_KEY) list.push(rowid)
  }
  // The same expressions as the indexes of migration 0004, NULL where their WHERE excludes a row.
  // Read as arrays and built as one literal (with `keys` already there, so filling it in later
  // keeps every object's shape): a third faster than named rows and a rest spread per person.
  const rows = sqlite
    .prepare(
      `SELECT rowid, ${candidateColumns}, lower(email), replace(phone, '-', ''), family_name || given_name,
         CASE WHEN family_kana IS NOT NULL THEN family_kana || ifnull(given_kana, '') END
       FROM contacts WHERE deleted_at IS NULL ORDER BY rowid`,
    )
    .raw(true)
    .all() as ScannedRow[]
  for (const r of rows) {
    const n = r[0]
    people.set(n, {
      id: r[1],
      familyName: r[2],
      givenName: r[3],
      familyKana: r[4],
      givenKana: r[5],
      email: r[6],
      phone: r[7],
      birthDate: r[8],
      birthYear: r[9],
      municipalityCode: r[10],
      keys: undefined,
    })
    add(maps.email, r[11], n)
    add(maps.phone, r[12], n)
    add(maps.name, r[13], n)
    add(maps.kana, r[14], n)
  }
  return {
    rowids: (kind, value) => maps[indexOf(kind)].get(value) ?? [],
    person: (rowid) => people.get(rowid)!,
  }
}

/** The stored-form keys the finder's indexes use (not the search normalizer: these must equal column values). */
export function storedKeys(p: Identity) {
  return {
    email: p.email ? p.email.toLowerCase() : null,
    phone: p.phone ? p.phone.replace(/-/g, '') : null,
    name: p.familyName ? p.familyName + (p.givenName ?? '') : null,
    kana: p.familyKana ? p.familyKana + (p.givenKana ?? '') : null,
    kanaReversed: p.familyKana && p.givenKana ? p.givenKana + p.familyKana : null,
    nameReversed: p.familyName && p.givenName ? p.givenName + p.familyName : null,
  }
}

/** The fingerprint's query, for the test that pins its plan. */
export const peopleFingerprintSql = `SELECT (SELECT count(*) FROM contacts) AS total, (SELECT max(rowid) FROM contacts) AS top,
   (SELECT count(*) FROM contacts WHERE deleted_at IS NULL) AS live,
   (SELECT updated_at FROM contacts WHERE deleted_at IS NULL
      ORDER BY (updated_at IS NULL) DESC, updated_at DESC LIMIT 1) AS edited`

/**
 * What a preview's duplicate search depends on, as one string that changes whenever people are
 * added, edited (anonymized too), moved to or out of the trash, or deleted for good. Tags and
 * visits are not part of it. Each part is read from an index: ~2 ms for 100k people. (The newest
 * edit is the last entry of the updated_at sort index; max(updated_at) would read every row.)
 */
export function peopleFingerprint(sqlite: Sqlite): string {
  const row = sqlite.prepare(peopleFingerprintSql).get() as {
    total: number
    top: number | null
    live: number
    edited: string | null
  }
  return `${row.total}:${row.top}:${row.live}:${row.edited}`
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

/**
 * Records what an import did to each row, for undo. One file can meet the same person on
 * several rows (a sign-in sheet lists a regular every session): a person merged into again
 * keeps the values from before the FIRST merge and after the LAST, and a merge into someone
 * this import created records nothing (undo removes them anyway).
 */
export function batchItemWriter(sqlite: Sqlite) {
  const insert = sqlite.prepare(
    `INSERT INTO import_batch_items (batch_id, entity, entity_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?)`,
  )
  const prior = sqlite.prepare(
    `SELECT action, before, after FROM import_batch_items WHERE batch_id = ? AND entity = ? AND entity_id = ?`,
  )
  const update = sqlite.prepare(
    `UPDATE import_batch_items SET before = ?, after = ? WHERE batch_id = ? AND entity = ? AND entity_id = ?`,
  )
  const json = (value: unknown) => (value === null ? null : JSON.stringify(value))
  // What this writer has recorded: a merge into anyone else has no earlier item to look up
  // (most of a re-imported list, a SELECT each saved).
  const recorded = new Set<string>()
  return (
    batchId: string,
    entity: string,
    entityId: string,
    action: 'created' | 'merged',
    before: Record<string, unknown> | null,
    after: Record<string, unknown> | null,
  ): void => {
    const item = `${batchId} ${entity} ${entityId}`
    const earlier =
      action === 'merged' && recorded.has(item)
        ? (prior.get(batchId, entity, entityId) as { action: string; before: string | null; after: string | null } | undefined)
        : undefined
    if (!earlier) {
      insert.run(batchId, entity, entityId, action, json(before), json(after))
      recorded.add(item)
      return
    }
    if (earlier.action === 'created') return
    const keptBefore = { ...before, ...(JSON.parse(earlier.before ?? '{}') as Record<string, unknown>) }
    const latestAfter = { ...(JSON.parse(earlier.after ?? '{}') as Record<string, unknown>), ...after }
    update.run(JSON.stringify(keptBefore), JSON.stringify(latestAfter), batchId, entity, entityId)
  }
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

/** What was recorded about an import's new people after the import (undo would delete it with them). */
export interface LaterRecords {
  visits: number
  enrollments: number
  stageChanges: number
  tags: number
  organizations: number
  edited: number
}

/**
 * Records about the people `ids` (created by the import of `since`) that are not the import's
 * own: visits and enrollments (an import's own visits are removed before this is asked), stage
 * changes and tags, and hand edits to people still in the list. Deleting the people would
 * take all of these with them (ON DELETE CASCADE).
 */
export function laterRecordsOfPeople(sqlite: Sqlite, ids: readonly string[], since: string): LaterRecords {
  return sqlite
    .prepare(
      `WITH people(id) AS (SELECT value FROM json_each(:ids))
       SELECT
         (SELECT count(*) FROM visits WHERE contact_id IN people) AS visits,
         (SELECT count(*) FROM enrollments WHERE contact_id IN people) AS enrollments,
         (SELECT count(*) FROM stage_history WHERE contact_id IN people AND created_at > :since) AS stageChanges,
         (SELECT count(*) FROM contact_tags WHERE contact_id IN people) AS tags,
         (SELECT count(*) FROM contact_organizations WHERE contact_id IN people) AS organizations,
         (SELECT count(*) FROM contacts WHERE id IN people AND deleted_at IS NULL AND updated_at > :since) AS edited`,
    )
    .get({ ids: JSON.stringify(ids), since }) as LaterRecords
}

export function markBatchUndone(sqlite: Sqlite, id: string, at: string): void {
  sqlite.prepare(`UPDATE import_batches SET undone_at = ? WHERE id = ?`).run(at, id)
}

/**
 * Writes a merge into a stored person: only the columns the merge changes, and search_key
 * only when it changed. An UPDATE that names a column rewrites every index on that column
 * even when the value stays the same, and contacts has ~30 indexes (the grid sorts on every
 * column): re-importing a 100k master list merges most rows, each changing a field or two.
 * Statements are prepared once per set of columns.
 */
export function personUpdater(sqlite: Sqlite) {
  const statements = new Map<string, import('better-sqlite3').Statement>()
  return (id: string, changes: Record<string, unknown>, searchKey: string | null, now: string): void => {
    const fields = Object.keys(changes)
    const key = `${fields.join(',')}|${searchKey === null ? '' : 'search_key'}`
    let statement = statements.get(key)
    if (!statement) {
      const sets = [
        ...fields.map((f) => `${snakeCase(f)} = ?`),
        ...(searchKey === null ? [] : ['search_key = ?']),
        'updated_at = ?',
      ]
      statements.set(key, (statement = sqlite.prepare(`UPDATE contacts SET ${sets.join(', ')} WHERE id = ?`)))
    }
    statement.run(...fields.map((f) => changes[f]), ...(searchKey === null ? [] : [searchKey]), now, id)
  }
}

/** familyKana → family_kana: PersonDraft fields are the contacts columns in camelCase. */
const snakeCase = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
