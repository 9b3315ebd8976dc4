import type { Database as Sqlite } from 'better-sqlite3'
import { ApiError } from '../../../shared/contract/errors'
import { contactSearchKey } from '../../../shared/domain/contactSearch'
import { defaultAction, personMatch } from '../../../shared/domain/import/dedupe'
import { mergeChanges, mergedValues } from '../../../shared/domain/import/mergeDraft'
import { personDraftFields, storedPersonValues } from '../../../shared/domain/import/personRow'
import type { PersonDraft } from '../../../shared/domain/import/personRow'
import { bulkId } from '../db/bulkIds'
import {
  batchItems,
  batchItemWriter,
  findBatch,
  insertBatch,
  laterRecordsOfPeople,
  markBatchUndone,
  personUpdater,
} from '../db/repos/importRepo'
import type { LaterRecords } from '../db/repos/importRepo'
import { deferSearchIndex, indexDeferred } from '../db/repos/searchIndexRepo'
import type { ContactsPreview } from './contactsPreview'

export type DuplicateAction = 'new' | 'merge' | 'skip'

export interface RowDecision {
  action: DuplicateAction
  /** Merge target; defaults to the best-scoring match. */
  targetId?: string
  /** On merge, fields whose differing file value replaces the stored one (blanks are always filled). */
  takeFromFile?: (keyof PersonDraft)[]
}

export interface CommitOptions {
  /** What to do with rows that have a proposed duplicate and no decision of their own. */
  onDuplicate: DuplicateAction
  decisions?: Record<number, RowDecision>
  userName: string
  mapping: unknown
  now?: string
}

export interface CommitResult {
  batchId: string
  created: number
  merged: number
  skipped: number
  errors: number
}

/** PersonDraft field → contacts column. Stage, consent purposes and search key are set separately. */
const columns: Record<keyof PersonDraft, string> = {
  familyName: 'family_name',
  givenName: 'given_name',
  familyKana: 'family_kana',
  givenKana: 'given_kana',
  email: 'email',
  phone: 'phone',
  postalCode: 'postal_code',
  prefectureCode: 'prefecture_code',
  municipalityCode: 'municipality_code',
  address: 'address',
  birthDate: 'birth_date',
  birthYear: 'birth_year',
  gender: 'gender',
  occupation: 'occupation',
  affiliation: 'affiliation',
  firstContact: 'first_contact',
  notes: 'notes',
  consentDate: 'consent_date',
}
// In the order storedPersonValues gives the values.
const fields = personDraftFields
const selectList = fields.map((f) => `${columns[f]} AS ${f}`).join(', ')

type Stored = PersonDraft & { id: string }

function statements(sqlite: Sqlite) {
  return {
    insert: sqlite.prepare(
      `INSERT INTO contacts (id, ${fields.map((f) => columns[f]).join(', ')}, stage, consent_purposes, search_key, created_at, updated_at)
       VALUES (?, ${fields.map(() => '?').join(', ')}, 'tsukamu', '[]', ?, ?, ?)`,
    ),
    stage: sqlite.prepare(
      `INSERT INTO stage_history (id, contact_id, stage, changed_on, note, created_at) VALUES (?, ?, 'tsukamu', ?, '取り込みで登録', ?)`,
    ),
    select: sqlite.prepare(`SELECT id, ${selectList} FROM contacts WHERE id = ? AND deleted_at IS NULL`),
    selectMany: sqlite.prepare(
      `SELECT id, ${selectList} FROM contacts WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`,
    ),
    remove: sqlite.prepare(`DELETE FROM contacts WHERE id = ?`),
    audit: sqlite.prepare(
      `INSERT INTO audit_log (id, at, user_name, action, entity, entity_id, changes, batch_id) VALUES (?, ?, ?, ?, 'contact', ?, ?, ?)`,
    ),
  }
}

const searchKeyOf = (p: PersonDraft) => contactSearchKey({ ...p, familyName: p.familyName ?? '', givenName: p.givenName ?? '' })

/**
 * The stored people that rows are merged into, read a few hundred at a time in one query
 * (a re-imported master list merges most of its rows; one lookup each cost a fifth of the
 * commit). What a merge writes is kept here too, so a person met again later is read as
 * they now are. A person not read ahead (merged by way of an earlier row) is read alone.
 */
function mergeTargets(s: ReturnType<typeof statements>, planned: readonly (string | undefined)[]) {
  const people = new Map<string, Stored>()
  let readUpTo = 0
  return {
    get(row: number, id: string): Stored | undefined {
      if (!people.has(id) && row >= readUpTo) {
        readUpTo = row + READ_AHEAD
        people.clear() // what was written is in the database: read again when met again
        const ids = [...new Set(planned.slice(row, readUpTo).filter((t): t is string => t !== undefined))]
        for (const person of s.selectMany.all(JSON.stringify(ids)) as Stored[]) people.set(person.id, person)
      }
      return people.get(id) ?? (s.select.get(id) as Stored | undefined)
    },
    wrote(person: Stored) {
      people.set(person.id, person)
    },
  }
}
const READ_AHEAD = 500

