import { neutralizeFormula } from './spreadsheetSafety'

export type CsvCell = string | number | null | undefined

/**
 * RFC 4180 CSV text with CRLF line ends (what Excel writes). Text cells are neutralized
 * against formula injection; numbers are written as numbers. Encoding (UTF-8 with BOM for
 * Excel, or Shift_JIS) is the caller's choice when turning the text into bytes.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n'
}

function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return ''
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : ''
  const text = neutralizeFormula(cell)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** UTF-8 with a byte-order mark, so Excel opens Japanese text correctly. */
export const UTF8_BOM = '\uFEFF'
