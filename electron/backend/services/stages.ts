import { ApiError } from '../../../shared/contract/errors'
import type { Stage } from '../../../shared/contract/records'
import type { StageCode } from '../../../shared/domain/vocabulary'
import type { BackendContext } from '../context'
import { listStages, renameStage } from '../db/repos/stagesRepo'

/**
 * Stage labels are the coordinator's words (codes never change), but two stages may not share
 * one: the grid, its filter and the reports would show them as a single stage.
 */
export async function renameStageLabel(ctx: BackendContext, code: StageCode, label: string): Promise<Stage[]> {
  const stages = await listStages(ctx.db)
  if (stages.some((s) => s.label === label && s.code !== code)) {
    throw ApiError.from('CONFLICT', { label }, `「${label}」は別の段階の名前として使われています。`)
  }
  await renameStage(ctx.db, code, label)
  ctx.events.emit('data.changed', { entity: 'setting' })
  return listStages(ctx.db)
}
