import type { Kysely } from 'kysely'
import type { Page } from '../../../../shared/contract/listQuery'
import type { AuditEntry } from '../../../../shared/contract/participantRecords'
import type { Database } from '../schema'

export interface AuditQuery {
  entity?: string
  entityId?: string
  action?: string
  batchId?: string
  from?: string
  to?: string
  offset: number
  limit: number
}

/** `to` as a bare day means the whole day. */
const endOf = (to: string) => (to.length === 10 ? `${to}T\uffff` : to)

/** The filtered lines, before paging; columns qualified so the page's join stays unambiguous. */
function filtered(db: Kysely<Database>, q: AuditQuery) {
  let query = db.selectFrom('auditLog')
  if (q.entity) query = query.where('auditLog.entity', '=', q.entity)
  if (q.entityId) query = query.where('auditLog.entityId', '=', q.entityId)
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
      batchId: r.batchId,
      importFileName: r.importFileName,
    })),
  }
}
