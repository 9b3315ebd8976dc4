import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toCsv } from '../../shared/domain/csv'
import { parseDelimited } from '../../shared/domain/import/delimited'
import { detectHeaderRow, splitNameOverTwoColumns, suggestField, suggestMapping } from '../../shared/domain/import/headers'

describe('parseDelimited', () => {
  it('reads Excel-style CSV: quotes, doubled quotes, line breaks in cells, CRLF, ragged rows', () => {
    const text = '氏名,メモ\r\n"山田, 太郎","1行目\r\n2行目 ""引用"""\r\n佐藤\r\n鈴木,a,b,c\r\n'
    expect(parseDelimited(text)).toEqual({
      rows: [['氏名', 'メモ'], ['山田, 太郎', '1行目\r\n2行目 "引用"'], ['佐藤'], ['鈴木', 'a', 'b', 'c']],
      delimiter: ',',
      unterminatedQuote: false,
    })
  })

  it('recognizes cells pasted from Excel or Google Sheets (tab-separated)', () => {
    expect(parseDelimited('姓\t名\n山田\t太郎\n"複数\n行"\t花子')).toEqual({
      rows: [
        ['姓', '名'],
        ['山田', '太郎'],
        ['複数\n行', '花子'],
      ],
      delimiter: '\t',
      unterminatedQuote: false,
    })
  })

  it('reports a quote left open by a truncated file instead of throwing', () => {
    const parsed = parseDelimited('a,b\n"途中で切れた')
    expect(parsed.unterminatedQuote).toBe(true)
    expect(parsed.rows).toEqual([['a', 'b'], ['途中で切れた']])
  })

  it('never throws on any text, and reads back what toCsv wrote', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => void parseDelimited(text)))
    const cell = fc.string({ unit: 'grapheme', maxLength: 12 }).filter((s) => !/^[=+\-@\t\r]/.test(s))
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        expect(parseDelimited(toCsv(rows), ',').rows).toEqual(rows)
      }),
    )
  })
})

describe('header suggestions', () => {
  it('maps Japanese and English headers, in any width and script', () => {
    const cases: Record<string, string | null> = {
      氏名: 'fullName',
      'お名前（フルネーム）': 'fullName',
      ﾌﾘｶﾞﾅ: 'fullKana',
      ふりがな: 'fullKana',
      'フリガナ（セイ）': 'familyKana',
      姓: 'familyName',
      名: 'givenName',
      メールアドレス: 'email',
      'E-mail': 'email',
      携帯電話番号: 'phone',
      '〒': 'postalCode',
      郵便番号: 'postalCode',
      ご住所: 'address',
      生年月日: 'birth',
      年齢: 'age',
      性別: 'gender',
      ご職業: 'occupation',
      '所属（会社・学校）': 'affiliation',
      知ったきっかけ: 'firstContact',
      備考: 'notes',
      'First name': 'givenName',
      タイムスタンプ: null,
      '': null,
    }
    for (const [header, field] of Object.entries(cases)) expect(suggestField(header), header).toBe(field)
  })

  it('reads a name split as 「お名前（姓）」「お名前（名）」 (Google Forms) as 姓 and 名, not two full names', () => {
    expect(suggestMapping(['タイムスタンプ', 'お名前（姓）', 'お名前（名）', 'フリガナ（セイ）', 'フリガナ（メイ）'])).toEqual([
      'ignore',
      'familyName',
      'givenName',
      'familyKana',
      'givenKana',
    ])
    expect(suggestMapping(['氏名(姓)', '氏名(名)'])).toEqual(['familyName', 'givenName'])
    expect(suggestMapping(['名前【姓】', '名前【名】'])).toEqual(['familyName', 'givenName'])
  })

  it('gives each field to one column only', () => {
    expect(suggestMapping(['氏名', '名前', '電話', '携帯'])).toEqual(['fullName', 'ignore', 'phone', 'ignore'])
  })

  it('skips title rows above the header, as Excel forms have', () => {
    const rows = [
      ['令和6年度 しまコトアカデミー 参加者名簿'],
      ['作成日', '2024/4/1'],
      [],
      ['No.', '氏名', 'フリガナ', '電話番号', '住所'],
      ['1', '山田 太郎'],
    ]
    expect(detectHeaderRow(rows)).toBe(3)
  })
})

describe('氏名 written once over the 姓 and 名 columns', () => {
  const headers = ['氏名', '', 'フリガナ', '', 'メール']
  const rows = [
    ['浜田', '一郎', 'ハマダ', 'イチロウ', 'ichiro@example.jp'],
    ['江津', '花子', 'ゴウツ', 'ハナコ', 'hanako@example.jp'],
  ]
  it('maps the left column to 姓 and the right to 名, for the reading too', () => {
    expect(splitNameOverTwoColumns(suggestMapping(headers), headers, rows)).toEqual([
      'familyName',
      'givenName',
      'familyKana',
      'givenKana',
      'email',
    ])
  })
  it('leaves it alone when the rows do not bear it out, or the right column has a header', () => {
    // Full names with a space on the left, a note on the right in some rows only.
    const notes = [
      ['浜田 一郎', '', 'ハマダ イチロウ', '', 'a@example.jp'],
      ['江津 花子', '要連絡', 'ゴウツ ハナコ', '', 'b@example.jp'],
    ]
    expect(splitNameOverTwoColumns(suggestMapping(headers), headers, notes)).toEqual(suggestMapping(headers))
    const named = ['氏名', '備考', 'メール']
    expect(splitNameOverTwoColumns(suggestMapping(named), named, [['浜田', '一郎', 'x@example.jp']])).toEqual([
      'fullName',
      'notes',
      'email',
    ])
  })
})
