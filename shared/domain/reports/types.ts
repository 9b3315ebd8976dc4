import type { Area } from '../localGov'
import type { BasisCode, FundingSource, GenderCode, RootsCode, SessionMode, StageCode } from '../vocabulary'

/**
 * The rules a report counts by. Every report prints them (see definitions.ts), because there is
 * no national rule for "continuing" or "moved in" and each funder asks differently.
 */
export interface ReportRules {
  /** 継続的な関わり: at least this many involvements… */
  continuingMinInvolvements: number
  /** …within this many months ending on March 31 of the year (12 = the fiscal year itself). */
  continuingWindowMonths: number
  /** Whether online involvements count toward the continuing rule. */
  continuingIncludesOnline: boolean
  /** How this organization defines 移住 (printed; the figure comes from 段階の履歴). */
  movedInDefinition: string
  /** Small-number suppression threshold for exports (1 … k−1 are hidden). */
  suppressionK: number
  /** Printed on the cover sheet. */
  organizationName: string
}

export const defaultReportRules: ReportRules = {
  continuingMinInvolvements: 3,
  continuingWindowMonths: 12,
  continuingIncludesOnline: true,
  movedInDefinition: '関係の段階が「移住済」に変わった人（段階の履歴の日付で数える）',
  suppressionK: 3,
  organizationName: '',
}

/** Which visits a report looks at. No programs and no funding source = every visit. */
export interface ReportScope {
  programIds: string[]
  fundingSource: FundingSource | null
}

/** One person involved in the year, aggregated by the database (one row per person). */
export interface PersonYearRow {
  contactId: string
  involvements: number
  /** Involvements that count toward the continuing rule (its window and online setting). */
  continuingCount: number
  /** This person's last involvement before April 1 (within the scope); null = new this year. */
  lastBefore: string | null
  /** 段階の履歴 up to March 31, oldest first (same-day entries in the order recorded). */
  stageHistory: StageEntry[]
  prefectureCode: string | null
  birthDate: string | null
  birthYear: number | null
  gender: GenderCode | null
  roots: RootsCode | null
  basis: BasisCode | null
}

export interface MonthRow {
  month: string
  count: number
  onsite: number
  online: number
  nights: number
}

export interface StageEntry {
  on: string
  stage: StageCode
}

export interface StageTransitionRow {
  from: StageCode | null
  to: StageCode
  count: number
}

export interface ProgramSessionRow {
  programId: string
  date: string
  place: string | null
  mode: SessionMode
  anonymousHeadcount: number
}

export interface ProgramRow {
  id: string
  name: string
  fundingSource: FundingSource | null
  applicants: number
  confirmed: number
  completed: number
  uniquePeople: number
  totalInvolvements: number
}

/** Everything the report is computed from: plain rows, no database. */
export interface ReportInput {
  fiscalYear: number
  scope: ReportScope
  rules: ReportRules
  people: PersonYearRow[]
  /** Involvements per calendar month 'YYYY-MM' (the same visits as `people`), with their modes and nights. */
  involvementsByMonth: MonthRow[]
  anonymousHeadcount: number
  movedIn: number
  programs: ProgramRow[]
  sessions: ProgramSessionRow[]
  /** Names of the chosen programs, for the scope line (empty when not narrowed by program). */
  scopeProgramNames: string[]
  generatedAt: string
}

export const ageBands = ['〜19', '20代', '30代', '40代', '50代', '60代', '70代以上', '不明'] as const
export type AgeBand = (typeof ageBands)[number]

export interface ProgramReport {
  id: string
  name: string
  fundingSource: FundingSource | null
  sessions: { date: string; place: string | null; mode: SessionMode; anonymousHeadcount: number }[]
  applicants: number
  confirmed: number
  completed: number
  uniquePeople: number
  totalInvolvements: number
  anonymousHeadcount: number
}

export interface DefinitionLine {
  term: string
  text: string
}

/**
 * The fiscal-year report. Key names are fixed (the CLI's JSON and the forms' placeholders use
 * them). Every breakdown of 実人数 sums to `uniquePeople`; `byMonth` sums to `totalInvolvements`.
 */
export interface FiscalYearReport {
  fiscalYear: number
  fiscalYearLabel: string
  period: { start: string; end: string }
  scope: ReportScope & { programNames: string[] }
  uniquePeople: number
  totalInvolvements: number
  newPeople: number
  continuingPeople: number
  returningPeople: number
  onsiteVisits: number
  onlineInvolvements: number
  totalNights: number
  movedIn: number
  anonymousHeadcount: number
  byPrefecture: Record<string, number>
  byArea: Record<Area, number>
  byAgeBand: Record<AgeBand, number>
  byGender: Record<GenderCode | '不明', number>
  byRoots: Record<RootsCode | '不明', number>
  byBasis: Record<BasisCode | '不明', number>
  /**
   * Keyed 'YYYY-MM' (2024-04 … 2025-03), April first. Not 'MM': JavaScript lists number-like
   * keys ('10', '11', '12') before all others, so the JSON would read 10月 before 4月.
   */
  byMonth: Record<string, number>
  /** The year's people (実人数) by their stage on March 31; 不明 = no 段階の履歴 by then. */
  stagesAtYearEnd: Record<StageCode | '不明', number>
  stageTransitions: StageTransitionRow[]
  programs: ProgramReport[]
  rules: ReportRules
  definitions: DefinitionLine[]
  generatedAt: string
}
