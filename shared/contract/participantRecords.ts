import type { Contact } from './contacts'
import type { EnrollmentRole, EnrollmentStatus, StageCode, VisitMode } from '../domain/vocabulary'

/** A tag (タグ) with how many live people carry it. */
export interface Tag {
  id: string
  name: string
  color: string | null
  count: number
}

/** One row of the participants grid: the person and the names of their tags. */
export interface ContactListRow extends Contact {
  tags: string[]
}

/** A named grid layout (保存したビュー). `state` is the grid's own column/sort/filter state. */
export interface SavedView {
  id: string
  page: string
  name: string
  state: SavedViewState
  updatedAt: string
}

export interface SavedViewState {
  /** AG Grid's column state (order, width, visibility, pinning, sort). */
  columns: { colId: string; [key: string]: unknown }[]
  filter: Record<string, unknown>
  search: string
}

/** One audit-log line with its field changes parsed. */
export interface AuditEntry {
  id: string
  at: string
  userName: string
  action: string
  entity: string
  entityId: string | null
  changes: { field: string; before: unknown; after: unknown }[]
  /** The one action this line was part of (an import, a paste, a bulk edit…); null for a single change. */
  batchId: string | null
  /** When the batch is an import: the file it came from, so the log can say which list it was. */
  importFileName: string | null
  /**
   * The person the line is about (the contact itself, or whose visit or enrollment it was when
   * the line was written; for a line that moved it to another person, the one it went to), so
   * the log names people instead of showing ids; null when unknown.
   */
  personId: string | null
  /** Names ('山田 花子') of the people the line refers to: its personId and contactId values. */
  names: Record<string, string>
  /**
   * Those of `names` that 参加者 can open (on record, not in the trash, not anonymized): the log
   * links their names to them; the others stay plain text.
   */
  openable: string[]
}

export interface PersonEnrollment {
  id: string
  programId: string
  programName: string
  fiscalYear: number
  status: EnrollmentStatus
  role: EnrollmentRole
  appliedOn: string | null
  completedOn: string | null
}

export interface PersonVisit {
  id: string
  visitDate: string
  mode: VisitMode
  programName: string | null
  municipalityCode: string | null
  nights: number
  purpose: string | null
}

/** Everything the person panel shows about one person. */
export interface ContactDetail {
  contact: Contact
  tags: { id: string; name: string }[]
  organizations: { id: string; name: string; kind: string; role: string | null }[]
  stageHistory: { stage: StageCode; changedOn: string; note: string | null }[]
  enrollments: PersonEnrollment[]
  visits: PersonVisit[]
  visitCount: number
}

/** What the next undo would take back (shown on the undo button), or null when nothing. */
export interface UndoStatus {
  label: string
  at: string
  /** Which step this is: `undo.last` with it takes back this step only, never a later one. */
  step: number
}
