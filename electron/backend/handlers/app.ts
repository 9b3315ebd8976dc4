import path from 'node:path'
import { ApiError } from '../../../shared/contract/errors'
import type { appMethods } from '../../../shared/contract/methods/app'
import type { AreaHandlers } from '../dispatch'
import { countContacts } from '../db/repos/contactsRepo'
import { countPrograms } from '../db/repos/programsRepo'
import { countVisits } from '../db/repos/visitsRepo'
import { readSetting } from '../db/repos/settingsRepo'
import { listStages, renameStage } from '../db/repos/stagesRepo'
import { schemaVersionOf } from '../db/migrate'
import { appVersion } from '../version'

export const appHandlers: AreaHandlers<typeof appMethods> = {
  async 'app.info'(_args, { db, handle }) {
    const [contacts, { programs, sessions }, visits, demo] = await Promise.all([
      countContacts(db),
      countPrograms(db),
      countVisits(db),
      readSetting(db, 'demo'),
    ])
    return {
      appVersion,
      schemaVersion: schemaVersionOf(handle),
      databaseName: path.basename(handle.file),
      isDemo: demo === true,
      counts: { contacts, programs, sessions, visits },
    }
  },
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
}
