import ExcelJS from 'exceljs'
import type { FileDownload } from '../../../shared/contract/files'

export async function readWorkbook(file: FileDownload | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  const bytes = Buffer.isBuffer(file) ? file : Buffer.from(file.base64, 'base64')
  await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  return wb
}

/** Every cell with a value, as [sheet, address, cell]. */
export function allCells(wb: ExcelJS.Workbook): [string, string, ExcelJS.Cell][] {
  const out: [string, string, ExcelJS.Cell][] = []
  wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => out.push([sheet.name, cell.address, cell]))))
  return out
}

/**
 * The breakdown blocks of a sheet written by writeTable: title row, header row, rows, then a
 * '合計' row. Returns each block's values (last column) and its total.
 */
export function breakdownBlocks(sheet: ExcelJS.Worksheet): { title: string; values: unknown[]; total: unknown }[] {
  const blocks: { title: string; values: unknown[]; total: unknown }[] = []
  let current: { title: string; values: unknown[]; total: unknown } | null = null
  let expectHeader = false
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells = (row.values as unknown[]).slice(1)
    const nonEmpty = cells.filter((c) => c !== null && c !== undefined && c !== '')
    if (nonEmpty.length === 0) {
      current = null
      return
    }
    if (!current) {
      current = { title: String(nonEmpty[0]), values: [], total: undefined }
      blocks.push(current)
      expectHeader = true
      return
    }
    if (expectHeader) {
      expectHeader = false
      return
    }
    const last = cells[cells.length - 1]
    if (cells.includes('合計')) current.total = last
    else current.values.push(last)
  })
  return blocks
}
