/**
 * The stage-suggestion rule: when a person's recent involvements reach a threshold, suggest
 * moving them to a deeper stage (e.g. 3 or more involvements in 12 months → つながる).
 * "Continuing involvement" has no national definition, so every part is configurable and the
 * rule describes itself in Japanese wherever a suggestion is shown. Involvements are visits
 * only: registering for a program never counts.
 */
import { addMonths } from './dates'
import { stages } from './vocabulary'
import type { StageCode, VisitMode } from './vocabulary'

export interface StageRule {
  enabled: boolean
  /** How many involvements… */
  minInvolvements: number
  /** …within how many months up to today. */
  windowMonths: number
  /** Whether online involvements count. */
  includeOnline: boolean
  /** Whether involvements outside any program (a return visit, a consultation) count. */
  includeStandalone: boolean
  /** The stage suggested; only people at an earlier stage get the suggestion. */
  toStage: StageCode
}

export const defaultStageRule: StageRule = {
  enabled: true,
  minInvolvements: 3,
  windowMonths: 12,
  includeOnline: true,
  includeStandalone: true,
  toStage: 'tsunagaru',
}

/**
 * The rule as stored in the settings, laid over the defaults: a rule saved by an older version
 * (fewer fields) still reads whole, and a stage code no longer known falls back to the default's.
 */
export function stageRuleOf(stored: unknown): StageRule {
  const rule = { ...defaultStageRule, ...(stored && typeof stored === 'object' ? (stored as Partial<StageRule>) : {}) }
  if (!stages.codes.includes(rule.toStage)) rule.toStage = defaultStageRule.toStage
  return rule
}

export interface Involvement {
  visitDate: string
  mode: VisitMode
  programId: string | null
}

export interface StageSuggestion {
  from: StageCode
  to: StageCode
  /** Involvements that counted, and the first day of the window. */
  count: number
  since: string
  windowMonths: number
}

function stagePosition(code: StageCode): number {
  return stages.codes.indexOf(code)
}

/** Whether one involvement counts under the rule (before looking at its date). */
export function countsUnderRule(rule: StageRule, v: Involvement): boolean {
  if (!rule.includeOnline && v.mode === 'online') return false
  if (!rule.includeStandalone && v.programId === null) return false
  return true
}

/**
 * The suggestion for one person on `today`, or null. The window is the `windowMonths` months
 * ending today (from the same day `windowMonths` months ago to today, both included); future-dated involvements (planned) do not count.
 */
export function evaluateStageRule(
  rule: StageRule,
  stage: StageCode,
  involvements: readonly Involvement[],
  today: string,
): StageSuggestion | null {
  if (!rule.enabled) return null
  if (stagePosition(stage) >= stagePosition(rule.toStage)) return null
  const since = addMonths(today, -rule.windowMonths)
  const count = involvements.filter((v) => v.visitDate >= since && v.visitDate <= today && countsUnderRule(rule, v)).length
  if (count < rule.minInvolvements) return null
  return { from: stage, to: rule.toStage, count, since, windowMonths: rule.windowMonths }
}

/** '12か月以内に3回以上の関わり（オンラインを含む）で「つながる」を提案'. */
export function describeStageRule(rule: StageRule, stageLabel: (code: StageCode) => string = (c) => stages.labels[c]): string {
  const scope = [
    rule.includeOnline ? 'オンラインを含む' : 'オンラインを除く',
    rule.includeStandalone ? 'プログラム外の訪問を含む' : 'プログラムへの参加のみ',
  ]
  return `${rule.windowMonths}か月以内に${rule.minInvolvements}回以上の関わり（${scope.join('、')}）で「${stageLabel(rule.toStage)}」を提案`
}