/** Rows written between two yields (the job runner decides when to let the event loop turn). */
const YIELD_EVERY = 500

/** A person this import creates, held until every row has been read (see below). */
interface Pending {
  person: PersonDraft
  /** What later rows' merges changed, in file order: written to the audit log after its creation. */
  merges: string[]
}

/**
 * The order new people are written in: by reading, as the grid's indexes keep them. Most of
 * contacts' indexes lead with the reading (kana, prefecture + kana, stage + kana, …) and end
 * with the id, so people written in that order, with ids taken in that order, land next to
 * each other instead of all over each index: 77k inserts measured 70 µs each instead of 110.
 */
const byReading = (a: Pending, b: Pending) =>
  compareNullsLast(a.person.familyKana, b.person.familyKana) || compareNullsFirst(a.person.givenKana, b.person.givenKana)
const compareNullsLast = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1)
const compareNullsFirst = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1

/** A merge's changes as the audit log keeps them (JSON). */
const changesJson = (before: Record<string, unknown>, after: Record<string, unknown>) =>
  JSON.stringify(mergeChanges(before, after))

/**
 * Writes an import: new people, merges (blanks filled; differing values only where chosen) and
 * the batch record that lets "undo this import" take back exactly this. Rows with errors are
 * never written. A generator run by `runTransactionJob`, which owns the ONE transaction around
 * it; it yields the rows done so far every few hundred rows.
 *
 * Rows are read in file order: merges into people already stored are written as they come,
 * and later rows merge into people earlier rows create. The people created are written last,
 * once complete, in reading order (byReading).
 */
export function* commitContactsPreview(
  sqlite: Sqlite,
  preview: ContactsPreview,
  options: CommitOptions,
): Generator<number, CommitResult, void> {
  const now = options.now ?? new Date().toISOString()
  const today = now.slice(0, 10)
  const s = statements(sqlite)
  const writeItem = batchItemWriter(sqlite)
  const updatePerson = personUpdater(sqlite)
  const batchId = bulkId()
  const result: CommitResult = { batchId, created: 0, merged: 0, skipped: 0, errors: 0 }
  // The person each written row became (created or merged into): a later row whose best match
  // is that earlier row goes to the same person.
  const personByRow = new Map<number, string | Pending>()
  const pending: Pending[] = []
  // Merged people whose search key changed: only they are indexed again (a re-imported list
  // mostly fills details the key does not hold, and re-indexing each cost more than the merge).
  const rekeyed = new Set<string>()
  // Progress: a row is done when read, a new person when written.
  let done = 0

  insertBatch(sqlite, {
    id: batchId,
    kind: 'contacts',
    fileName: preview.source.fileName,
    encoding: preview.source.encoding,
    mapping: options.mapping,
    counts: {},
    userName: options.userName,
    createdAt: now,
  })
  // The search index is filled once at the end (one bulk statement instead of one index
  // segment per row); indexDeferred below turns the triggers back on before anything commits.
  deferSearchIndex(sqlite)
  type Row = ContactsPreview['rows'][number]
  const bestOf = (row: Row) => personMatch(row.duplicates, (earlier) => personByRow.has(earlier))
  const decisionOf = (row: Row, best: Row['duplicates'][number] | undefined): RowDecision =>
    options.decisions?.[row.index] ?? { action: defaultAction(best?.match, options.onDuplicate) }
  // Read ahead as planned before any row is written (a row's best match may yet change to a
  // later one if an earlier row writes no one; that person is then read alone).
  const targets = mergeTargets(
    s,
    preview.rows.map((row) => {
      const decision = decisionOf(row, row.duplicates[0])
      return decision.action === 'merge' ? (decision.targetId ?? row.duplicates[0]?.contactId) : undefined
    }),
  )
  for (const row of preview.rows) {
    if (row.index % YIELD_EVERY === 0 && row.index > 0) yield done
    if (!row.read.ok) {
      result.errors++
      done++
      continue
    }
    const best = bestOf(row)
    const decision = decisionOf(row, best)
    if (decision.action === 'skip') {
      result.skipped++
      done++
      continue
    }
    const draft = row.read.draft
    const target = decision.targetId ?? best?.contactId ?? (best?.row !== undefined ? personByRow.get(best.row) : undefined)
    if (decision.action === 'merge' && typeof target === 'object') {
      // Someone an earlier row creates: not written yet, so completed in memory. Undo removes
      // them whole, so no batch item.
      const { before, after, updated } = mergedValues(target.person, draft, decision.takeFromFile)
      if (Object.keys(after).length > 0) {
        target.person = updated
        target.merges.push(changesJson(before, after))
      }
      personByRow.set(row.index, target)
      result.merged++
      done++
      continue
    }
    if (decision.action === 'merge' && typeof target === 'string') {
      const existing = targets.get(row.index, target)
      if (!existing) throw ApiError.from('NOT_FOUND', { id: target }, `${row.line}行目の統合先が見つかりません。`)
      const { before, after, updated } = mergedValues(existing, draft, decision.takeFromFile)
      if (Object.keys(after).length > 0) {
        const searchKey = searchKeyOf(updated)
        const keyChanged = searchKey !== searchKeyOf(existing)
        updatePerson(target, after, keyChanged ? searchKey : null, now)
        targets.wrote(updated)
        if (keyChanged) rekeyed.add(target)
        writeItem(batchId, 'contact', target, 'merged', before, after)
        s.audit.run(bulkId(), now, options.userName, 'merge', target, changesJson(before, after), batchId)
      }
      personByRow.set(row.index, target)
      result.merged++
      done++
      continue
    }
    const person: Pending = { person: draft, merges: [] }
    pending.push(person)
    personByRow.set(row.index, person)
    result.created++
  }
  const created: string[] = []
  for (const { person, merges } of pending.sort(byReading)) {
    if (created.length % YIELD_EVERY === 0 && created.length > 0) yield done
    const id = bulkId()
    s.insert.run(id, ...storedPersonValues(person), searchKeyOf(person), now, now)
    s.stage.run(bulkId(), id, today, now)
    s.audit.run(bulkId(), now, options.userName, 'import', id, null, batchId)
    for (const changes of merges) s.audit.run(bulkId(), now, options.userName, 'merge', id, changes, batchId)
    writeItem(batchId, 'contact', id, 'created', null, null)
    created.push(id)
    done++
  }
  indexDeferred(sqlite, created, [...rekeyed])
  sqlite
    .prepare(`UPDATE import_batches SET counts = ? WHERE id = ?`)
    .run(JSON.stringify({ ...result, batchId: undefined }), batchId)
  return result
}

