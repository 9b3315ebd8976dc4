import { uuidv7 } from 'uuidv7'
import { ApiError } from '../../../shared/contract/errors'
import type { VisitRow } from '../../../shared/contract/records'
import { fiscalYearOf, slashDate } from '../../../shared/domain/dates'
import { changedFields } from '../../../shared/domain/fieldChanges'
import { nightsFor } from '../../../shared/domain/vocabulary'
import type { VisitMode } from '../../../shared/domain/vocabulary'
import type { Kysely } from 'kysely'
import type { BackendContext } from '../context'
import type { Database } from '../db/schema'
import { recordAudit } from '../db/repos/auditRepo'
import { findProgramRow, programFiscalYears } from '../db/repos/programsRepo'
import * as repo from '../db/repos/visitsRepo'
import { batchIdFor } from './auditBatch'
import { assertLivePeople } from './livePeople'
import { recordUndo } from './undoLog'

export interface VisitFields {
  visitDate: string
  mode: VisitMode
  municipalityCode: string | null
  nights: number
  purpose: string | null
  notes: string | null
}

/** Standalone visits: one per person with the same day and details, all or nothing. */
export async function createVisits(
  ctx: BackendContext,
  contactIds: string[],
  programId: string | null,
  fields: VisitFields,
): Promise<{ created: number; ids: string[] }> {
  const people = [...new Set(contactIds)]
  const ids = await ctx.db.transaction().execute(async (trx) => {
    await assertLivePeople(trx, people)
    if (programId && !(await findProgramRow(trx, programId))) {
      throw ApiError.from('NOT_FOUND', { programId }, 'プログラムが見つかりません。削除された可能性があります。')
    }
    const now = new Date().toISOString()
    const rows = people.map((contactId) => ({
      id: uuidv7(),
      contactId,
      programId,
      sessionId: null,
      ...fields,
      nights: nightsFor(fields.mode, fields.nights),
      createdAt: now,
      updatedAt: now,
    }))
    await repo.insertVisits(trx, rows)
    const batchId = batchIdFor(rows.length)
    await recordAudit(
      trx,
      rows.map((r) => ({
        userName: ctx.userName,
        action: 'create' as const,
        entity: 'visit',
        entityId: r.id,
        changes: { contactId: [null, r.contactId], visitDate: [null, r.visitDate] },
        batchId,
      })),
    )
    await recordUndo(trx, `訪問・参加の記録（${slashDate(fields.visitDate)}・${rows.length}件）`, [
      { kind: 'visitsCreated', ids: rows.map((r) => r.id) },
    ])
    return rows.map((r) => r.id)
  })
  ctx.events.emit('data.changed', { entity: 'visit', ids })
  return { created: ids.length, ids }
}

/** What visits.update may change: the fields, and whose visit it is. */
export type VisitPatch = Partial<VisitFields> & { contactId?: string }

export async function updateVisit(ctx: BackendContext, id: string, patch: VisitPatch): Promise<VisitRow> {
  const changed = await ctx.db.transaction().execute(async (trx) => {
    const [before] = await repo.findVisits(trx, [id])
    if (!before) throw ApiError.from('NOT_FOUND', { id }, '訪問・参加記録が見つかりません。削除された可能性があります。')
    if (before.sessionId && patch.visitDate !== undefined && patch.visitDate !== before.visitDate) {
      throw ApiError.from('CONFLICT', { id }, 'プログラムの回の出席記録は日付を変更できません。回の日付を変更してください。')
    }
    if (patch.contactId !== undefined && patch.contactId !== before.contactId) {
      await assertLivePeople(trx, [patch.contactId])
      // A session's roster has one line per person: the new person may already be on it.
      if (before.sessionId && (await repo.hasSessionVisit(trx, before.sessionId, patch.contactId))) {
        throw ApiError.from('CONFLICT', { id }, 'その人はこの回の出席としてすでに記録されています。出欠表で確認してください。')
      }
    }
    // Online involvement has no overnight stay, whichever of the two the patch changes.
    const mode = patch.mode ?? (before.mode as VisitMode)
    if (patch.mode !== undefined || patch.nights !== undefined)
      patch = { ...patch, nights: nightsFor(mode, patch.nights ?? before.nights) }
    const changes = changedFields(before, patch)
    if (Object.keys(changes).length === 0) return false
    await repo.updateVisit(trx, id, { ...patch, updatedAt: new Date().toISOString() })
    await recordAudit(trx, [{ userName: ctx.userName, action: 'update', entity: 'visit', entityId: id, changes }])
    const previous = Object.fromEntries(Object.entries(changes).map(([field, [old]]) => [field, old]))
    await recordUndo(trx, `訪問・参加記録の変更（${slashDate(before.visitDate)}）`, [
      { kind: 'visitFields', rows: [{ id, before: previous }] },
    ])
    return true
  })
  if (changed) ctx.events.emit('data.changed', { entity: 'visit', ids: [id] })
  return (await repo.findVisitRow(ctx.db, id))!
}

/** Deleting a roster visit is the same as unticking that person on the roster. */
export async function deleteVisits(ctx: BackendContext, ids: string[]): Promise<number> {
  const deleted = await ctx.db.transaction().execute(async (trx) => {
    const rows = await repo.findVisits(trx, ids)
    await repo.deleteVisits(
      trx,
      rows.map((r) => r.id),
    )
    const batchId = batchIdFor(rows.length)
    await recordAudit(
      trx,
      rows.map((r) => ({
        userName: ctx.userName,
        action: 'delete' as const,
        entity: 'visit',
        entityId: r.id,
        // A roster visit says which session it was on; a standalone one has nothing to say there.
        changes: {
          contactId: [r.contactId, null],
          visitDate: [r.visitDate, null],
          ...(r.sessionId ? { sessionId: [r.sessionId, null] } : {}),
        },
        batchId,
      })),
    )
    // Deleted for good, so the undo step keeps the whole rows to write them back.
    await recordUndo(trx, `訪問・参加記録の削除（${rows.length}件）`, [{ kind: 'visitsDeleted', rows }])
    return rows.map((r) => r.id)
  })
  if (deleted.length > 0) ctx.events.emit('data.changed', { entity: 'visit', ids: deleted })
  return deleted.length
}

/** 年度 with a visit or a program, newest first (see visits.fiscalYears). */
export async function recordedFiscalYears(db: Kysely<Database>): Promise<number[]> {
  const years = new Set(await programFiscalYears(db))
  for (const month of await repo.monthsWithVisits(db)) years.add(fiscalYearOf(`${month}-01`))
  return [...years].sort((a, b) => b - a)
}
