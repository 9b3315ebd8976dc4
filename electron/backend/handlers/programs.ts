import type { programMethods } from '../../../shared/contract/methods/programs'
import type { AreaHandlers } from '../dispatch'
import { listProgramSummaries } from '../db/repos/programsRepo'

export const programHandlers: AreaHandlers<typeof programMethods> = {
  'programs.list': ({ fiscalYear }, { db }) => listProgramSummaries(db, fiscalYear),
}
