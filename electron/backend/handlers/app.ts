import type { appMethods } from '../../../shared/contract/methods/app'
import type { AreaHandlers } from '../dispatch'
import { recordsPresent } from '../db/repos/recordCountsRepo'
import { listStages } from '../db/repos/stagesRepo'
import { appInfo, databaseIdentity } from '../services/appInfo'
import { renameStageLabel } from '../services/stages'

export const appHandlers: AreaHandlers<typeof appMethods> = {
  'app.info': (_args, ctx) => appInfo(ctx),
  'app.identity': (_args, ctx) => databaseIdentity(ctx),
  'app.hasRecords': (_args, { handle }) => recordsPresent(handle.sqlite),
  'stages.list': (_args, { db }) => listStages(db),
  'stages.rename': ({ code, label }, ctx) => renameStageLabel(ctx, code, label),
}
