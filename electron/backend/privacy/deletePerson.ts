import { ApiError } from '../../../shared/contract/errors'
import type { DeletionPreview } from '../../../shared/contract/privacy'
import { deletionImpact } from '../../../shared/domain/privacy'
import type { BackendContext } from '../context'
import type { Database } from '../db/schema'
import type { Kysely } from 'kysely'
import { recordAudit } from '../db/repos/auditRepo'
import { contactExists, deleteContactRow, enrollmentCountOf, scrubTrails, visitDatesOf } from '../db/repos/privacyRepo'
import { takeBackup } from '../safety/takeBackup'

export async function previewDeletion(db: Kysely<Database>, contactId: string): Promise<DeletionPreview> {
  const person = await contactExists(db, contactId)
  if (!person) throw ApiError.from('NOT_FOUND', { contactId })
  const dates = await visitDatesOf(db, contactId)
  return {
    contactId,
    displayName: `${person.familyName} ${person.givenName}`.trim(),
    visits: dates.length,
    enrollments: await enrollmentCountOf(db, contactId),
    // Someone in the trash is already left out of every report: deleting them changes none.
    reportChanges: person.deletedAt ? [] : deletionImpact(dates),
  }
}

/**
 * Deletes a person for good (the APPI's 利用停止・消去). A verified backup is taken first, so
 * a mistaken deletion can be restored; backups expire with rotation (at most 12 months).
 */
export async function deletePerson(
  ctx: BackendContext,
  contactId: string,
  expectedVisits: number,
): Promise<{ deletedVisits: number }> {
  const preview = await previewDeletion(ctx.db, contactId)
  if (preview.visits !== expectedVisits) throw conflict(preview.visits)
  await takeBackup(ctx, 'before-delete')
  const deletedVisits = await ctx.db.transaction().execute(async (trx) => {
    const visits = (await visitDatesOf(trx, contactId)).length
    if (visits !== expectedVisits) throw conflict(visits)
    await scrubTrails(trx, contactId)
    await deleteContactRow(trx, contactId)
    await recordAudit(trx, [
      {
        userName: ctx.userName,
        action: 'delete',
        entity: 'contact',
        entityId: contactId,
        changes: { permanent: [false, true], visits: [visits, 0] },
      },
    ])
    return visits
  })
  ctx.events.emit('data.changed', { entity: 'contact', ids: [contactId] })
  ctx.events.emit('data.changed', { entity: 'visit' })
  return { deletedVisits }
}

function conflict(visits: number): ApiError {
  return ApiError.from('CONFLICT', { visits }, '確認した後に記録が変わりました。内容を確かめてからもう一度削除してください。')
}
