import type { reportMethods } from '../../../shared/contract/methods/reports'
import type { AreaHandlers } from '../dispatch'
import { buildReport, loadReportRules, saveReportRules } from '../services/reports'
import { exportReport, fillReportForm } from '../services/reportExport'

export const reportHandlers: AreaHandlers<typeof reportMethods> = {
  'reports.fiscalYear': (args, ctx) => buildReport(ctx, args),
  'reports.export': (args, ctx) => exportReport(ctx, args),
  'reports.fillForm': (args, ctx) => fillReportForm(ctx, args),
  'reports.rules.get': (_args, ctx) => loadReportRules(ctx),
  'reports.rules.set': (rules, ctx) => saveReportRules(ctx, rules),
}
