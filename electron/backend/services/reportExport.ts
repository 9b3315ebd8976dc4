import type { ReportExport } from '../../../shared/contract/methods/reports'
import { mimeTypes } from '../../../shared/contract/files'
import type { FileDownload } from '../../../shared/contract/files'
import { fiscalYearRange } from '../../../shared/domain/dates'
import { fundingSources } from '../../../shared/domain/vocabulary'
import { reportTables } from '../../../shared/domain/reports/tables'
import type { FiscalYearReport } from '../../../shared/domain/reports/types'
import type { BackendContext } from '../context'
import { recordAudit } from '../db/repos/auditRepo'
import { rosterOfYear } from '../db/repos/reportsRosterRepo'
import { tableCsv } from '../export/reportCsv'
import type { CsvEncoding } from '../export/reportCsv'
import { fillForm } from '../export/formFiller'
import { reportHtml } from '../export/reportHtml'
import { reportWorkbook } from '../export/reportXlsx'
import { pdfRenderer } from '../export/pdfRenderer'
import { protectIfAsked } from '../export/protectedZip'
import { buildReport } from './reports'
import type { ReportRequest } from './reports'

export interface ExportRequest extends ReportRequest {
  format: 'xlsx' | 'csv' | 'pdf'
  suppress: boolean
  includeRoster: boolean
  csvTable: string
  csvEncoding: CsvEncoding
  password?: string
}

function download(fileName: string, mimeType: string, bytes: Buffer): FileDownload {
  return { fileName, mimeType, base64: bytes.toString('base64') }
}

// Characters Windows refuses in a file name (and control characters), and spaces, become 「_」.
const fileNamePart = (text: string) =>
  text
    .replace(/[\\/:*?"<>|\s\u0000-\u001f]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40)

/**
 * 関係人口実績_2024年度, the organization that reports (a funder receives one such file from
 * every body it funds, so the name must say whose it is), and what a narrowed report covers
 * (one program's name, N事業, a funding source): a report of one program must not pass for
 * the whole year's when it is sent on.
 */
function baseName(report: FiscalYearReport): string {
  const { programNames, fundingSource } = report.scope
  const scope =
    programNames.length === 1
      ? programNames[0]!
      : programNames.length > 1
        ? `${programNames.length}事業`
        : fundingSource
          ? fundingSources.labels[fundingSource]
          : ''
  const parts = [fileNamePart(report.rules.organizationName), fileNamePart(scope)].filter((p) => p !== '')
  return [`関係人口実績_${report.fiscalYear}年度`, ...parts].join('_')
}

/** k to suppress with, or null for exact numbers. */
export function suppressionOf(report: FiscalYearReport, suppress: boolean): number | null {
  return suppress && report.rules.suppressionK > 1 ? report.rules.suppressionK : null
}

/** The report file; with a password, inside an AES-256 encrypted .zip (figures or roster alike). */
export async function exportReport(ctx: BackendContext, request: ExportRequest): Promise<ReportExport> {
  const result = await reportFile(ctx, request)
  return { ...result, file: await protectIfAsked(result.file, request.password) }
}

async function reportFile(ctx: BackendContext, request: ExportRequest): Promise<ReportExport> {
  const report = await buildReport(ctx, request)
  const k = suppressionOf(report, request.suppress)
  const name = baseName(report)
  if (request.format === 'csv') {
    const table = reportTables(report, { suppressionK: k }).find((t) => t.id === request.csvTable)!
    const { bytes, unencodable } = tableCsv(table, request.csvEncoding)
    const suffix = request.csvEncoding === 'shift_jis' ? '_SJIS' : ''
    return { file: download(`${name}_${table.title.replace(/\s+/g, '')}${suffix}.csv`, mimeTypes.csv, bytes), unencodable }
  }
  if (request.format === 'pdf') {
    const pdf = await (await pdfRenderer()).render(reportHtml(report, k))
    return { file: download(`${name}.pdf`, mimeTypes.pdf, pdf), unencodable: [] }
  }
  const roster = request.includeRoster
    ? rosterOfYear(ctx.handle.sqlite, { ...fiscalYearRange(report.fiscalYear), scope: report.scope })
    : null
  if (roster) {
    // Personal data leaving the database is recorded, like any other export of people.
    await recordAudit(ctx.db, [
      {
        userName: ctx.userName,
        action: 'export',
        entity: 'report_roster',
        entityId: null,
        changes: {
          fiscalYear: [null, report.fiscalYear],
          rosterRows: [null, roster.length],
          passwordProtected: [null, request.password !== undefined],
        },
      },
    ])
  }
  const bytes = await reportWorkbook(report, { suppressionK: k, roster })
  return { file: download(`${name}${roster ? '_名簿付き' : ''}.xlsx`, mimeTypes.xlsx, bytes), unencodable: [] }
}

export async function fillReportForm(
  ctx: BackendContext,
  request: ReportRequest & { suppress: boolean; fileName: string; templateBase64: string },
): Promise<FileDownload> {
  const report = await buildReport(ctx, request)
  const filled = await fillForm(Buffer.from(request.templateBase64, 'base64'), report, suppressionOf(report, request.suppress))
  const stem = request.fileName.replace(/\.xlsx$/i, '')
  return download(`${stem}_${report.fiscalYear}年度_記入済.xlsx`, mimeTypes.xlsx, filled)
}
