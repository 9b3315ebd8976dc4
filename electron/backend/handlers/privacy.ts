import type { privacyMethods } from '../../../shared/contract/methods/privacy'
import type { AreaHandlers } from '../dispatch'
import { anonymizePerson } from '../privacy/anonymize'
import { deletePerson, previewDeletion } from '../privacy/deletePerson'
import { disclosePerson } from '../privacy/disclosure'
import { retentionReview } from '../privacy/retention'
import { previewProgramWipe, wipeProgram } from '../privacy/programWipe'
import { verifyLog } from '../privacy/signedLog'

export const privacyHandlers: AreaHandlers<typeof privacyMethods> = {
  'privacy.disclosure': ({ contactId, password }, ctx) => disclosePerson(ctx, contactId, password),
  'privacy.anonymize': ({ contactId }, ctx) => anonymizePerson(ctx, contactId),
  'privacy.deletionPreview': ({ contactId }, { db }) => previewDeletion(db, contactId),
  'privacy.delete': ({ contactId, expectedVisits }, ctx) => deletePerson(ctx, contactId, expectedVisits),
  'privacy.retentionReview': ({ years }, ctx) => retentionReview(ctx, years),
  'privacy.programWipePreview': ({ programId }, ctx) => previewProgramWipe(ctx, programId),
  'privacy.programWipe': ({ programId, expectedPeople, password }, ctx) => wipeProgram(ctx, programId, expectedPeople, password),
  'privacy.verifyWipeLog': async ({ log }, { db }) => ({ valid: await verifyLog(db, log) }),
}
