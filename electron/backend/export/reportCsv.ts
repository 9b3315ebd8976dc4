import iconv from 'iconv-lite'
import { toCsv, UTF8_BOM } from '../../../shared/domain/csv'
import type { ExportTable } from '../../../shared/domain/reports/tables'

export type CsvEncoding = 'utf8' | 'shift_jis'

/**
 * Characters that JIS and Windows (CP932) map to different code points: text typed on a Mac or
 * by the app itself (「〜19」, 「2025-04-01 〜 2026-03-31」) holds the JIS ones, which the Shift_JIS
 * table knows only under their Windows code points. Without this, 〜 became 「?」 in the file.
 */
const toWindowsCodePoints: Record<string, string> = {
  '\u301C': '\uFF5E', // 〜 WAVE DASH → ～
  '\u2212': '\uFF0D', // − MINUS SIGN → －
  '\u2016': '\u2225', // ‖ DOUBLE VERTICAL LINE → ∥
  '\u2014': '\u2015', // — EM DASH → ―
  '\u00A2': '\uFFE0', // ¢
  '\u00A3': '\uFFE1', // £
  '\u00AC': '\uFFE2', // ¬
}
const jisOnly = new RegExp(`[${Object.keys(toWindowsCodePoints).join('')}]`, 'g')

/** `text` with the JIS-only code points replaced by those CP932 holds (see above). */
export function toCp932CodePoints(text: string): string {
  return text.replace(jisOnly, (c) => toWindowsCodePoints[c]!)
}

/** Characters of `text` that Shift_JIS (CP932) cannot hold, each listed once (𠮷, ♥…). */
export function unencodableInShiftJis(text: string): string[] {
  const found = new Set<string>()
  for (const ch of new Set(text)) {
    if (ch === '?') continue
    if (iconv.decode(iconv.encode(toCp932CodePoints(ch), 'Shift_JIS'), 'Shift_JIS') !== toCp932CodePoints(ch)) found.add(ch)
  }
  return [...found]
}

/**
 * One report table as CSV bytes: UTF-8 with a BOM (Excel then reads Japanese correctly), or
 * Shift_JIS for older Excel, in which case the characters it could not hold are returned.
 */
export function tableCsv(table: ExportTable, encoding: CsvEncoding): { bytes: Buffer; unencodable: string[] } {
  const text = toCsv([table.headers, ...table.rows])
  if (encoding === 'utf8') return { bytes: Buffer.from(UTF8_BOM + text, 'utf8'), unencodable: [] }
  return { bytes: iconv.encode(toCp932CodePoints(text), 'Shift_JIS'), unencodable: unencodableInShiftJis(text) }
}
