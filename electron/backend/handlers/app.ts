import path from 'node:path'
import type { appMethods } from '../../../shared/contract/methods/app'
import type { DatabaseIdentity } from '../../../shared/contract/records'
import type { BackendContext } from '../context'
import type { AreaHandlers } from '../dispatch'
import { countContacts } from '../db/repos/contactsRepo'
import { countPrograms } from '../db/repos/programsRepo'
import { countVisits } from '../db/repos/visitsRepo'
import { readSetting } from '../db/repos/settingsRepo'
import { listStages } from '../db/repos/stagesRepo'
import { schemaVersionOf } from '../db/migrate'
import { renameStageLabel } from '../services/stages'
import { appVersion } from '../version'

async function identityOf({ db, handle }: Pick<BackendContext, 'db' | 'handle'>): Promise<DatabaseIdentity> {
  return {
    appVersion,
    schemaVersion: schemaVersionOf(handle),
    databaseName: path.basename(handle.file),
    isDemo: (await readSetting(db, 'demo')) === true,
  }
}

export const appHandlers: AreaHandlers<typeof appMethods> = {
  async 'app.info'(_args, ctx) {
    const [identity, contacts, { programs, sessions }, visits] = await Promise.all([
      identityOf(ctx),
      countContacts(ctx.db),
      countPrograms(ctx.db),
      countVisits(ctx.db),
    ])
    return { ...identity, counts: { contacts, programs, sessions, visits } }
  },
  'app.identity': (_args, ctx) => identityOf(ctx),
  'stages.list': (_args, { db }) => listStages(db),
  'stages.rename': ({ code, label }, ctx) => renameStageLabel(ctx, code, label),
}
