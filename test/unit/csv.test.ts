import { describe, expect, it } from 'vitest'
import { toCsv } from '../../shared/domain/csv'
import { neutralizeFormula } from '../../shared/domain/spreadsheetSafety'

describe('CSV and formula safety', () => {
  it('neutralizes every cell Excel would run as a formula', () => {
    for (const v of ['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(neutralizeFormula(v)).toBe(`'${v}`)
    }
    for (const v of ['山田', 'a=b', '090-1234-5678', '']) expect(neutralizeFormula(v)).toBe(v)
  })

  it('quotes commas, quotes and line breaks, keeps numbers, and ends lines with CRLF', () => {
    expect(
      toCsv([
        ['氏名', 'メモ', '人数'],
        ['山田, 太郎', '「"こんにちは"」\n2行目', 3],
        [null, '=1+1', undefined],
      ]),
    ).toBe('氏名,メモ,人数\r\n"山田, 太郎","「""こんにちは""」\n2行目",3\r\n,\'=1+1,\r\n')
  })
})
