import type { sessionMethods } from '../../../shared/contract/methods/sessions'
import type { AreaHandlers } from '../dispatch'
import { getRoster, saveRoster } from '../services/roster'
import * as service from '../services/sessions'

export const sessionHandlers: AreaHandlers<typeof sessionMethods> = {
  'sessions.list': ({ programId }, { db }) => service.listSessions(db, programId),
  'sessions.create': ({ programId, fields }, ctx) =>
    service.createSessions(ctx, programId, [fields.date], fields).then((s) => s[0]),
  'sessions.createSeries': ({ programId, rule, count, fields }, ctx) => service.createSeries(ctx, programId, rule, count, fields),
  'sessions.update': ({ id, patch }, ctx) => service.updateSession(ctx, id, patch),
  'sessions.delete': async ({ id }, ctx) => ({ deleted: await service.deleteSession(ctx, id) }),
  'roster.get': ({ sessionId }, { db }) => getRoster(db, sessionId),
  'roster.save': ({ sessionId, entries }, ctx) => saveRoster(ctx, sessionId, entries),
}
