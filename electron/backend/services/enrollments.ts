import type { Kysely } from 'kysely'
import { uuidv7 } from 'uuidv7'
import { ApiError } from '../../../shared/contract/errors'
import type { EnrollmentsAddResult } from '../../../shared/contract/methods/programs'
import type { EnrollmentList } from '../../../shared/contract/programs'
import { todayIso } from '../../../shared/domain/dates'
import { statusDateField } from '../../../shared/domain/enrollmentDates'
import { enrollmentStatuses } from '../../../shared/domain/vocabulary'
import type { EnrollmentRole, EnrollmentStatus } from '../../../shared/domain/vocabulary'
import type { BackendContext } from '../context'
import { recordAudit } from '../db/repos/auditRepo'
import type { AuditEntry, FieldChanges } from '../db/repos/auditRepo'
import * as repo from '../db/repos/enrollmentsRepo'
import { findProgramRow } from '../db/repos/programsRepo'
import type { Database } from '../db/schema'
import { batchIdFor } from './auditBatch'
import { assertLivePeople } from './livePeople'

/**
 * Enrolls many people at once. People already enrolled keep their enrollment untouched
 * (counted as alreadyEnrolled), so the bulk action is safe to repeat. Registration never
 * creates a visit: only attendance does.
 */
export async function addEnrollments(
  ctx: BackendContext,
  args: { programId: string; contactIds: string[]; status: EnrollmentStatus; role: EnrollmentRole },
): Promise<EnrollmentsAddResult> {
  const contactIds = [...new Set(args.contactIds)]
  const result = await ctx.db.transaction().execute(async (trx) => {
    const program = await findProgramRow(trx, args.programId)
    if (!program)
      throw ApiError.from('NOT_FOUND', { programId: args.programId }, 'プログラムが見つかりません。削除された可能性があります。')
    await assertLivePeople(trx, contactIds)
    const already = await repo.enrolledAmong(trx, args.programId, contactIds)
    const now = new Date().toISOString()
    const today = todayIso()
    const rows = contactIds
      .filter((c) => !already.has(c))
      .map((contactId) => ({
        id: uuidv7(),
        contactId,
        programId: args.programId,
        status: args.status,
        role: args.role,
        appliedOn: today,
        [statusDateField[args.status]]: today,
        createdAt: now,
        updatedAt: now,
      }))
    await repo.insertEnrollments(trx, rows)
    const batchId = uuidv7()
    await recordAudit(
      trx,
      rows.map((r) => ({
        userName: ctx.userName,
        action: 'create' as const,
        entity: 'enrollment',
        entityId: r.id,
        changes: {
          contactId: [null, r.contactId],
          programId: [null, r.programId],
          status: [null, r.status],
          role: [null, r.role],
        },
        batchId,
      })),
    )
    return {
      ids: rows.map((r) => r.id),
      added: rows.length,
      alreadyEnrolled: already.size,
      capacity: program.capacity,
      enrolledAfter: await repo.countHoldingPlaces(trx, args.programId),
    }
  })
  if (result.added > 0) ctx.events.emit('data.changed', { entity: 'enrollment', ids: result.ids })
  const { ids: _ids, ...summary } = result
  return summary
}

export async function listEnrollments(db: Kysely<Database>, programId: string): Promise<EnrollmentList> {
  const program = await findProgramRow(db, programId)
  if (!program) throw ApiError.from('NOT_FOUND', { programId }, 'プログラムが見つかりません。削除された可能性があります。')
  const rows = await repo.listProgramEnrollments(db, programId)
  const statusCounts = Object.fromEntries(enrollmentStatuses.codes.map((s) => [s, 0])) as Record<EnrollmentStatus, number>
  for (const r of rows) statusCounts[r.status as EnrollmentStatus] += 1
  return {
    rows: rows.map((r) => ({ ...r, status: r.status as EnrollmentStatus, role: r.role as EnrollmentRole })),
    statusCounts,
    capacity: program.capacity,
  }
}

/** Status and/or role changes; reaching a status records its date (the first time only). */
export async function updateEnrollments(
  ctx: BackendContext,
  ids: string[],
  patch: { status?: EnrollmentStatus; role?: EnrollmentRole },
): Promise<number> {
  const changedIds = await ctx.db.transaction().execute(async (trx) => {
    const rows = await repo.findEnrollments(trx, ids)
    if (rows.length !== new Set(ids).size)
      throw ApiError.from('NOT_FOUND', { ids }, '申込が見つかりません。削除された可能性があります。')
    const now = new Date().toISOString()
    const today = todayIso()
    const audit: AuditEntry[] = []
    const changed: string[] = []
    for (const row of rows) {
      const changes: FieldChanges = {}
      const values: Record<string, string> = {}
      if (patch.status && patch.status !== row.status) {
        changes.status = [row.status, patch.status]
        values.status = patch.status
        const column = statusDateField[patch.status]
        if (!row[column]) values[column] = today
      }
      if (patch.role && patch.role !== row.role) {
        changes.role = [row.role, patch.role]
        values.role = patch.role
      }
      if (Object.keys(changes).length === 0) continue
      await repo.updateEnrollment(trx, row.id, { ...values, updatedAt: now })
      audit.push({ userName: ctx.userName, action: 'update', entity: 'enrollment', entityId: row.id, changes })
      changed.push(row.id)
    }
    // One batch for the lines this bulk change wrote (known only now: unchanged rows write none).
    const batchId = batchIdFor(audit.length)
    await recordAudit(
      trx,
      audit.map((a) => ({ ...a, batchId })),
    )
    return changed
  })
  if (changedIds.length > 0) ctx.events.emit('data.changed', { entity: 'enrollment', ids: changedIds })
  return changedIds.length
}

/** For enrollments entered by mistake. Attendance already recorded stays (it happened). */
export async function removeEnrollments(ctx: BackendContext, ids: string[]): Promise<number> {
  const removed = await ctx.db.transaction().execute(async (trx) => {
    const rows = await repo.findEnrollments(trx, ids)
    await repo.deleteEnrollments(
      trx,
      rows.map((r) => r.id),
    )
    const batchId = batchIdFor(rows.length)
    await recordAudit(
      trx,
      rows.map((r) => ({
        userName: ctx.userName,
        action: 'delete' as const,
        entity: 'enrollment',
        entityId: r.id,
        changes: { contactId: [r.contactId, null], programId: [r.programId, null], status: [r.status, null] },
        batchId,
      })),
    )
    return rows.map((r) => r.id)
  })
  if (removed.length > 0) ctx.events.emit('data.changed', { entity: 'enrollment', ids: removed })
  return removed.length
}
