import type { Kysely } from 'kysely'
import { ApiError } from '../../../shared/contract/errors'
import { liveContactsAmong } from '../db/repos/enrollmentsRepo'
import type { Database } from '../db/schema'

/**
 * Refuses an action that names people no longer there (in the trash, or never saved) before it
 * writes anything: another window may have deleted them since the list was shown. Enrolling,
 * recording visits and saving a roster all say it the same way. At most 20 ids go in the
 * details, so a bulk action on thousands does not send them all back.
 */
export async function assertLivePeople(db: Kysely<Database>, contactIds: string[]): Promise<void> {
  const live = await liveContactsAmong(db, contactIds)
  const missing = contactIds.filter((c) => !live.has(c))
  if (missing.length === 0) return
  throw ApiError.from(
    'NOT_FOUND',
    { contactIds: missing.slice(0, 20) },
    `参加者${missing.length}人が見つかりません。削除された可能性があります。`,
  )
}
