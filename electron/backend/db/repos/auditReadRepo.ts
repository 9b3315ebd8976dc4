import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { Page } from '../../../../shared/contract/listQuery'
import type { AuditEntry } from '../../../../shared/contract/participantRecords'
import type { Database } from '../schema'
import { personAtLine } from '../../../../shared/domain/personAtLine'
import type { PersonMark } from '../../../../shared/domain/personAtLine'

export interface AuditQuery {
  entity?: string
  entityId?: string
  personId?: string
  action?: string
  batchId?: string
  from?: string
  to?: string
  offset: number
  limit: number
}

/** `to` as a bare day means the whole day. */
const endOf = (to: string) => (to.length === 10 ? `${to}T\uffff` : to)

/**
 * A person's lines: their contact's, and every line of a visit or enrollment that is theirs now
 * or whose create/delete line recorded them (so a deleted visit's date change is found too).
 * The recorded person is looked up in migration 0013's index: the expression and the entity
 * condition must stay exactly as there (each line records its person on one side only).
 */
function aboutPerson(personId: string) {
  return sql<boolean>`(
    (audit_log.entity = 'contact' AND audit_log.entity_id = ${personId})
    OR (audit_log.entity = 'visit' AND audit_log.entity_id IN (SELECT id FROM visits WHERE contact_id = ${personId}))
    OR (audit_log.entity = 'enrollment' AND audit_log.entity_id IN (SELECT id FROM enrollments WHERE contact_id = ${personId}))
    OR (audit_log.entity IN ('visit', 'enrollment') AND audit_log.entity_id IN (
      SELECT a.entity_id FROM audit_log a WHERE a.entity IN ('visit', 'enrollment')
        AND coalesce(a.changes ->> '$.contactId[1]', a.changes ->> '$.contactId[0]') = ${personId})))`
}

/** The filtered lines, before paging; columns qualified so the page's join stays unambiguous. */
function filtered(db: Kysely<Database>, q: AuditQuery) {
  let query = db.selectFrom('auditLog')
  if (q.entity) query = query.where('auditLog.entity', '=', q.entity)
  if (q.entityId) query = query.where('auditLog.entityId', '=', q.entityId)
  if (q.personId) query = query.where(aboutPerson(q.personId))
  if (q.action) query = query.where('auditLog.action', '=', q.action)
  if (q.batchId) query = query.where('auditLog.batchId', '=', q.batchId)
  if (q.from) query = query.where('auditLog.at', '>=', q.from)
  if (q.to) query = query.where('auditLog.at', '<=', endOf(q.to))
  return query
}

/**
 * Audit lines, newest first, with their field changes parsed. A line whose batch is an import
 * names the import's file (LEFT JOIN: other batches — pastes, bulk edits — have no row there).
 */
