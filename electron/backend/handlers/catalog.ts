import { ApiError } from '../../../shared/contract/errors'
import type { Handlers } from '../dispatch'
import { listStages, renameStage } from '../db/repos/stagesRepo'
import { listProgramSummaries } from '../db/repos/programsRepo'
import { listVisits } from '../db/repos/visitsRepo'

export const catalogHandlers: Pick<Handlers, 'stages.list' | 'stages.rename' | 'programs.list' | 'visits.list'> = {
  'stages.list': (_args, { db }) => listStages(db),
  async 'stages.rename'({ code, label }, { db, events }) {
    const stages = await listStages(db)
    if (stages.some((s) => s.label === label && s.code !== code)) {
      throw ApiError.from('CONFLICT', { label }, `「${label}」は別の段階の名前として使われています。`)
    }
    await renameStage(db, code, label)
    events.emit('data.changed', { entity: 'setting' })
    return listStages(db)
  },
  'programs.list': ({ fiscalYear }, { db }) => listProgramSummaries(db, fiscalYear),
  'visits.list': (args, { db }) => listVisits(db, args),
}
