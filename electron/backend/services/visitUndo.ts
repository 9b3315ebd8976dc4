import type { Kysely } from 'kysely'
import { changedFields } from '../../../shared/domain/fieldChanges'
import { recordAudit } from '../db/repos/auditRepo'
import * as repo from '../db/repos/visitsRepo'
import type { Database, VisitsTable } from '../db/schema'
import { markRosterSaved } from '../db/repos/attendanceRepo'
import type { VisitUndoChange as VisitChange } from './undoLog'

/** The people whose visits an undo step touches (for the "anonymized since" refusal). */
export async function peopleOfVisitChange(trx: Kysely<Database>, change: VisitChange): Promise<string[]> {
  if (change.kind === 'visitsDeleted') return change.rows.map((r) => r.contactId)
  if (change.kind === 'rosterSaved') return []
  const ids = change.kind === 'visitFields' ? change.rows.map((r) => r.id) : change.ids
  // A visit moved to another person goes back to the first one: both are touched.
  const earlier =
    change.kind === 'visitFields'
      ? change.rows.flatMap((r) => (typeof r.before.contactId === 'string' ? [r.before.contactId] : []))
      : []
  return [...(await repo.findVisits(trx, ids)).map((r) => r.contactId), ...earlier]
}

/**
 * Whether a visit moved to another person can go back to the first: they still exist, and
 * (for a roster visit) are not on that session's roster again since.
 */
async function canReturnTo(trx: Kysely<Database>, row: VisitsTable, before: Record<string, unknown>): Promise<boolean> {
  const earlier = before.contactId
  if (typeof earlier !== 'string' || earlier === row.contactId) return true
  if (!(await repo.contactExists(trx, earlier))) return false
  return !(row.sessionId && (await repo.hasSessionVisit(trx, row.sessionId, earlier)))
}

/**
 * Takes back one visit change, audited as 'undo'; returns the visits it touched. A visit
 * removed since (a roster unticked) is left alone, and a deleted visit comes back only while
 * its person, program and session still exist: undo never recreates what someone removed later.
 */
export async function revertVisitChange(
  trx: Kysely<Database>,
  userName: string,
  change: VisitChange,
  batchId: string | null,
): Promise<string[]> {
  const audit = (entityId: string, changes: Record<string, [unknown, unknown]>) => ({
    userName,
    action: 'undo' as const,
    entity: 'visit',
    entityId,
    changes,
    batchId,
  })
  switch (change.kind) {
    case 'rosterSaved':
      // Back to the roster's earlier state: never saved → it starts from the session's default again.
      await markRosterSaved(trx, change.sessionId, change.savedAtBefore)
      return []
    case 'visitFields': {
      const current = new Map(
        (
          await repo.findVisits(
            trx,
            change.rows.map((r) => r.id),
          )
        ).map((r) => [r.id, r]),
      )
      const touched: string[] = []
      for (const { id, before } of change.rows) {
        const row = current.get(id)
        if (!row) continue
        if (!(await canReturnTo(trx, row, before))) continue
        const changes = changedFields(row, before)
        if (Object.keys(changes).length === 0) continue
        await repo.updateVisit(trx, id, { ...(before as Partial<VisitsTable>), updatedAt: new Date().toISOString() })
        await recordAudit(trx, [audit(id, changes)])
        touched.push(id)
      }
      return touched
    }
    case 'visitsCreated': {
      const rows = await repo.findVisits(trx, change.ids)
      await repo.deleteVisits(
        trx,
        rows.map((r) => r.id),
      )
      await recordAudit(
        trx,
        rows.map((r) => audit(r.id, { contactId: [r.contactId, null], visitDate: [r.visitDate, null] })),
      )
      return rows.map((r) => r.id)
    }
    case 'visitsDeleted': {
      const present = new Set(
        (
          await repo.findVisits(
            trx,
            change.rows.map((r) => r.id),
          )
        ).map((r) => r.id),
      )
      const back: VisitsTable[] = []
      for (const row of change.rows) {
        if (!present.has(row.id) && (await repo.canRestoreVisit(trx, row))) back.push(row)
      }
      await repo.insertVisits(trx, back)
      await recordAudit(
        trx,
        back.map((r) => audit(r.id, { contactId: [null, r.contactId], visitDate: [null, r.visitDate] })),
      )
      return back.map((r) => r.id)
    }
  }
}
