import type { auditMethods } from '../../../shared/contract/methods/audit'
import type { AreaHandlers } from '../dispatch'
import { listAudit } from '../db/repos/auditReadRepo'

export const auditHandlers: AreaHandlers<typeof auditMethods> = {
  'audit.list': (args, { db }) => listAudit(db, args),
}
