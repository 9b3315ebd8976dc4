import iconv from 'iconv-lite'
import { toCsv, UTF8_BOM } from '../../../shared/domain/csv'
import type { ExportTable } from '../../../shared/domain/reports/tables'

export type CsvEncoding = 'utf8' | 'shift_jis'

/** Characters of `text` that Shift_JIS (CP932) cannot hold, each listed once (𠮷, ♥…). */
export function unencodableInShiftJis(text: string): string[] {
  const found = new Set<string>()
  for (const ch of new Set(text)) {
    if (ch === '?') continue
    if (iconv.decode(iconv.encode(ch, 'Shift_JIS'), 'Shift_JIS') !== ch) found.add(ch)
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
  return { bytes: iconv.encode(text, 'Shift_JIS'), unencodable: unencodableInShiftJis(text) }
}
