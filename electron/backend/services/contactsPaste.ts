import { uuidv7 } from 'uuidv7'
import { ApiError } from '../../../shared/contract/errors'
import type { ContactPatch } from '../../../shared/contract/contacts'
import type { BackendContext } from '../context'
import * as repo from '../db/repos/contactsRepo'
import { applyColumns, insertNewContact, patchToColumns } from './contactWrites'
import { recordUndo } from './undoLog'
import type { UndoChange } from './undoLog'

/**
 * Rows pasted from Excel: new people and changes to existing ones in one transaction (a
 * missing person aborts all of it), one undo step and one audit batch.
 */
export async function pasteContacts(
  ctx: BackendContext,
  create: (ContactPatch & { familyName: string | null })[],
  update: { id: string; patch: ContactPatch }[],
): Promise<{ created: number; updated: number }> {
  const result = await ctx.db.transaction().execute(async (trx) => {
    const batchId = uuidv7()
    const createdIds: string[] = []
    for (const fields of create) createdIds.push(await insertNewContact(trx, ctx.userName, fields, batchId))
    const fields: Extract<UndoChange, { kind: 'fields' }> = { kind: 'fields', rows: [], stageHistoryIds: [] }
    for (const { id, patch } of update) {
      const before = await repo.findContact(trx, id)
      if (!before) throw ApiError.from('NOT_FOUND', { id })
      const applied = await applyColumns(trx, ctx.userName, before, patchToColumns(patch), { batchId })
      if (Object.keys(applied.before).length === 0) continue
      fields.rows.push({ id, before: applied.before })
      if (applied.stageHistoryId) fields.stageHistoryIds.push(applied.stageHistoryId)
    }
    const parts = [
      createdIds.length > 0 ? `${createdIds.length}人を追加` : '',
      fields.rows.length > 0 ? `${fields.rows.length}人を更新` : '',
    ]
    await recordUndo(trx, `貼り付け（${parts.filter(Boolean).join('・')}）`, [{ kind: 'created', ids: createdIds }, fields])
    return { ids: [...createdIds, ...fields.rows.map((r) => r.id)], created: createdIds.length, updated: fields.rows.length }
  })
  if (result.ids.length > 0) ctx.events.emit('data.changed', { entity: 'contact', ids: result.ids })
  return { created: result.created, updated: result.updated }
}
