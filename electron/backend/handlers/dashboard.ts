import type { dashboardMethods } from '../../../shared/contract/methods/dashboard'
import type { AreaHandlers } from '../dispatch'
import { dashboard } from '../services/dashboard'

export const dashboardHandlers: AreaHandlers<typeof dashboardMethods> = {
  'dashboard.get': ({ fiscalYear }, ctx) => dashboard(ctx, fiscalYear),
}
