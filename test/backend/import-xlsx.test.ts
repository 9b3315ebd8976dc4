import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { readXlsx } from '../../electron/backend/import/xlsx'

/** A one-sheet workbook as Excel saves it: the given cells with their number formats. */
async function workbook(cells: { value: ExcelJS.CellValue; numFmt?: string }[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('日程')
  sheet.addRow(['日付', '時間', '終了'])
  const row = sheet.addRow(cells.map((c) => c.value))
  cells.forEach((c, i) => {
    if (c.numFmt) row.getCell(i + 1).numFmt = c.numFmt
  })
  return new Uint8Array(await book.xlsx.writeBuffer())
}

describe('reading .xlsx cells', () => {
  it('a date cell reads as its day, a time-formatted cell as its time (not 1899-12-30)', async () => {
    const bytes = await workbook([
      { value: new Date(Date.UTC(2024, 5, 8)), numFmt: 'yyyy/m/d' },
      { value: 13 / 24, numFmt: 'h:mm' },
      { value: (15 * 3600 + 30 * 60 + 15) / 86400, numFmt: 'h:mm:ss' },
    ])
    const table = await readXlsx(bytes)
    expect(table.rows[1]).toEqual(['2024-06-08', '13:00', '15:30:15'])
  })
})
