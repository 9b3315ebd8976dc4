import type { Kysely } from 'kysely'
import { stageRuleOf } from '../../../shared/domain/stageSuggestion'
import type { StageRule } from '../../../shared/domain/stageSuggestion'
import type { BackendContext } from '../context'
import { recordAudit } from '../db/repos/auditRepo'
import { readSetting, writeSetting } from '../db/repos/settingsRepo'
import type { Database } from '../db/schema'

const KEY = 'stageSuggestionRule'

export async function readStageRule(db: Kysely<Database>): Promise<StageRule> {
  return stageRuleOf(await readSetting(db, KEY))
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
