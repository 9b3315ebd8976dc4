import type { visitMethods } from '../../../shared/contract/methods/visits'
import type { AreaHandlers } from '../dispatch'
import { listVisits } from '../db/repos/visitsRepo'

export const visitHandlers: AreaHandlers<typeof visitMethods> = {
  'visits.list': (args, { db }) => listVisits(db, args),
}
