import { z } from 'zod'
import type { AppInfo, DatabaseIdentity, RecordsPresent, Stage } from '../records'
import { stages } from '../../domain/vocabulary'
import { method } from './define'

const none = z.object({}).strict()

/** The open database and app-wide settings. */
export const appMethods = {
  /** The identity and the counts: counting a million visits takes a cold disk most of a second. */
  'app.info': method<AppInfo>()(none),
  /** The identity alone, cheap enough for the header at every start and after every edit. */
  'app.identity': method<DatabaseIdentity>()(none),
  /** Whether anything is recorded yet (ホーム's first steps), at the cost of three row lookups. */
  'app.hasRecords': method<RecordsPresent>()(none),
  'stages.list': method<Stage[]>()(none),
  'stages.rename': method<Stage[]>()(
    z.object({ code: z.enum(stages.codes), label: z.string().trim().min(1, '名前を入力してください').max(20) }).strict(),
  ),
} as const
