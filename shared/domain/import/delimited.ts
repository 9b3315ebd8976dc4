/**
 * Parses delimited text (CSV or tab-separated) the way Excel and Google Sheets write it:
 * quoted cells may hold the delimiter, doubled quotes and line breaks; lines end in CRLF or
 * LF; rows may be ragged. Never throws: a quote left open at the end of the text closes
 * there, and the caller is told so it can warn the user.
 */
export interface DelimitedText {
  rows: string[][]
  delimiter: ',' | '\t'
  /** A quoted cell ran to the end of the text (a truncated or broken file). */
  unterminatedQuote: boolean
}

/** Tab when the first lines have more tabs than commas (pasted cells, TSV), else comma. */
export function guessDelimiter(text: string): ',' | '\t' {
  const head = text.slice(0, 4096)
  let tabs = 0
  let commas = 0
  for (const ch of head) {
    if (ch === '\t') tabs++
    else if (ch === ',') commas++
  }
  return tabs > commas ? '\t' : ','
}

export function parseDelimited(text: string, delimiter: ',' | '\t' = guessDelimiter(text)): DelimitedText {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  let i = 0
  const n = text.length
  while (i < n) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"'
          i += 2
          continue
        }
        quoted = false
        i++
        continue
      }
      cell += ch
      i++
      continue
    }
    if (ch === '"' && cell === '') {
      quoted = true
      i++
    } else if (ch === delimiter) {
      row.push(cell)
      cell = ''
      i++
    } else if (ch === '\r' || ch === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
    } else {
      cell += ch
      i++
    }
  }
  if (cell !== '' || row.length > 0 || quoted) {
    row.push(cell)
    rows.push(row)
  }
  return { rows, delimiter, unterminatedQuote: quoted }
}
