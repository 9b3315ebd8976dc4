import type { Kysely } from 'kysely'
import type { Page } from '../../../../shared/contract/listQuery'
import type { AuditEntry } from '../../../../shared/contract/participantRecords'
import type { Database } from '../schema'

export interface AuditQuery {
  entity?: string
  entityId?: string
  action?: string
  from?: string
  to?: string
  offset: number
  limit: number
}

/** `to` as a bare day means the whole day. */
const endOf = (to: string) => (to.length === 10 ? `${to}T\uffff` : to)

/** Audit lines, newest first, with their field changes parsed. */
export async function listAudit(db: Kysely<Database>, q: AuditQuery): Promise<Page<AuditEntry>> {
  let query = db.selectFrom('auditLog')
  if (q.entity) query = query.where('entity', '=', q.entity)
  if (q.entityId) query = query.where('entityId', '=', q.entityId)
  if (q.action) query = query.where('action', '=', q.action)
  if (q.from) query = query.where('at', '>=', q.from)
  if (q.to) query = query.where('at', '<=', endOf(q.to))
  const rows = await query.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute()
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
  return {
    total: Number(total),
    rows: rows.map((r) => ({
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
    })),
  }
}
