import { z } from 'zod'
import type { FiscalYearReport, ReportRules } from '../../domain/reports/types'
import { fundingSources } from '../../domain/vocabulary'
import type { FileDownload } from '../files'
import { exportPassword } from '../files'
import { fiscalYear, id, oneOf } from '../schemaHelpers'
import { method } from './define'

/** Which visits a report counts: a year, optionally narrowed to programs or a funding source. */
const reportScope = {
  fiscalYear,
  programIds: z.array(id).max(500).default([]),
  fundingSource: oneOf(fundingSources.codes, '財源').nullable().default(null),
}

export const reportExportFormats = ['xlsx', 'csv', 'pdf'] as const
export const csvEncodings = ['utf8', 'shift_jis'] as const
export const csvTableIds = [
  'summary',
  'byArea',
  'byPrefecture',
  'byAgeBand',
  'byGender',
  'byRoots',
  'byBasis',
  'byMonth',
  'stagesAtYearEnd',
  'transitions',
  'programs',
  'sessions',
] as const

export interface ReportExport {
  file: FileDownload
  /** Characters Shift_JIS could not hold (written as "?"); empty for UTF-8 and XLSX. */
  unencodable: string[]
}

const rulesSchema = z
  .object({
    continuingMinInvolvements: z.number().int().min(1, '1以上で指定してください').max(365),
    continuingWindowMonths: z.number().int().min(1, '1か月以上で指定してください').max(60, '60か月以内で指定してください'),
    continuingIncludesOnline: z.boolean(),
    movedInDefinition: z.string().trim().min(1, '移住の定義を入力してください').max(500),
    suppressionK: z.number().int().min(1, '1以上で指定してください').max(100),
    organizationName: z.string().trim().max(200),
  })
  .strict()

/** 年度の報告: figures, exports, the user's own forms, and the counting rules. */
export const reportMethods = {
  'reports.fiscalYear': method<FiscalYearReport>()(z.object(reportScope).strict()),
  'reports.export': method<ReportExport>()(
    z
      .object({
        ...reportScope,
        format: z.enum(reportExportFormats),
        /** Small-number suppression; off only for the coordinator's own copy. */
        suppress: z.boolean().default(true),
        /** A named roster sheet (personal data); XLSX only, off unless asked for. */
        includeRoster: z.boolean().default(false),
        csvTable: z.enum(csvTableIds).default('summary'),
        csvEncoding: z.enum(csvEncodings).default('utf8'),
        /** Wraps the file in an AES-256 encrypted .zip (advised whenever the roster is included). */
        password: exportPassword.optional(),
      })
      .strict(),
  ),
  'reports.fillForm': method<FileDownload>()(
    z
      .object({
        ...reportScope,
        suppress: z.boolean().default(true),
        fileName: z.string().trim().min(1).max(200),
        /** The .xlsx form (様式) the user picked, as base64 (at most about 20 MB). */
        templateBase64: z.string().min(1).max(28_000_000),
      })
      .strict(),
  ),
  'reports.rules.get': method<ReportRules>()(z.object({}).strict()),
  'reports.rules.set': method<ReportRules>()(rulesSchema),
} as const
