import type { Kysely } from 'kysely'
import type { Erasure } from '../../../shared/domain/erasures'
import { erasedPeople, erasuresToReapply } from '../../../shared/domain/erasures'
import { cohortBirthYear } from '../../../shared/domain/privacy'
import type { Database } from '../db/schema'
import type { AuditEntry } from '../db/repos/auditRepo'
import { erasureLinesOnlyIn } from '../db/repos/auditRepo'
import { findContactsAnyState } from '../db/repos/contactsRepo'
import { anonymizeRows, deleteContactRow, peopleIn, scrubTrails, visitDatesOf } from '../db/repos/privacyRepo'

/**
 * The erasures the audit log of `source` records and the log of `other` has not, that the
 * database `copy` would need applied again (its people not yet anonymized or deleted).
 */
export async function erasuresMissing(
  db: Kysely<Database>,
  source: 'main' | 'replaced',
  other: 'main' | 'backup',
  copy: 'main' | 'backup',
): Promise<Erasure[]> {
  const lines = await erasureLinesOnlyIn(db, source, other)
  return erasuresToReapply(lines, await peopleIn(db, copy, erasedPeople(lines)))
}

/**
 * Applies erasures again to a restored database, as anonymizePerson and deletePerson apply
 * them (call inside the restore's transaction). Returns their audit lines: who, and that it
 * happened, never a value.
 */
export async function reapplyErasures(
  db: Kysely<Database>,
  erasures: readonly Erasure[],
  userName: string,
): Promise<AuditEntry[]> {
  const now = new Date().toISOString()
  const lines: AuditEntry[] = []
  for (const { contactId, kind } of erasures) {
    if (kind === 'anonymize') {
      const [person] = await findContactsAnyState(db, [contactId])
      if (!person) continue
      await anonymizeRows(db, contactId, cohortBirthYear(person.birthDate, person.birthYear), now)
      await scrubTrails(db, contactId)
      lines.push({ userName, action: 'anonymize', entity: 'contact', entityId: contactId })
    } else {
      const visits = (await visitDatesOf(db, contactId)).length
      await scrubTrails(db, contactId)
      await deleteContactRow(db, contactId)
      lines.push({
        userName,
        action: 'delete',
        entity: 'contact',
        entityId: contactId,
        changes: { permanent: [false, true], visits: [visits, 0] },
      })
    }
  }
  return lines
}
