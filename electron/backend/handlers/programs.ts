import type { programMethods } from '../../../shared/contract/methods/programs'
import type { AreaHandlers } from '../dispatch'
import { listProgramSummaries, programFiscalYears } from '../db/repos/programsRepo'
import { addEnrollments } from '../services/enrollments'
import * as service from '../services/programs'

export const programHandlers: AreaHandlers<typeof programMethods> = {
  'programs.list': ({ fiscalYear }, { db }) => listProgramSummaries(db, fiscalYear),
  'programs.fiscalYears': (_args, { db }) => programFiscalYears(db),
  'programs.get': ({ id }, { db }) => service.getProgram(db, id),
  'programs.create': ({ fields }, ctx) => service.createProgram(ctx, fields),
  'programs.update': ({ id, patch }, ctx) => service.updateProgram(ctx, id, patch),
  'programs.delete': async ({ id }, ctx) => ({ deleted: await service.deleteProgram(ctx, id) }),
  'programs.copyToNextYear': ({ id }, ctx) => service.copyProgramToNextYear(ctx, id),
  'enrollments.add': (args, ctx) => addEnrollments(ctx, args),
}
