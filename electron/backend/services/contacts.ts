import { ApiError } from '../../../shared/contract/errors'
import type { Contact, ContactPatch } from '../../../shared/contract/contacts'
import { alignPlace } from '../../../shared/domain/contactPlace'
import type { BackendContext } from '../context'
import * as repo from '../db/repos/contactsRepo'
import { listStages } from '../db/repos/stagesRepo'
import { applyColumns, insertNewContact, patchToColumns, setDeletedRows } from './contactWrites'
import { batchIdFor } from './auditBatch'
import { recordUndo } from './undoLog'
import { takeBackup } from '../safety/takeBackup'

/** One cell (or form) edit: saved, audited and undoable as one step. */
export async function updateContact(ctx: BackendContext, id: string, patch: ContactPatch): Promise<Contact> {
  const result = await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findContact(trx, id)
    if (!before) throw ApiError.from('NOT_FOUND', { id })
    const applied = await applyColumns(trx, ctx.userName, before, patchToColumns(alignPlace(patch, before.municipalityCode)))
    const changed = Object.keys(applied.before).length > 0
    if (changed) {
      await recordUndo(trx, `${before.familyName}${before.givenName}さんの編集`, [
        {
          kind: 'fields',
          rows: [{ id, before: applied.before }],
          stageHistoryIds: applied.stageHistoryId ? [applied.stageHistoryId] : [],
        },
      ])
    }
    return { row: applied.after, changed }
  })
  if (result.changed) ctx.events.emit('data.changed', { entity: 'contact', ids: [id] })
  return repo.toContact(result.row)
}

export async function createContact(ctx: BackendContext, fields: ContactPatch & { familyName: string | null }): Promise<Contact> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await insertNewContact(trx, ctx.userName, alignPlace(fields))
    await recordUndo(trx, `${fields.familyName ?? ''}${fields.givenName ?? ''}さんの追加`, [{ kind: 'created', ids: [newId] }])
    return newId
  })
  ctx.events.emit('data.changed', { entity: 'contact', ids: [id] })
  const created = await repo.findContact(ctx.db, id)
  return repo.toContact(created!)
}

/** Soft delete or restore; only rows that actually change state are logged and counted. */
export async function setDeleted(ctx: BackendContext, ids: string[], deleted: boolean): Promise<number> {
  if (deleted && ids.length > 1) await takeBackup(ctx, 'before-delete') // a bulk delete: a verified backup first
  const changed = await ctx.db.transaction().execute(async (trx) => {
    const changedIds = await setDeletedRows(trx, ctx.userName, ids, deleted, batchIdFor(ids.length))
    if (deleted) await recordUndo(trx, `${changedIds.length}人の削除`, [{ kind: 'deleted', ids: changedIds }])
    return changedIds
  })
  if (changed.length > 0) ctx.events.emit('data.changed', { entity: 'contact', ids: changed })
  return changed.length
}

/** Bulk stage change: one history line per person that actually moves, one undo step. */
export async function setStage(ctx: BackendContext, ids: string[], stage: string, note: string | null): Promise<number> {
  const changed = await ctx.db.transaction().execute(async (trx) => {
    const rows = (await repo.findContactsAnyState(trx, ids)).filter((r) => r.deletedAt === null)
    const undoRows: { id: string; before: Record<string, unknown> }[] = []
    const historyIds: string[] = []
    const batchId = batchIdFor(rows.length)
    for (const row of rows) {
      const applied = await applyColumns(trx, ctx.userName, row, { stage }, { stageNote: note, batchId })
      if (Object.keys(applied.before).length === 0) continue
      undoRows.push({ id: row.id, before: applied.before })
      if (applied.stageHistoryId) historyIds.push(applied.stageHistoryId)
    }
    const label = (await listStages(trx)).find((s) => s.code === stage)?.label ?? stage
    await recordUndo(trx, `${undoRows.length}人の段階を「${label}」に変更`, [
      { kind: 'fields', rows: undoRows, stageHistoryIds: historyIds },
    ])
    return undoRows.map((r) => r.id)
  })
  if (changed.length > 0) ctx.events.emit('data.changed', { entity: 'contact', ids: changed })
  return changed.length
}
