import type ExcelJS from 'exceljs'
import { neutralizeFormula } from '../../../shared/domain/spreadsheetSafety'
import type { ExportTable, ExportValue } from '../../../shared/domain/reports/tables'

/** A Japanese font Excel has on every Windows and Mac since 2016. */
export const JAPANESE_FONT = '游ゴシック'
export const baseFont: Partial<ExcelJS.Font> = { name: JAPANESE_FONT, size: 11 }

/**
 * Writes one value: numbers as numbers with thousands separators, text neutralized against
 * formula injection, and code columns as text ('@') so 01 stays 01.
 */
export function setCell(cell: ExcelJS.Cell, value: ExportValue, asText = false): void {
  if (value === null) cell.value = null
  else if (typeof value === 'number' && !asText) {
    cell.value = value
    cell.numFmt = '#,##0'
  } else {
    cell.value = neutralizeFormula(String(value))
    if (asText) cell.numFmt = '@'
    if (typeof value === 'string' && /未満|秘匿/.test(value)) cell.alignment = { horizontal: 'right' }
  }
  cell.font = { ...baseFont, ...(cell.font?.bold ? { bold: true } : {}) }
}

const border: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
}

/** A titled table starting at `row`; returns the first free row after it (one blank line). */
export function writeTable(sheet: ExcelJS.Worksheet, row: number, table: ExportTable): number {
  const title = sheet.getRow(row).getCell(1)
  setCell(title, table.title)
  title.font = { ...baseFont, bold: true, size: 12 }
  row++
  const header = sheet.getRow(row)
  table.headers.forEach((h, i) => {
    const cell = header.getCell(i + 1)
    setCell(cell, h)
    cell.font = { ...baseFont, bold: true }
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF6' } }
    cell.border = border
  })
  row++
  table.rows.forEach((values, r) => {
    const line = sheet.getRow(row)
    const isTotal = table.hasTotal && r === table.rows.length - 1
    values.forEach((v, i) => {
      const cell = line.getCell(i + 1)
      setCell(cell, v, table.textColumns.includes(i))
      cell.border = border
      if (isTotal) cell.font = { ...baseFont, bold: true }
    })
    row++
  })
  return row + 1
}

/** Column widths that fit Japanese text (wide characters count double). */
export function fitColumns(sheet: ExcelJS.Worksheet, min = 8, max = 60): void {
  sheet.columns.forEach((column) => {
    let width = min
    column.eachCell?.({ includeEmpty: false }, (cell) => {
      const text = cell.value === null || cell.value === undefined ? '' : String(cell.value)
      const w = [...text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0) + 2
      if (w > width) width = w
    })
    column.width = Math.min(max, width)
  })
}
