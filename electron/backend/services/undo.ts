import type { Kysely, Updateable } from 'kysely'
import { ApiError } from '../../../shared/contract/errors'
import type { UndoStatus } from '../../../shared/contract/participantRecords'
import type { BackendContext } from '../context'
import * as repo from '../db/repos/contactsRepo'
import * as tagsRepo from '../db/repos/tagsRepo'
import * as undoRepo from '../db/repos/undoRepo'
import type { ContactsTable, Database } from '../db/schema'
import { applyColumns, setDeletedRows } from './contactWrites'
import { batchIdFor } from './auditBatch'
import { auditTagChange } from './tags'
import { isVisitChange, pruneOldSessions, undoSessionId } from './undoLog'
import type { UndoChange, VisitUndoChange } from './undoLog'
import { peopleOfVisitChange, revertVisitChange } from './visitUndo'

export async function peekUndo(ctx: BackendContext): Promise<UndoStatus | null> {
  await pruneOldSessions(ctx.db)
  const latest = await undoRepo.latestUndo(ctx.db, undoSessionId)
  return latest ? statusOf(latest) : null
}

const statusOf = (row: undoRepo.UndoRow): UndoStatus => ({ label: row.label, at: row.createdAt, step: row.seq })

/** Why `step` cannot be taken back: something was done after it, or it was taken back already. */
function notLatest(latest: undoRepo.UndoRow | undefined, step: number): ApiError {
  if (!latest || latest.seq < step) return ApiError.from('CONFLICT', { step }, 'この操作はすでに元に戻されています。')
  return ApiError.from(
    'CONFLICT',
    { step, latest: latest.label },
    `このあとに別の操作（${latest.label}）があるため、ここでは元に戻せません。` +
      '参加者や訪問・参加記録の「元に戻す」で、新しい操作から順に戻してください。',
  )
}

const UNDO_AFTER_ANONYMIZE = 'この操作のあとで匿名化または統合された人が含まれるため、元に戻せません。'

/**
 * Takes back the latest action of this session, all or nothing. With `step`, only that action:
 * a screen's own 元に戻す must never take back something done since, elsewhere.
 */
export async function undoLast(ctx: BackendContext, step?: number): Promise<UndoStatus | null> {
  const result = await ctx.db.transaction().execute(async (trx) => {
    const latest = await undoRepo.latestUndo(trx, undoSessionId)
    if (step !== undefined && latest?.seq !== step) throw notLatest(latest, step)
    if (!latest) return null
    const changes = JSON.parse(latest.changes) as UndoChange[]
    const people: string[] = []
    let visitCount = 0
    for (const c of changes) {
      if (isVisitChange(c)) {
        people.push(...(await peopleOfVisitChange(trx, c)))
        visitCount += 'rows' in c ? c.rows.length : 'ids' in c ? c.ids.length : 0
      } else people.push(...(c.kind === 'fields' ? c.rows.map((r) => r.id) : c.ids))
    }
    if ((await undoRepo.anonymizedSince(trx, people, latest.createdAt)).length > 0)
      return { refused: latest, status: null, ids: [], visits: [], sessions: [] }
    const touched = new Set<string>()
    const visits = new Set<string>()
    // Undoing a bulk action is one bulk action.
    const batchId = batchIdFor(visitCount > 0 ? visitCount : new Set(people).size)
    for (const change of [...changes].reverse()) {
      if (isVisitChange(change)) {
        for (const id of await revertVisitChange(trx, ctx.userName, change, batchId)) visits.add(id)
      } else for (const id of await revert(trx, ctx.userName, change, batchId)) touched.add(id)
    }
    await undoRepo.markUndone(trx, latest.seq, new Date().toISOString())
    const sessions = changes.flatMap((c) => (c.kind === 'rosterSaved' ? [c.sessionId] : []))
    return {
      refused: null,
      status: statusOf(latest),
      ids: [...touched],
      visits: [...visits],
      sessions,
    }
  })
  if (!result) return null
  if (result.refused) {
    // Never again offered: the step stays in the log as done, and the user is told why.
    await undoRepo.markUndone(ctx.db, result.refused.seq, new Date().toISOString())
    throw ApiError.from('CONFLICT', { label: result.refused.label }, UNDO_AFTER_ANONYMIZE)
  }
  if (result.ids.length > 0 || result.visits.length === 0) ctx.events.emit('data.changed', { entity: 'contact', ids: result.ids })
  if (result.visits.length > 0) ctx.events.emit('data.changed', { entity: 'visit', ids: result.visits })
  // A roster save taken back: its session's attendance count and roster change with it.
  if (result.sessions.length > 0) ctx.events.emit('data.changed', { entity: 'session', ids: result.sessions })
  return result.status!
}

/** Applies the inverse of one change; returns the people it touched. */
async function revert(
  trx: Kysely<Database>,
  userName: string,
  change: Exclude<UndoChange, VisitUndoChange>,
  batchId: string | null,
): Promise<string[]> {
  switch (change.kind) {
    case 'fields': {
      const current = new Map(
        (
          await repo.findContactsAnyState(
            trx,
            change.rows.map((r) => r.id),
          )
        ).map((r) => [r.id, r]),
      )
      for (const { id, before } of change.rows) {
        const row = current.get(id)
        if (row)
          await applyColumns(trx, userName, row, before as Updateable<ContactsTable>, {
            stageHistory: false,
            batchId,
            action: 'undo',
          })
      }
      // The stage history said the stage changed; after undo it did not.
      await repo.deleteStageChanges(trx, change.stageHistoryIds)
      return change.rows.map((r) => r.id)
    }
    case 'deleted':
      return setDeletedRows(trx, userName, change.ids, false, batchId)
    case 'created':
      return setDeletedRows(trx, userName, change.ids, true, batchId)
    // Tag links are personal data too: their undo is audited like any untag or tag.
    case 'tagged': {
      const name = (await tagsRepo.findTag(trx, change.tagId))?.name ?? ''
      const gone = await tagsRepo.removeTag(trx, change.tagId, change.ids)
      await auditTagChange(trx, userName, gone, name, false, batchId)
      if (change.newTag) await tagsRepo.deleteTag(trx, change.tagId)
      return change.ids
    }
    case 'untagged': {
      const name = (await tagsRepo.findTag(trx, change.tagId))?.name ?? ''
      const added = await tagsRepo.addTag(trx, change.tagId, change.ids, new Date().toISOString())
      await auditTagChange(trx, userName, added, name, true, batchId)
      return change.ids
    }
  }
}
