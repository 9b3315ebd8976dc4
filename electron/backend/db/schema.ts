import type { Generated } from 'kysely'

/**
 * Kysely's view of schema v1 (see migrations/0001-initial.ts), in camelCase: the
 * CamelCasePlugin maps it to the snake_case columns. Codes are typed as plain strings here;
 * the contract's vocabularies are enforced at the door and by CHECK constraints.
 */
export interface ContactsTable {
  id: string
  familyName: string
  givenName: string
  familyKana: string | null
  givenKana: string | null
  email: string | null
  phone: string | null
  postalCode: string | null
  prefectureCode: string | null
  municipalityCode: string | null
  address: string | null
  birthDate: string | null
  birthYear: number | null
  gender: string | null
  occupation: string | null
  affiliation: string | null
  roots: string | null
  basis: string | null
  firstContact: string | null
  stage: string
  consentDate: string | null
  consentMethod: string | null
  /** JSON array of purpose names. */
  consentPurposes: string
  notes: string | null
  /** normalizeForSearch() of the searchable fields, kept in step by the repository. */
  searchKey: string
  createdAt: string
  updatedAt: string
  deletedAt: string | null
}

export interface RelationshipStagesTable {
  code: string
  label: string
  position: number
}

export interface TagsTable {
  id: string
  name: string
  color: string | null
  createdAt: string
  updatedAt: string
}

export interface ContactTagsTable {
  contactId: string
  tagId: string
  createdAt: string
}

export interface OrganizationsTable {
  id: string
  name: string
  kind: string
  municipalityCode: string | null
  notes: string | null
  createdAt: string
  updatedAt: string
  deletedAt: string | null
}

export interface ContactOrganizationsTable {
  contactId: string
  organizationId: string
  role: string | null
  createdAt: string
}

export interface ProgramsTable {
  id: string
  name: string
  fiscalYear: number
  category: string
  fundingSource: string | null
  grantName: string | null
  micModelType: string | null
  status: string
  startDate: string | null
  endDate: string | null
  capacity: number | null
  fee: number | null
  coordinator: string | null
  description: string | null
  createdAt: string
  updatedAt: string
  deletedAt: string | null
}

export interface ProgramMunicipalitiesTable {
  programId: string
  municipalityCode: string
}

export interface ProgramSessionsTable {
  id: string
  programId: string
  startsAt: string
  endsAt: string | null
  place: string | null
  municipalityCode: string | null
  mode: string
  anonymousHeadcount: number
  notes: string | null
  createdAt: string
  updatedAt: string
  /** Schema v3 (0003-programs): 1 when the roster starts with everyone ticked as attended. */
  attendedByDefault: Generated<number>
  rosterSavedAt: string | null
}

export interface EnrollmentsTable {
  id: string
  contactId: string
  programId: string
  status: string
  role: string
  appliedOn: string | null
  confirmedOn: string | null
  completedOn: string | null
  withdrawnOn: string | null
  notes: string | null
  createdAt: string
  updatedAt: string
}

export interface VisitsTable {
  id: string
  contactId: string
  programId: string | null
  sessionId: string | null
  visitDate: string
  mode: string
  municipalityCode: string | null
  nights: number
  purpose: string | null
  notes: string | null
  createdAt: string
  updatedAt: string
}

export interface StageHistoryTable {
  id: string
  contactId: string
  stage: string
  changedOn: string
  note: string | null
  createdAt: string
}

export interface SavedViewsTable {
  id: string
  page: string
  name: string
  state: string
  createdAt: string
  updatedAt: string
}

export interface SettingsTable {
  key: string
  value: string
  updatedAt: string
}

export interface AuditLogTable {
  id: string
  at: string
  userName: string
  action: string
  entity: string
  entityId: string | null
  /** JSON: { field: [before, after] }. */
  changes: string | null
  batchId: string | null
}

/**
 * Schema v4 (0004-import): one import of a file. Written through raw better-sqlite3 in the import
 * repos (bulk speed); typed here so Kysely queries can join it (the audit log names its file).
 */
export interface ImportBatchesTable {
  id: string
  kind: string
  fileName: string
  encoding: string | null
  /** JSON: the column mapping used. */
  mapping: string
  /** JSON: created / merged / skipped / errors… */
  counts: string
  userName: string
  createdAt: string
  undoneAt: string | null
}

/** Schema v2 (0002-participants): undoable user actions, JSON changes (services/undoLog.ts). */
export interface UndoLogTable {
  seq: Generated<number>
  sessionId: string
  label: string
  changes: string
  createdAt: string
  undoneAt: string | null
}

/** Schema v3 (0003-programs): a coordinator's answer to a stage suggestion. */
export interface StageSuggestionDecisionsTable {
  contactId: string
  stage: string
  decision: string
  decidedAt: string
}

export interface SchemaMigrationsTable {
  name: string
  appliedAt: string
  sequence: Generated<number>
}

export interface Database {
  relationshipStages: RelationshipStagesTable
  contacts: ContactsTable
  tags: TagsTable
  contactTags: ContactTagsTable
  organizations: OrganizationsTable
  contactOrganizations: ContactOrganizationsTable
  programs: ProgramsTable
  programMunicipalities: ProgramMunicipalitiesTable
  programSessions: ProgramSessionsTable
  enrollments: EnrollmentsTable
  visits: VisitsTable
  stageHistory: StageHistoryTable
  savedViews: SavedViewsTable
  settings: SettingsTable
  auditLog: AuditLogTable
  importBatches: ImportBatchesTable
  undoLog: UndoLogTable
  stageSuggestionDecisions: StageSuggestionDecisionsTable
  schemaMigrations: SchemaMigrationsTable
}
