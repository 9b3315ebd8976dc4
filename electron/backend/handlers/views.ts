import type { viewMethods } from '../../../shared/contract/methods/views'
import type { AreaHandlers } from '../dispatch'
import * as repo from '../db/repos/viewsRepo'
import { deleteView, saveView } from '../services/views'

export const viewHandlers: AreaHandlers<typeof viewMethods> = {
  'views.list': ({ page }, { db }) => repo.listViews(db, page),
  'views.save': ({ page, name, state }, ctx) => saveView(ctx, page, name, state),
  'views.delete': async ({ id }, ctx) => ({ deleted: await deleteView(ctx, id) }),
}
