import { uuidv7 } from 'uuidv7'
import type { SavedView, SavedViewState } from '../../../shared/contract/participantRecords'
import type { BackendContext } from '../context'
import * as repo from '../db/repos/viewsRepo'

/** Saved views change the sidebar of every open window: announce it. */
export async function saveView(ctx: BackendContext, page: string, name: string, state: SavedViewState): Promise<SavedView> {
  const saved = await repo.upsertView(ctx.db, {
    id: uuidv7(),
    page,
    name,
    state: JSON.stringify(state),
    at: new Date().toISOString(),
  })
  ctx.events.emit('data.changed', { entity: 'view', ids: [saved.id] })
  return saved
}

export async function deleteView(ctx: BackendContext, id: string): Promise<number> {
  const deleted = await repo.deleteView(ctx.db, id)
  if (deleted > 0) ctx.events.emit('data.changed', { entity: 'view', ids: [id] })
  return deleted
}
