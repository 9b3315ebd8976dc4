import ExcelJS from 'exceljs'
import type { FileDownload } from '../../../shared/contract/files'
import { mimeTypes } from '../../../shared/contract/files'
import type { ExportColumn } from '../../../shared/domain/contactExport'
import { exportedColumns, exportHeaders, exportRow } from '../../../shared/domain/contactExport'
import { toCsv, UTF8_BOM } from '../../../shared/domain/csv'
import { neutralizeFormula } from '../../../shared/domain/spreadsheetSafety'
import type { BackendContext } from '../context'
import { recordAudit } from '../db/repos/auditRepo'
import { protectIfAsked } from '../export/protectedZip'
import * as repo from '../db/repos/contactsRepo'
import { listStages } from '../db/repos/stagesRepo'

/**
 * The selected people (live ones, in kana order) as CSV (UTF-8 with BOM) or XLSX, with the
 * chosen columns only (all when none are given); with a password, that file inside an
 * AES-256 encrypted .zip.
 */
export async function exportContacts(
  ctx: BackendContext,
  ids: string[],
  format: 'csv' | 'xlsx',
  columns: readonly ExportColumn[] | undefined,
  password?: string,
): Promise<FileDownload> {
  return protectIfAsked(await contactsFile(ctx, ids, format, exportedColumns(columns), password !== undefined), password)
}

async function contactsFile(
  ctx: BackendContext,
  ids: string[],
  format: 'csv' | 'xlsx',
  columns: readonly ExportColumn[],
  isProtected: boolean,
): Promise<FileDownload> {
  const rows = (await repo.findContactsAnyState(ctx.db, ids))
    .filter((r) => r.deletedAt === null)
    .sort((a, b) => (a.familyKana ?? '\uffff').localeCompare(b.familyKana ?? '\uffff') || a.id.localeCompare(b.id))
  const tags = await repo.tagNamesOf(
    ctx.db,
    rows.map((r) => r.id),
  )
  const stageLabels = new Map((await listStages(ctx.db)).map((s) => [s.code as string, s.label]))
  const table = rows.map((r) =>
    exportRow({ ...repo.toContact(r), tags: tags.get(r.id) }, (code) => stageLabels.get(code) ?? code, columns),
  )
  // Exporting personal data is itself worth a line in the audit log (who took how many, and which fields).
  await recordAudit(ctx.db, [
    {
      userName: ctx.userName,
      action: 'export',
      entity: 'contact',
      entityId: null,
      // Whether a password protected the file — never the password itself.
      changes: {
        count: [null, rows.length],
        format: [null, format],
        columns: [null, exportHeaders(columns).join('、')],
        passwordProtected: [null, isProtected],
      },
    },
  ])
  const stamp = new Date().toISOString().slice(0, 10).replaceAll('-', '')
  const baseName = `参加者_${stamp}_${rows.length}人`
  if (format === 'csv') {
    const text = UTF8_BOM + toCsv([exportHeaders(columns), ...table])
    return { fileName: `${baseName}.csv`, mimeType: mimeTypes.csv, base64: Buffer.from(text, 'utf8').toString('base64') }
  }
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('参加者')
  sheet.addRow(exportHeaders(columns)).font = { bold: true }
  // Every cell is written as text ('@'): a phone number is not a number, 0 must stay in front.
  for (const row of table) sheet.addRow(row.map((cell) => (cell === null ? null : neutralizeFormula(cell))))
  sheet.columns.forEach((column) => {
    column.numFmt = '@'
    column.width = 14
  })
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  const buffer = await workbook.xlsx.writeBuffer()
  return { fileName: `${baseName}.xlsx`, mimeType: mimeTypes.xlsx, base64: Buffer.from(buffer as ArrayBuffer).toString('base64') }
}
