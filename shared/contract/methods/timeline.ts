import { z } from 'zod'
import type { FiscalYearCount } from '../../domain/involvementCounts'
import type { StageRule, StageSuggestion } from '../../domain/stageSuggestion'
import type { EnrollmentRole, EnrollmentStatus, StageCode, VisitMode } from '../../domain/vocabulary'
import { stages } from '../../domain/vocabulary'
import { id } from '../schemaHelpers'
import { method } from './define'

/** One event on a person's path, newest first. */
export type TimelineEntry =
  | {
      kind: 'visit'
      id: string
      date: string
      mode: VisitMode
      nights: number
      programId: string | null
      programName: string | null
      purpose: string | null
      municipalityCode: string | null
    }
  | {
      kind: 'enrollment'
      id: string
      /** The day of the latest status the enrollment reached. */
      date: string
      programId: string
      programName: string
      status: EnrollmentStatus
      role: EnrollmentRole
    }
  | { kind: 'stage'; id: string; date: string; stage: StageCode; note: string | null }

export interface PersonTimeline {
  contactId: string
  stage: StageCode
  entries: TimelineEntry[]
  fiscalYears: FiscalYearCount[]
  /** Present when the rule fires and the coordinator has not already answered it. */
  suggestion: (StageSuggestion & { rule: string }) | null
}

const stageRuleSchema = z
  .object({
    enabled: z.boolean(),
    minInvolvements: z.number().int().min(1, '回数は1以上にしてください').max(100),
    windowMonths: z.number().int().min(1, '期間は1か月以上にしてください').max(120),
    includeOnline: z.boolean(),
    includeStandalone: z.boolean(),
    toStage: z.enum(stages.codes),
  })
  .strict()

/** A person's path (programs, statuses, visits, stage changes) and the stage suggestion. */
export const timelineMethods = {
  'timeline.get': method<PersonTimeline>()(z.object({ contactId: id }).strict()),
  /** Moves the person to the suggested stage (recorded in the stage history and the audit log). */
  'timeline.acceptSuggestion': method<PersonTimeline>()(z.object({ contactId: id, stage: z.enum(stages.codes) }).strict()),
  /** Remembers that the coordinator does not want this suggestion for this person. */
  'timeline.ignoreSuggestion': method<PersonTimeline>()(z.object({ contactId: id, stage: z.enum(stages.codes) }).strict()),
  'stageRule.get': method<StageRule>()(z.object({}).strict()),
  'stageRule.set': method<StageRule>()(z.object({ rule: stageRuleSchema }).strict()),
} as const
