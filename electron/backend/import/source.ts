import { ApiError } from '../../../shared/contract/errors'
import { parseDelimited } from '../../../shared/domain/import/delimited'
import { decodeText, detectEncoding } from './decode'
import type { EncodingChoice, TextEncoding } from './decode'
import { readXlsx } from './xlsx'

/** What the user gave us: a file's bytes (upload, dialog, CLI) or text pasted from the clipboard. */
export type ImportInput = { fileName: string; bytes: Uint8Array } | { fileName: string; text: string }

export interface SourceTable {
  fileName: string
  format: 'csv' | 'tsv' | 'xlsx' | 'text'
  encoding: TextEncoding | null
  sheets: string[]
  sheet: string | null
  rows: string[][]
  /** Things the user should know about the file as a whole, in Japanese. */
  notes: string[]
}

const ZIP = [0x50, 0x4b, 0x03, 0x04]

/** Reads any supported source into rows of cell text, or refuses it with a Japanese message. */
export async function readSource(
  input: ImportInput,
  options: { encoding?: EncodingChoice; sheet?: string } = {},
): Promise<SourceTable> {
  if ('text' in input) {
    const parsed = parseDelimited(input.text)
    return { fileName: input.fileName, format: 'text', encoding: null, sheets: [], sheet: null, rows: parsed.rows, notes: [] }
  }
  const { bytes, fileName } = input
  if (ZIP.every((b, i) => bytes[i] === b)) {
    if (!/\.xlsx$/i.test(fileName) && !/\.xlsm$/i.test(fileName)) {
      throw ApiError.from(
        'IMPORT_UNREADABLE',
        { fileName },
        'このファイルはCSVではなく、圧縮ファイル（Excelなど）のようです。Excelの場合は .xlsx のまま選んでください。',
      )
    }
    const table = await readXlsx(bytes, options.sheet)
    const notes = [
      ...(options.sheet === undefined && table.sheets.length > 1
        ? [
            `シートが${table.sheets.length}枚あります。表の形をしている「${table.sheet}」を読み込みました（ほかのシートは「シート」で選べます）。`,
          ]
        : []),
      ...(table.formulaCells > 0 ? [`数式のセルが${table.formulaCells}個あります。最後に計算された値を取り込みます。`] : []),
    ]
    return { fileName, format: 'xlsx', encoding: null, sheets: table.sheets, sheet: table.sheet, rows: table.rows, notes }
  }
  if (/\.xlsx?$/i.test(fileName)) {
    throw ApiError.from(
      'IMPORT_UNREADABLE',
      { fileName },
      /\.xls$/i.test(fileName)
        ? '古い形式のExcelファイル（.xls）は読み込めません。Excelで「.xlsx」か「CSV」形式で保存し直してください。'
        : 'Excelファイルとして読めませんでした。ファイルが壊れている可能性があります。',
    )
  }
  const decoded = decodeText(bytes, options.encoding ?? 'auto')
  if ('ok' in decoded) throw ApiError.from('IMPORT_UNREADABLE', { reason: decoded.reason }, decoded.message)
  const parsed = parseDelimited(decoded.text)
  const notes = parsed.unterminatedQuote
    ? ['ファイルの最後で「"」が閉じられていません。ファイルが途中で切れている可能性があります。']
    : []
  // Shift_JIS forced on a UTF-8 file turns the names into other kanji, with few or no bad bytes.
  if (decoded.encoding === 'cp932' && options.encoding === 'cp932' && isUtf8WithJapanese(bytes))
    notes.push(
      'このファイルはUTF-8として読めます。Shift_JISとして読んだため文字化けしている可能性があります（文字コードは「自動判定」がおすすめです）。',
    )
  else if (decoded.text.includes('\uFFFD'))
    notes.push('文字コードを正しく判定できなかった文字があります。文字化けしている場合は文字コードを選び直してください。')
  return {
    fileName,
    format: parsed.delimiter === '\t' ? 'tsv' : 'csv',
    encoding: decoded.encoding,
    sheets: [],
    sheet: null,
    rows: parsed.rows,
    notes,
  }
}

/** Valid UTF-8 that is not plain ASCII: what Shift_JIS would turn into the wrong characters. */
function isUtf8WithJapanese(bytes: Uint8Array): boolean {
  const detected = detectEncoding(bytes)
  return !('ok' in detected) && detected.encoding === 'utf8' && bytes.some((b) => b >= 0x80)
}

/**
 * readSource for a preview: also refuses a source whose every cell is blank (an empty sheet, a
 * CSV of commas), so no kind's preview has to say it on its own.
 */
export async function readFilledSource(
  input: ImportInput,
  options: { encoding?: EncodingChoice; sheet?: string } = {},
): Promise<SourceTable> {
  const source = await readSource(input, options)
  if (source.rows.every((r) => r.every((c) => c.trim() === ''))) {
    throw ApiError.from(
      'IMPORT_UNREADABLE',
      { fileName: input.fileName },
      '取り込める行がありません（空のファイルか、空のシートです）。',
    )
  }
  return source
}
