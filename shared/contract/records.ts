import type { EnrollmentStatus, FundingSource, ProgramCategory, ProgramStatus, StageCode, VisitMode } from '../domain/vocabulary'

/** Facts about the open database, for the title bar, the CLI and health checks. */
/** Which database is open: what the header shows on every screen. */
export interface DatabaseIdentity {
  appVersion: string
  schemaVersion: number
  databaseName: string
  isDemo: boolean
}

/** Whether the database holds any live person, program and visit yet (a new database: none). */
export interface RecordsPresent {
  contacts: boolean
  programs: boolean
  visits: boolean
}

export interface AppInfo extends DatabaseIdentity {
  counts: { contacts: number; programs: number; sessions: number; visits: number }
}

export interface Stage {
  code: StageCode
  label: string
  position: number
}

export interface ProgramSummary {
  id: string
  name: string
  fiscalYear: number
  category: ProgramCategory
  fundingSource: FundingSource | null
  status: ProgramStatus
  startDate: string | null
  endDate: string | null
  municipalityCodes: string[]
  capacity: number | null
  sessionCount: number
  enrollmentCounts: Record<EnrollmentStatus, number>
}

export interface VisitRow {
  id: string
  contactId: string
  contactName: string
  programId: string | null
  programName: string | null
  /** The session whose roster recorded this visit; null for a standalone visit. */
  sessionId: string | null
  visitDate: string
  mode: VisitMode
  municipalityCode: string | null
  nights: number
  purpose: string | null
  /** The coordinator's メモ on this visit (free text, shown in the list and fixed in its cell). */
  notes: string | null
}

export interface StageChange {
  stage: StageCode
  changedOn: string
  note: string | null
}