/**
 * Undo deletes the people an import created, and with them everything recorded about them
 * since (visits from other lists, enrollments, stage changes, tags, hand edits). Rather than
 * lose that silently, it refuses and says what is in the way, as the programs undo does.
 */
function refuseIfRecordedSince(later: LaterRecords, batchId: string): void {
  const parts = [
    later.visits && `参加・訪問 ${later.visits}件`,
    later.enrollments && `参加申込 ${later.enrollments}件`,
    later.stageChanges && `段階の変更 ${later.stageChanges}件`,
    later.tags && `タグ ${later.tags}件`,
    later.organizations && `所属団体 ${later.organizations}件`,
    later.edited && `編集 ${later.edited}人`,
  ].filter(Boolean)
  if (parts.length === 0) return
  throw ApiError.from(
    'CONFLICT',
    { batchId, ...later },
    `この取り込みで登録した人に、その後の記録（${parts.join('、')}）があるため取り消せません。` +
      '取り消すとそれらも消えてしまいます。先にそれらの記録を削除するか、その人を個別に編集・削除してください。',
  )
}

/**
 * Takes an import back: removes the people it created (refused if anything was recorded about them since) and
 * restores the values its merges overwrote — unless someone changed that field since, in which
 * case the later edit wins. Other rows are untouched.
 */
export function undoContactsImport(
  sqlite: Sqlite,
  batchId: string,
  userName: string,
  now = new Date().toISOString(),
): { removed: number; reverted: number } {
  const batch = findBatch(sqlite, batchId)
  if (!batch) throw ApiError.from('NOT_FOUND', { batchId })
  if (batch.undoneAt) throw ApiError.from('CONFLICT', { batchId }, 'この取り込みはすでに取り消されています。')
  const s = statements(sqlite)
  const updatePerson = personUpdater(sqlite)
  let removed = 0
  let reverted = 0
  sqlite.transaction(() => {
    const items = batchItems(sqlite, batchId)
    const created = items.filter((i) => i.entity === 'contact' && i.action === 'created').map((i) => i.entityId)
    refuseIfRecordedSince(laterRecordsOfPeople(sqlite, created, batch.createdAt), batchId)
    for (const item of items) {
      if (item.entity !== 'contact') continue
      if (item.action === 'created') {
        removed += s.remove.run(item.entityId).changes
        s.audit.run(bulkId(), now, userName, 'delete', item.entityId, null, batchId)
        continue
      }
      const current = s.select.get(item.entityId) as Stored | undefined
      if (!current || !item.after || !item.before) continue
      const restored: Stored = { ...current }
      const changes: Record<string, [unknown, unknown]> = {}
      for (const [f, value] of Object.entries(item.after)) {
        const field = f as keyof PersonDraft
        if (current[field] !== value) continue // edited after the import: keep the later edit
        ;(restored as unknown as Record<string, unknown>)[field] = item.before[field] ?? null
        changes[field] = [value, item.before[field] ?? null]
      }
      if (Object.keys(changes).length === 0) continue
      const searchKey = searchKeyOf(restored)
      const back = Object.fromEntries(Object.entries(changes).map(([f, [, before]]) => [f, before]))
      updatePerson(item.entityId, back, searchKey === searchKeyOf(current) ? null : searchKey, now)
      s.audit.run(bulkId(), now, userName, 'update', item.entityId, JSON.stringify(changes), batchId)
      reverted++
    }
    markBatchUndone(sqlite, batchId, now)
  })()
  return { removed, reverted }
}
