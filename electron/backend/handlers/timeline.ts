import type { timelineMethods } from '../../../shared/contract/methods/timeline'
import type { AreaHandlers } from '../dispatch'
import { readStageRule, saveStageRule } from '../services/stageRule'
import * as service from '../services/timeline'

export const timelineHandlers: AreaHandlers<typeof timelineMethods> = {
  'timeline.get': ({ contactId }, { db }) => service.personTimeline(db, contactId),
  'timeline.acceptSuggestion': ({ contactId, stage }, ctx) => service.acceptSuggestion(ctx, contactId, stage),
  'timeline.ignoreSuggestion': ({ contactId, stage }, ctx) => service.ignoreSuggestion(ctx, contactId, stage),
  'stageRule.get': (_args, { db }) => readStageRule(db),
  'stageRule.set': ({ rule }, ctx) => saveStageRule(ctx, rule),
}
