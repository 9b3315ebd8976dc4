import iconv from 'iconv-lite'

export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'cp932'
/** What a user may choose: an encoding, 'auto', or 'utf16' (byte order from the BOM, else little-endian as Windows writes it). */
export type EncodingChoice = TextEncoding | 'auto' | 'utf16'

export interface DecodedText {
  text: string
  encoding: TextEncoding
  /** A byte-order mark was present (and removed). */
  bom: boolean
}

export type DecodeFailure = { ok: false; reason: 'empty' | 'binary' | 'wrongEncoding'; message: string }

const messages = {
  empty: 'ファイルが空です。',
  binary: 'テキストのファイルではないようです（CSV・TSV・テキスト以外のファイルの可能性があります）。',
} as const

const encodingNames: Record<TextEncoding, string> = {
  utf8: 'UTF-8',
  utf16le: 'UTF-16',
  utf16be: 'UTF-16',
  cp932: 'Shift_JIS',
}

/**
 * Detects how a text file is encoded, in the order Japanese files arrive: a byte-order mark
 * (UTF-8 from Google Forms, UTF-16 from "Unicode text" in Excel), valid UTF-8, else
 * Shift_JIS/CP932 (older Excel's "CSV"). iconv-lite's Shift_JIS table includes the CP932
 * extensions (①, ㈱, NEC/IBM kanji). A file with NUL bytes outside UTF-16 is not text.
 */
export function detectEncoding(bytes: Uint8Array): { encoding: TextEncoding; bom: boolean } | DecodeFailure {
  if (bytes.length === 0) return { ok: false, reason: 'empty', message: messages.empty }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf8', bom: true }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf16le', bom: true }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf16be', bom: true }
  if (bytes.subarray(0, 64 * 1024).includes(0)) return { ok: false, reason: 'binary', message: messages.binary }
  // The whole file: a list whose first thousands of rows are plain ASCII (numbers, e-mails)
  // and whose names come later is still Shift_JIS. Checking 10 MB takes a few milliseconds.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return { encoding: 'utf8', bom: false }
  } catch {
    return { encoding: 'cp932', bom: false }
  }
}

/** UTF-16 as the user chose it: the byte order from a BOM, else little-endian as Windows writes it. */
function utf16Of(bytes: Uint8Array): { encoding: TextEncoding; bom: boolean } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf16le', bom: true }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf16be', bom: true }
  return { encoding: 'utf16le', bom: false }
}

/** Decodes with a detected or user-chosen encoding. Undecodable bytes become U+FFFD. */
export function decodeText(bytes: Uint8Array, choice: EncodingChoice = 'auto'): DecodedText | DecodeFailure {
  if (bytes.length === 0) return { ok: false, reason: 'empty', message: messages.empty }
  // UTF-16 without a BOM is half NUL bytes (every ASCII character): detection takes it for a
  // binary file, so a user who says it is UTF-16 is taken at their word (the result is still
  // checked for control characters below).
  const detected = choice === 'utf16' || choice === 'utf16le' || choice === 'utf16be' ? utf16Of(bytes) : detectEncoding(bytes)
  if ('ok' in detected) return detected
  const chosen = choice === 'utf16' ? (detected.encoding === 'utf16be' ? 'utf16be' : 'utf16le') : choice
  const encoding = chosen === 'auto' ? detected.encoding : chosen
  const bom = chosen === 'auto' || chosen === detected.encoding ? detected.bom : false
  const body = bom ? bytes.subarray(encoding === 'utf8' ? 3 : 2) : bytes
  const text = encoding === 'cp932' ? iconv.decode(Buffer.from(body), 'Shift_JIS') : iconv.decode(Buffer.from(body), encoding)
  if (looksBinary(text)) {
    // Text read in the wrong encoding looks like binary too; then the choice is what is wrong.
    if (chosen !== 'auto' && !('ok' in decodeText(bytes, 'auto')))
      return {
        ok: false,
        reason: 'wrongEncoding',
        message: `このファイルは${encodingNames[encoding]}としては読めませんでした。文字コードを「自動判定」に戻すか、別の文字コードを選んでください。`,
      }
    return { ok: false, reason: 'binary', message: messages.binary }
  }
  return { text, encoding, bom }
}

/** Control characters other than tab and line breaks are not in any real list. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 20_000)
  let controls = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffd) controls++
  }
  return sample.length > 0 && controls / sample.length > 0.05
}
