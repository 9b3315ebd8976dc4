import { defaultReportRules } from './types'
import type { ReportRules } from './types'

/** Stored settings → rules, falling back field by field so an old or damaged value still works. */
export function rulesFromSettings(stored: unknown): ReportRules {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Partial<Record<keyof ReportRules, unknown>>
  const int = (v: unknown, min: number, max: number, fallback: number) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : fallback
  const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback)
  const d = defaultReportRules
  return {
    continuingMinInvolvements: int(s.continuingMinInvolvements, 1, 365, d.continuingMinInvolvements),
    continuingWindowMonths: int(s.continuingWindowMonths, 1, 60, d.continuingWindowMonths),
    continuingIncludesOnline:
      typeof s.continuingIncludesOnline === 'boolean' ? s.continuingIncludesOnline : d.continuingIncludesOnline,
    movedInDefinition: str(s.movedInDefinition, d.movedInDefinition) || d.movedInDefinition,
    suppressionK: int(s.suppressionK, 1, 100, d.suppressionK),
    organizationName: str(s.organizationName, d.organizationName),
  }
}
