import type { Kysely } from 'kysely'
import { ApiError } from '../../../shared/contract/errors'
import type { ContactDetail } from '../../../shared/contract/participantRecords'
import * as detailRepo from '../db/repos/contactDetailRepo'
import { findContact, toContact } from '../db/repos/contactsRepo'
import { tagsOfContact } from '../db/repos/tagsRepo'
import type { Database } from '../db/schema'

/** Everything the person panel shows about one person not in the trash. */
export async function contactDetail(db: Kysely<Database>, id: string): Promise<ContactDetail> {
  const row = await findContact(db, id)
  if (!row) throw ApiError.from('NOT_FOUND', { id })
  const { visits, count } = await detailRepo.visitsOf(db, id)
  return {
    contact: toContact(row),
    tags: await tagsOfContact(db, id),
    organizations: await detailRepo.organizationsOf(db, id),
    stageHistory: await detailRepo.stageHistoryOf(db, id),
    enrollments: await detailRepo.enrollmentsOf(db, id),
    visits,
    visitCount: count,
  }
}
