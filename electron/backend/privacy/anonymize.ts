import { ApiError } from '../../../shared/contract/errors'
import { cohortBirthYear } from '../../../shared/domain/privacy'
import type { BackendContext } from '../context'
import { recordAudit } from '../db/repos/auditRepo'
import * as repo from '../db/repos/contactsRepo'
import { anonymizeRows, scrubTrails } from '../db/repos/privacyRepo'

/**
 * Anonymizes one person in one transaction. The audit log keeps the fact (who, when) but no
 * values: an entry holding the old name would undo the anonymization.
 */
export async function anonymizePerson(ctx: BackendContext, contactId: string): Promise<{ anonymized: true }> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findContact(trx, contactId)
    if (!before) throw ApiError.from('NOT_FOUND', { contactId })
    await anonymizeRows(trx, contactId, cohortBirthYear(before.birthDate, before.birthYear), new Date().toISOString())
    await scrubTrails(trx, contactId)
    await recordAudit(trx, [{ userName: ctx.userName, action: 'anonymize', entity: 'contact', entityId: contactId }])
  })
  ctx.events.emit('data.changed', { entity: 'contact', ids: [contactId] })
  ctx.events.emit('data.changed', { entity: 'visit' })
  return { anonymized: true }
}
