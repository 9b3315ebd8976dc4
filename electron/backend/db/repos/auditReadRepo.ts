import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { Page } from '../../../../shared/contract/listQuery'
import type { AuditEntry } from '../../../../shared/contract/participantRecords'
import type { Database } from '../schema'

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

type Entry = Omit<AuditEntry, 'personId' | 'names'>

/**
 * Who each line is about, by name: a contact line's own person; a visit's or enrollment's
 * person while that record exists, else the contactId its create or delete line recorded.
 * A person removed for good (wiped) has no name left, and the line shows no one.
 */
async function withPeople(db: Kysely<Database>, entries: Entry[]): Promise<AuditEntry[]> {
  const idsOf = (entity: string) => [...new Set(entries.filter((e) => e.entity === entity && e.entityId).map((e) => e.entityId!))]
  const personOf = new Map<string, string>()
  for (const [table, ids] of [
    ['visits', idsOf('visit')],
    ['enrollments', idsOf('enrollment')],
  ] as const) {
    if (ids.length === 0) continue
    for (const r of await db.selectFrom(table).select(['id', 'contactId']).where('id', 'in', ids).execute())
      personOf.set(r.id, r.contactId)
    // A record deleted since: the person its create or delete line recorded.
    const gone = ids.filter((id) => !personOf.has(id))
    if (gone.length === 0) continue
    const entity = table === 'visits' ? 'visit' : 'enrollment'
    const lines = await db
      .selectFrom('auditLog')
      .select([
        'entityId',
        sql<string | null>`coalesce(changes ->> '$.contactId[1]', changes ->> '$.contactId[0]')`.as('contactId'),
      ])
      .where('entity', '=', entity)
      .where('entityId', 'in', gone)
      .where('action', 'in', ['create', 'delete', 'undo'])
      .execute()
    for (const l of lines) if (l.contactId && !personOf.has(l.entityId!)) personOf.set(l.entityId!, l.contactId)
  }
  const recorded = (e: Entry) =>
    e.changes
      .flatMap((c) => (c.field === 'contactId' ? [c.before, c.after] : []))
      .filter((v): v is string => typeof v === 'string')
  const personIdOf = (e: Entry): string | null =>
    e.entity === 'contact' ? e.entityId : ((e.entityId && personOf.get(e.entityId)) ?? recorded(e)[0] ?? null)
  const people = [...new Set(entries.flatMap((e) => [personIdOf(e), ...recorded(e)]).filter((id): id is string => !!id))]
  const names = new Map<string, string>()
  if (people.length > 0) {
    const rows = await db
      .selectFrom('contacts')
      .select(['id', sql<string>`trim(coalesce(family_name, '') || ' ' || coalesce(given_name, ''))`.as('name')])
      .where('id', 'in', people)
      .execute()
    for (const r of rows) if (r.name) names.set(r.id, r.name)
  }
  return entries.map((e) => {
    const personId = personIdOf(e)
    const own = [personId, ...recorded(e)].filter((id): id is string => !!id && names.has(id))
    return { ...e, personId, names: Object.fromEntries(own.map((id) => [id, names.get(id)!])) }
  })
}
