import path from 'node:path'
import type { Handlers } from '../dispatch'
import { countContacts } from '../db/repos/contactsRepo'
import { countPrograms } from '../db/repos/programsRepo'
import { countVisits } from '../db/repos/visitsRepo'
import { readSetting } from '../db/repos/settingsRepo'
import { schemaVersionOf } from '../db/migrate'
import { appVersion } from '../version'

export const appHandlers: Pick<Handlers, 'app.info'> = {
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
}
