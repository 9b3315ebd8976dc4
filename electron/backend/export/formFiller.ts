import ExcelJS from 'exceljs'
import { ApiError } from '../../../shared/contract/errors'
import type { FiscalYearReport } from '../../../shared/domain/reports/types'
import { neutralizeFormula } from '../../../shared/domain/spreadsheetSafety'
import { formValues, programValues } from './formValues'
import type { FormValue } from './formValues'

const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g
const WHOLE = /^\{\{\s*([^{}]+?)\s*\}\}$/

/**
 * Fills a user's .xlsx form (様式). Only cell values change: styles, merged cells, column widths,
 * print settings and every other sheet stay as the user made them.
 *
 * - A cell that is exactly one placeholder gets the value itself (a number stays a number).
 * - Placeholders inside text are replaced in place ("実人数 {{uniquePeople}} 人").
 * - A row with {{program.…}} placeholders is the per-program table: it is filled for the first
 *   program and copied, with its formatting, into the rows below for the others. Those rows
 *   must be empty (a form draws enough blank rows); otherwise nothing is written and the user is told.
 * - An unknown placeholder is an error listing it: a silently blank figure in a grant report is worse.
 */
export async function fillForm(template: Buffer, report: FiscalYearReport, k: number | null): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(template as unknown as ArrayBuffer)
  } catch {
    throw ApiError.from(
      'INVALID_ARGS',
      { reason: 'not-xlsx' },
      '様式ファイルを読み込めません。Excel の .xlsx 形式のファイルを選んでください。',
    )
  }
  const values = formValues(report, k)
  const programs = programValues(report, k)
  const unknown = new Set<string>()

  const resolve = (text: string, scope: Map<string, FormValue>): ExcelJS.CellValue => {
    const whole = WHOLE.exec(text)
    if (whole) {
      const v = scope.get(whole[1]) ?? values.get(whole[1])
      if (v === undefined) unknown.add(whole[1])
      return typeof v === 'number' ? v : neutralizeFormula(v ?? '')
    }
    return neutralizeFormula(
      text.replace(PLACEHOLDER, (_m, key: string) => {
        const v = scope.get(key) ?? values.get(key)
        if (v === undefined) unknown.add(key)
        return v === undefined ? '' : String(v)
      }),
    )
  }

  const empty = new Map<string, FormValue>()
  wb.eachSheet((sheet) => {
    const tableRows: number[] = []
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      let isTable = false
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (typeof cell.value === 'string' && cell.value.includes('{{program.')) isTable = true
      })
      if (isTable) tableRows.push(rowNumber)
      else
        row.eachCell({ includeEmpty: false }, (cell) => {
          if (typeof cell.value === 'string' && cell.value.includes('{{')) cell.value = resolve(cell.value, empty)
        })
    })
    for (const rowNumber of tableRows) fillProgramRows(sheet, rowNumber, programs, resolve)
  })
  if (unknown.size > 0) {
    const list = [...unknown].map((u) => `{{${u}}}`).join('、')
    throw ApiError.from('INVALID_ARGS', { unknown: [...unknown] }, `様式に使えない差し込み項目があります: ${list}`)
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

function fillProgramRows(
  sheet: ExcelJS.Worksheet,
  rowNumber: number,
  programs: Map<string, FormValue>[],
  resolve: (text: string, scope: Map<string, FormValue>) => ExcelJS.CellValue,
): void {
  const templateRow = sheet.getRow(rowNumber)
  const cells: { col: number; text: string | null; style: Partial<ExcelJS.Style> }[] = []
  templateRow.eachCell({ includeEmpty: true }, (cell, col) => {
    cells.push({
      col,
      text: typeof cell.value === 'string' ? cell.value : null,
      style: JSON.parse(JSON.stringify(cell.style ?? {})),
    })
  })
  for (let i = 1; i < programs.length; i++) {
    const target = sheet.getRow(rowNumber + i)
    target.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.value !== null && cell.value !== '') {
        throw ApiError.from(
          'INVALID_ARGS',
          { needed: programs.length, sheet: sheet.name },
          `様式「${sheet.name}」の事業の表の行が足りません（${programs.length}行必要です。${rowNumber}行目の下に空の行を用意してください）。`,
        )
      }
    })
  }
  const rows = programs.length === 0 ? [new Map<string, FormValue>()] : programs
  rows.forEach((scope, i) => {
    const target = sheet.getRow(rowNumber + i)
    if (i > 0 && templateRow.height) target.height = templateRow.height
    for (const c of cells) {
      const cell = target.getCell(c.col)
      if (i > 0) cell.style = JSON.parse(JSON.stringify(c.style))
      // With no program, the table row is left blank rather than showing raw placeholders.
      if (c.text !== null) cell.value = programs.length === 0 && c.text.includes('{{program.') ? '' : resolve(c.text, scope)
    }
  })
}
