import type { Kysely } from 'kysely'
import { defaultStageRule } from '../../../shared/domain/stageSuggestion'
import type { StageRule } from '../../../shared/domain/stageSuggestion'
import { stages } from '../../../shared/domain/vocabulary'
import type { BackendContext } from '../context'
import { recordAudit } from '../db/repos/auditRepo'
import { readSetting, writeSetting } from '../db/repos/settingsRepo'
import type { Database } from '../db/schema'

const KEY = 'stageSuggestionRule'

/** The stored rule over the defaults, so a rule saved by an older version still reads whole. */
export async function readStageRule(db: Kysely<Database>): Promise<StageRule> {
  const stored = await readSetting(db, KEY)
  const rule = { ...defaultStageRule, ...(stored && typeof stored === 'object' ? (stored as Partial<StageRule>) : {}) }
  if (!stages.codes.includes(rule.toStage)) rule.toStage = defaultStageRule.toStage
  return rule
}

export async function saveStageRule(ctx: BackendContext, rule: StageRule): Promise<StageRule> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await readStageRule(trx)
    await writeSetting(trx, KEY, rule)
    await recordAudit(trx, [
      { userName: ctx.userName, action: 'update', entity: 'setting', entityId: KEY, changes: { rule: [before, rule] } },
    ])
  })
  ctx.events.emit('data.changed', { entity: 'setting' })
  return readStageRule(ctx.db)
}