export async function listAudit(db: Kysely<Database>, q: AuditQuery): Promise<Page<AuditEntry>> {
  const rows = await filtered(db, q)
    .leftJoin('importBatches', 'importBatches.id', 'auditLog.batchId')
    .selectAll('auditLog')
    .select('importBatches.fileName as importFileName')
    .orderBy('auditLog.at', 'desc')
    .orderBy('auditLog.id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute()
  const { total } = await filtered(db, q)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow()
  const entries = rows.map((r) => ({
    id: r.id,
    at: r.at,
    userName: r.userName,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    changes: r.changes
      ? Object.entries(JSON.parse(r.changes) as Record<string, [unknown, unknown]>).map(([field, [before, after]]) => ({
          field,
          before,
          after,
        }))
      : [],
    batchId: r.batchId,
    importFileName: r.importFileName,
  }))
  return { total: Number(total), rows: await withPeople(db, entries) }
}

type Entry = Omit<AuditEntry, 'personId' | 'names' | 'openable'>

/**
 * The lines of these visits or enrollments that recorded their person (made, moved between
 * people, deleted, undone), by record: whose record each was at any line's time.
 */
async function personMarks(db: Kysely<Database>, entity: 'visit' | 'enrollment', ids: string[]) {
  const rows = await db
    .selectFrom('auditLog')
    .select([
      'id',
      'at',
      'entityId',
      sql<string | null>`changes ->> '$.contactId[0]'`.as('before'),
      sql<string | null>`changes ->> '$.contactId[1]'`.as('after'),
    ])
    .where('entity', '=', entity)
    .where('entityId', 'in', ids)
    .where(sql<boolean>`changes ->> '$.contactId' IS NOT NULL`)
    .execute()
  const marks = new Map<string, PersonMark[]>()
  for (const r of rows) {
    const list = marks.get(r.entityId!) ?? []
    list.push({ id: r.id, at: r.at, before: r.before, after: r.after })
    marks.set(r.entityId!, list)
  }
  return marks
}

/**
 * Who each line is about, by name: a contact line's own person; a visit's or enrollment's
 * person at the time of the line (personAtLine), so after 「参加者を変更」 the lines written
 * before the move still name the first person, and the move names both. A record whose log
 * never recorded its person (older than its lines) falls back on its person now.
 * A person removed for good (wiped) has no name left, and the line shows no one.
 */
async function withPeople(db: Kysely<Database>, entries: Entry[]): Promise<AuditEntry[]> {
  const idsOf = (entity: string) => [...new Set(entries.filter((e) => e.entity === entity && e.entityId).map((e) => e.entityId!))]
  const current = new Map<string, string>()
  const marks = new Map<string, PersonMark[]>()
  for (const [table, entity] of [
    ['visits', 'visit'],
    ['enrollments', 'enrollment'],
  ] as const) {
    const ids = idsOf(entity)
    if (ids.length === 0) continue
    for (const r of await db.selectFrom(table).select(['id', 'contactId']).where('id', 'in', ids).execute())
      current.set(r.id, r.contactId)
    for (const [id, list] of await personMarks(db, entity, ids)) marks.set(id, list)
  }
  const recorded = (e: Entry) =>
    e.changes
      .flatMap((c) => (c.field === 'contactId' ? [c.before, c.after] : []))
      .filter((v): v is string => typeof v === 'string')
  const personIdOf = (e: Entry): string | null => {
    if (e.entity === 'contact') return e.entityId
    if (!e.entityId || (e.entity !== 'visit' && e.entity !== 'enrollment')) return recorded(e)[0] ?? null
    return personAtLine(marks.get(e.entityId) ?? [], e, current.get(e.entityId) ?? null)
  }
  const people = [...new Set(entries.flatMap((e) => [personIdOf(e), ...recorded(e)]).filter((id): id is string => !!id))]
  const names = new Map<string, string>()
  const openable = new Set<string>()
  if (people.length > 0) {
    const rows = await db
      .selectFrom('contacts')
      .select(['id', 'deletedAt', sql<string>`trim(coalesce(family_name, '') || ' ' || coalesce(given_name, ''))`.as('name')])
      .where('id', 'in', people)
      .execute()
    for (const r of rows) if (r.name) names.set(r.id, r.name)
    for (const r of rows) if (r.name && r.deletedAt === null) openable.add(r.id)
    for (const id of await anonymizedAmong(db, [...openable])) openable.delete(id)
  }
  return entries.map((e) => {
    const personId = personIdOf(e)
    const own = [...new Set([personId, ...recorded(e)])].filter((id): id is string => !!id && names.has(id))
    return {
      ...e,
      personId,
      names: Object.fromEntries(own.map((id) => [id, names.get(id)!])),
      openable: own.filter((id) => openable.has(id)),
    }
  })
}

/** People among `ids` who were anonymized: their record is only 「匿名」, nothing to open. */
async function anonymizedAmong(db: Kysely<Database>, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('auditLog')
    .select('entityId')
    .distinct()
    .where('entity', '=', 'contact')
    .where('entityId', 'in', ids)
    .where('action', '=', 'anonymize')
    .execute()
  return rows.map((r) => r.entityId!)
}
