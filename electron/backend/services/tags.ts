import type { Kysely } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { BackendContext } from '../context'
import { recordAudit } from '../db/repos/auditRepo'
import * as tagsRepo from '../db/repos/tagsRepo'
import type { Database } from '../db/schema'
import { batchIdFor } from './auditBatch'
import { recordUndo } from './undoLog'

/**
 * One audit line per person whose tags changed ('+name' added, '-name' removed). Shared with
 * undo, so taking a tagging back is recorded the same way as untagging by hand.
 */
export async function auditTagChange(
  trx: Kysely<Database>,
  userName: string,
  ids: string[],
  name: string,
  added: boolean,
  batchId: string | null = batchIdFor(ids.length),
): Promise<void> {
  await recordAudit(
    trx,
    ids.map((id) => ({
      userName,
      action: 'update' as const,
      entity: 'contact',
      entityId: id,
      changes: { tags: added ? [null, `+${name}`] : [`-${name}`, null] },
      batchId,
    })),
  )
}

/** Adds a tag by name to people (creating the tag when new); one undo step. */
export async function addTagToContacts(ctx: BackendContext, ids: string[], name: string) {
  const result = await ctx.db.transaction().execute(async (trx) => {
    const now = new Date().toISOString()
    const existing = await tagsRepo.findTagByName(trx, name)
    const tagId = existing?.id ?? uuidv7()
    if (!existing) await tagsRepo.insertTag(trx, { id: tagId, name, createdAt: now })
    const added = await tagsRepo.addTag(trx, tagId, ids, now)
    await auditTagChange(trx, ctx.userName, added, name, true)
    await recordUndo(trx, `${added.length}人にタグ「${name}」を追加`, [{ kind: 'tagged', tagId, ids: added, newTag: !existing }])
    return { tagId, added }
  })
  if (result.added.length > 0) ctx.events.emit('data.changed', { entity: 'contact', ids: result.added })
  return { tagId: result.tagId, added: result.added.length }
}

export async function removeTagFromContacts(ctx: BackendContext, ids: string[], tagId: string) {
  const removed = await ctx.db.transaction().execute(async (trx) => {
    const tag = await tagsRepo.findTag(trx, tagId)
    const gone = await tagsRepo.removeTag(trx, tagId, ids)
    const name = tag?.name ?? ''
    await auditTagChange(trx, ctx.userName, gone, name, false)
    await recordUndo(trx, `${gone.length}人からタグ「${name}」を外す`, [{ kind: 'untagged', tagId, ids: gone }])
    return gone
  })
  if (removed.length > 0) ctx.events.emit('data.changed', { entity: 'contact', ids: removed })
  return { removed: removed.length }
}
