import type { FiscalYearImpact } from '../domain/privacy'

export type { FiscalYearImpact } from '../domain/privacy'

/** What deleting one person will remove and how each 年度 report changes (shown before confirming). */
export interface DeletionPreview {
  contactId: string
  displayName: string
  visits: number
  enrollments: number
  /** 実人数 −1 and 延べ人数 −n in every fiscal year the person was involved. */
  reportChanges: FiscalYearImpact[]
}

/** A person not involved for the retention period, listed for review (never deleted automatically). */
export interface RetentionCandidate {
  contactId: string
  displayName: string
  /** Reading and prefecture, to tell namesakes apart. */
  detail: string
  /** Deleted in the grid (in the trash): hidden, but all their data is still held. */
  inTrash: boolean
  /** The last visit, or the registration date when there was none. */
  lastInvolvedOn: string
  visits: number
}

/** What an end-of-contract wipe of one program will do (shown before confirming). */
export interface ProgramWipePreview {
  programId: string
  programName: string
  /** People involved only through this program: deleted entirely. */
  peopleDeleted: number
  /** People also involved elsewhere: only this program's records of them go. */
  peopleKept: number
  visits: number
  /** Existing backups (they still hold the data) removed after the wipe. */
  backupsRemoved: number
}

export interface ProgramWipeLog {
  kind: 'program-wipe'
  programId: string
  programName: string
  wipedAt: string
  userName: string
  peopleDeleted: number
  peopleKeptForOtherPrograms: number
  visitsDeleted: number
  enrollmentsDeleted: number
  backupsRemoved: number
  /** HMAC-SHA256 of the other fields (canonical JSON) under this database's signing key. */
  signature: string
}

export interface ProgramWipeResult {
  /** The program's personal data as handed back before the wipe. */
  export: import('./files').FileDownload
  log: ProgramWipeLog
}
