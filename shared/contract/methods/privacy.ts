import { z } from 'zod'
import type { FileDownload } from '../files'
import { exportPassword } from '../files'
import type { DeletionPreview, ProgramWipePreview, ProgramWipeResult, RetentionCandidate } from '../privacy'
import { id } from '../schemaHelpers'
import { method } from './define'

const person = z.object({ contactId: id }).strict()

/** Requests under the APPI (個人情報保護法): disclosure, anonymization, deletion, retention review. */
export const privacyMethods = {
  /** 開示: everything stored about one person as a readable file (logged as an export); `password` zips it encrypted. */
  'privacy.disclosure': method<FileDownload>()(z.object({ contactId: id, password: exportPassword.optional() }).strict()),
  /** Removes name, kana, contact details, notes and the exact birth date; visits stay counted. */
  'privacy.anonymize': method<{ anonymized: true }>()(person),
  'privacy.deletionPreview': method<DeletionPreview>()(person),
  /**
   * Deletes the person and their visits for good. `expectedVisits` is the count the
   * confirmation showed: if the data changed since, nothing is deleted (CONFLICT).
   */
  'privacy.delete': method<{ deletedVisits: number }>()(
    z.object({ contactId: id, expectedVisits: z.number().int().min(0) }).strict(),
  ),
  /** People not involved for `years` years, oldest first, for review. */
  'privacy.retentionReview': method<RetentionCandidate[]>()(z.object({ years: z.number().int().min(1).max(50) }).strict()),
  /** End of contract: what wiping a program's personal data will remove. */
  'privacy.programWipePreview': method<ProgramWipePreview>()(z.object({ programId: id }).strict()),
  /** Exports, then securely wipes, a program's personal data; answers the export and a signed log. */
  'privacy.programWipe': method<ProgramWipeResult>()(
    z.object({ programId: id, expectedPeople: z.number().int().min(0), password: exportPassword.optional() }).strict(),
  ),
  /** Whether a wipe log presented later is the one this database signed, unaltered. */
  'privacy.verifyWipeLog': method<{ valid: boolean }>()(z.object({ log: z.record(z.string(), z.unknown()) }).strict()),
} as const
