import { fiscalYearRange } from '../../../shared/domain/dates'
import { computeReport } from '../../../shared/domain/reports/compute'
import { rulesFromSettings } from '../../../shared/domain/reports/rules'
import type { FiscalYearReport, ReportRules, ReportScope } from '../../../shared/domain/reports/types'
import { continuingWindowStart, previousFiscalYearRange } from '../../../shared/domain/reports/window'
import type { BackendContext } from '../context'
import * as repo from '../db/repos/reportsRepo'
import { readSetting, writeSetting } from '../db/repos/settingsRepo'

/** The settings key holding the counting rules (continuing, 移住, suppression, organization). */
export const REPORT_RULES_KEY = 'reports.rules'

export async function loadReportRules(ctx: Pick<BackendContext, 'db'>): Promise<ReportRules> {
  return rulesFromSettings(await readSetting(ctx.db, REPORT_RULES_KEY))
}

export async function saveReportRules(ctx: BackendContext, rules: ReportRules): Promise<ReportRules> {
  await writeSetting(ctx.db, REPORT_RULES_KEY, rules)
  ctx.events.emit('data.changed', { entity: 'setting' })
  return loadReportRules(ctx)
}

export interface ReportRequest extends ReportScope {
  fiscalYear: number
}

/**
 * One fiscal-year report. The SQL reads in one read transaction, so a figure and its
 * breakdowns come from the same snapshot even while someone is typing visits in.
 */
export async function buildReport(ctx: Pick<BackendContext, 'db' | 'handle'>, request: ReportRequest): Promise<FiscalYearReport> {
  const rules = await loadReportRules(ctx)
  return buildReportWithRules(ctx, request, rules)
}

export function buildReportWithRules(
  ctx: Pick<BackendContext, 'handle'>,
  { fiscalYear, programIds, fundingSource }: ReportRequest,
  rules: ReportRules,
): FiscalYearReport {
  const { start, end } = fiscalYearRange(fiscalYear)
  const previous = previousFiscalYearRange(fiscalYear)
  const scope: ReportScope = { programIds: [...new Set(programIds)], fundingSource }
  const params: repo.ReportParams = {
    start,
    end,
    previousStart: previous.start,
    previousEnd: previous.end,
    windowStart: continuingWindowStart(fiscalYear, rules.continuingWindowMonths),
    includeOnline: rules.continuingIncludesOnline,
    scope,
    deletedIds: [],
  }
  const { sqlite } = ctx.handle
  const read = sqlite.transaction(() => {
    params.deletedIds = repo.deletedContactIds(sqlite)
    const programs = repo.programsOfYear(sqlite, fiscalYear, params)
    return computeReport({
      fiscalYear,
      scope,
      rules,
      people: repo.peopleOfYear(sqlite, params),
      involvementsByMonth: repo.involvementsByMonth(sqlite, params),
      anonymousHeadcount: repo.anonymousHeadcount(sqlite, params),
      movedIn: repo.movedInCount(sqlite, params),
      programs,
      sessions: repo.sessionsOfPrograms(
        sqlite,
        programs.map((p) => p.id),
        params,
      ),
      scopeProgramNames: repo.programNames(sqlite, scope.programIds),
      generatedAt: new Date().toISOString(),
    })
  })
  return read.deferred()
}
