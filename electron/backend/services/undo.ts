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
import { pruneOldSessions, undoSessionId } from './undoLog'
import type { UndoChange } from './undoLog'

export async function peekUndo(ctx: BackendContext): Promise<UndoStatus | null> {
  await pruneOldSessions(ctx.db)
  const latest = await undoRepo.latestUndo(ctx.db, undoSessionId)
  return latest ? { label: latest.label, at: latest.createdAt } : null
}

const UNDO_AFTER_ANONYMIZE = 'この操作のあとで匿名化または統合された人が含まれるため、元に戻せません。'

/** Takes back the latest action of this session, all or nothing. */
export async function undoLast(ctx: BackendContext): Promise<UndoStatus | null> {
  const result = await ctx.db.transaction().execute(async (trx) => {
    const latest = await undoRepo.latestUndo(trx, undoSessionId)
    if (!latest) return null
    const changes = JSON.parse(latest.changes) as UndoChange[]
    const people = changes.flatMap((c) => (c.kind === 'fields' ? c.rows.map((r) => r.id) : c.ids))
    if ((await undoRepo.anonymizedSince(trx, people, latest.createdAt)).length > 0)
      return { refused: latest, status: null, ids: [] }
    const touched = new Set<string>()
    const batchId = batchIdFor(new Set(people).size) // undoing a bulk action is one bulk action
    for (const change of [...changes].reverse()) {
      for (const id of await revert(trx, ctx.userName, change, batchId)) touched.add(id)
    }
    await undoRepo.markUndone(trx, latest.seq, new Date().toISOString())
    return { refused: null, status: { label: latest.label, at: latest.createdAt }, ids: [...touched] }
  })
  if (!result) return null
  if (result.refused) {
    // Never again offered: the step stays in the log as done, and the user is told why.
    await undoRepo.markUndone(ctx.db, result.refused.seq, new Date().toISOString())
    throw ApiError.from('CONFLICT', { label: result.refused.label }, UNDO_AFTER_ANONYMIZE)
  }
  ctx.events.emit('data.changed', { entity: 'contact', ids: result.ids })
  return result.status!
}

/** Applies the inverse of one change; returns the people it touched. */
async function revert(trx: Kysely<Database>, userName: string, change: UndoChange, batchId: string | null): Promise<string[]> {
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
