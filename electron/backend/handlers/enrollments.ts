import type { enrollmentMethods } from '../../../shared/contract/methods/enrollments'
import type { AreaHandlers } from '../dispatch'
import * as service from '../services/enrollments'

export const enrollmentHandlers: AreaHandlers<typeof enrollmentMethods> = {
  'enrollments.list': ({ programId }, { db }) => service.listEnrollments(db, programId),
  'enrollments.update': async ({ ids, patch }, ctx) => ({ updated: await service.updateEnrollments(ctx, ids, patch) }),
  'enrollments.remove': async ({ ids }, ctx) => ({ removed: await service.removeEnrollments(ctx, ids) }),
}
