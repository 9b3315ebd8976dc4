import type { visitMethods } from '../../../shared/contract/methods/visits'
import type { AreaHandlers } from '../dispatch'
import { listVisits } from '../db/repos/visitsRepo'
import * as service from '../services/visits'

export const visitHandlers: AreaHandlers<typeof visitMethods> = {
  'visits.list': (args, { db }) => listVisits(db, args),
  'visits.fiscalYears': (_args, { db }) => service.recordedFiscalYears(db),
  'visits.create': ({ contactIds, programId, fields }, ctx) => service.createVisits(ctx, contactIds, programId, fields),
  'visits.update': ({ id, patch }, ctx) => service.updateVisit(ctx, id, patch),
  'visits.delete': async ({ ids }, ctx) => ({ deleted: await service.deleteVisits(ctx, ids) }),
}
