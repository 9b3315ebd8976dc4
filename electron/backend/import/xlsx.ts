import ExcelJS from 'exceljs'
import { ApiError } from '../../../shared/contract/errors'

export interface XlsxTable {
  sheets: string[]
  sheet: string
  rows: string[][]
  /** Cells that held formulas: their last computed value is taken, never recalculated. */
  formulaCells: number
}

/**
 * A date-formatted cell: its day (YYYY-MM-DD), with its time after a space when it has one
 * (2024-06-08 14:00, a date-time cell: two sessions on one day are two times), or for a
 * time-only cell (13:00 formatted h:mm) its time. Excel keeps a time alone as a fraction of
 * day 0, which ExcelJS hands over as a Date on 1899-12-30; its day would read as 「1899-12-30」
 * in a 時間 column. The date readers take a day with a time as that day.
 */
function dateCellText(value: Date): string {
  // To the nearest second: a fraction of a day in binary floating point can land a hair early.
  const iso = new Date(Math.round(value.getTime() / 1000) * 1000).toISOString()
  const seconds = iso.slice(17, 19)
  const time = seconds === '00' ? iso.slice(11, 16) : iso.slice(11, 19)
  if (iso.startsWith('1899-12-30')) return time
  return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`
}

/** One cell as the text a person sees in Excel (dates as YYYY-MM-DD, times as HH:MM, both as YYYY-MM-DD HH:MM). */
function cellText(value: ExcelJS.CellValue): { text: string; formula: boolean } {
  if (value === null || value === undefined) return { text: '', formula: false }
  if (value instanceof Date) return { text: dateCellText(value), formula: false }
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result
      return {
        text:
          result === undefined || (typeof result === 'object' && result !== null && !(result instanceof Date))
            ? ''
            : cellText(result as ExcelJS.CellValue).text,
        formula: true,
      }
    }
    if ('richText' in value) return { text: value.richText.map((r) => r.text).join(''), formula: false }
    if ('text' in value) return { text: String(value.text), formula: false }
    if ('error' in value) return { text: '', formula: false }
    return { text: '', formula: false }
  }
  return { text: String(value), formula: false }
}

/**
 * The sheet a list is most likely on, unless one is named: of the sheets a person sees (a
 * hidden one often holds a dropdown's list), the one with the most rows of two or more
 * filled cells. Forms often open on a 「説明」 sheet of single-cell lines before the 名簿.
 */
function mostTabular(workbook: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  let best: { sheet: ExcelJS.Worksheet; rows: number } | undefined
  for (const sheet of workbook.worksheets) {
    if (sheet.state !== 'visible') continue
    let rows = 0
    sheet.eachRow((row) => {
      if (row.actualCellCount >= 2) rows++
    })
    if (!best || rows > best.rows) best = { sheet, rows }
  }
  return best?.sheet
}

/** Reads one sheet of an .xlsx file (the likeliest list unless named) into rows of cell text. */
export async function readXlsx(bytes: Uint8Array, sheetName?: string): Promise<XlsxTable> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  } catch (error) {
    throw ApiError.from(
      'IMPORT_UNREADABLE',
      { cause: String(error) },
      'Excelファイルを開けませんでした。ファイルが壊れているか、途中までしか保存されていない可能性があります。',
    )
  }
  const sheets = workbook.worksheets.map((w) => w.name)
  const worksheet = sheetName ? workbook.getWorksheet(sheetName) : (mostTabular(workbook) ?? workbook.worksheets[0])
  if (!worksheet) {
    throw ApiError.from(
      'IMPORT_UNREADABLE',
      { sheets },
      sheetName ? `シート「${sheetName}」が見つかりません。` : 'シートがありません。',
    )
  }
  const rows: string[][] = []
  let formulaCells = 0
  worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = []
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      // ExcelJS repeats a merged cell's value in every cell it covers. Across columns that turns
      // a title (「○○市 参加者名簿」 over A1:E1) into a row of five header-like cells that wins
      // the header search; there only the first cell keeps it. Down a column it is a value
      // shared by the rows (a date merged over one day's sign-ins): every row keeps it.
      if (cell.isMerged && cell.master.fullAddress.col !== cell.fullAddress.col) {
        cells[column - 1] = ''
        return
      }
      const { text, formula } = cellText(cell.value)
      if (formula) formulaCells++
      cells[column - 1] = text
    })
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '')
  })
  return { sheets, sheet: worksheet.name, rows: Array.from(rows, (r) => r ?? []), formulaCells }
}
