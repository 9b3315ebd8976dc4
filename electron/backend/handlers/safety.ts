import { ApiError } from '../../../shared/contract/errors'
import type { safetyMethods } from '../../../shared/contract/methods/safety'
import type { BackendContext } from '../context'
import type { AreaHandlers } from '../dispatch'
import type { SafetyDoor } from '../safety/door'

function door(ctx: BackendContext): SafetyDoor {
  if (!ctx.safety) throw ApiError.from('INTERNAL', { reason: 'no open flow' })
  return ctx.safety
}

export const safetyHandlers: AreaHandlers<typeof safetyMethods> = {
  'safety.status': (_args, ctx) => door(ctx).status(),
  'safety.unlock': ({ passphrase }, ctx) => door(ctx).unlock(passphrase),
  'safety.listBackups': (_args, ctx) => door(ctx).listBackups(),
  'safety.restore': ({ backupId, passphrase, bringBackErased }, ctx) =>
    door(ctx).restore(backupId, passphrase, { bringBackErased }),
  'safety.restorePreview': ({ backupId, passphrase }, ctx) => door(ctx).restorePreview(backupId, passphrase),
  'safety.restoreFromFile': ({ fileId, passphrase, bringBackErased }, ctx) =>
    door(ctx).restoreFromFile(fileId, passphrase, { bringBackErased }),
  'safety.backupNow': (_args, ctx) => door(ctx).backupNow(),
  'safety.backupToFile': ({ fileId }, ctx) => door(ctx).backupToFile(fileId),
  'safety.removePlainBackups': (_args, ctx) => door(ctx).removePlainBackups(),
  'safety.setPassphrase': ({ current, next }, ctx) => door(ctx).setPassphrase(current, next),
}
