import path from 'node:path'
import type { AppInfo, DatabaseIdentity } from '../../../shared/contract/records'
import type { BackendContext } from '../context'
import { schemaVersionOf } from '../db/migrate'
import { recordCounts } from '../db/repos/recordCountsRepo'
import { readSetting } from '../db/repos/settingsRepo'
import { appVersion } from '../version'

/** Which database is open: cheap, for the header of every screen. */
export async function databaseIdentity({ db, handle }: Pick<BackendContext, 'db' | 'handle'>): Promise<DatabaseIdentity> {
  return {
    appVersion,
    schemaVersion: schemaVersionOf(handle),
    databaseName: path.basename(handle.file),
    isDemo: (await readSetting(db, 'demo')) === true,
  }
}

/** The identity and the record counts (every visit is counted: the settings page and the CLI). */
export async function appInfo(ctx: Pick<BackendContext, 'db' | 'handle'>): Promise<AppInfo> {
  return { ...(await databaseIdentity(ctx)), counts: recordCounts(ctx.handle.sqlite) }
}
