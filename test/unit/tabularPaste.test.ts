import { describe, expect, it } from 'vitest'
import { fieldOfHeader, guessMapping, parseTabSeparated, rowToFields } from '../../shared/domain/tabularPaste'

describe('parseTabSeparated: rows as Excel and Google Sheets put them on the clipboard', () => {
  it('splits tabs and CRLF or LF lines, ignoring the trailing line break', () => {
    expect(parseTabSeparated('山田\t太郎\r\n佐藤\t花子\r\n')).toEqual([
      ['山田', '太郎'],
      ['佐藤', '花子'],
    ])
    expect(parseTabSeparated('a\tb\nc\td')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ])
  })

  it('reads quoted cells holding tabs, line breaks and doubled quotes', () => {
    expect(parseTabSeparated('"1行目\n2行目"\t"タブ\tあり"\t"引用""符"""\r\n次\t\t\r\n')).toEqual([
      ['1行目\n2行目', 'タブ\tあり', '引用"符"'],
      ['次', '', ''],
    ])
  })

  it('keeps a quote inside an unquoted cell as text and pads short rows', () => {
    expect(parseTabSeparated('5"\t屋号\r\n末尾だけ')).toEqual([
      ['5"', '屋号'],
      ['末尾だけ', ''],
    ])
  })

  it('returns nothing for empty text', () => {
    expect(parseTabSeparated('')).toEqual([])
  })
})

describe('mapping pasted columns to fields', () => {
  it('recognizes Japanese and English headers through width and kana differences', () => {
    expect(fieldOfHeader('姓')).toBe('familyName')
    expect(fieldOfHeader('ﾒｰﾙｱﾄﾞﾚｽ')).toBe('email')
    expect(fieldOfHeader('電話番号')).toBe('phone')
    expect(fieldOfHeader('Ｅ－ｍａｉｌ')).toBe('email')
    expect(fieldOfHeader('せい')).toBe('familyKana')
    expect(fieldOfHeader('好きな食べ物')).toBeNull()
  })

  it('uses a header row when one is there, and never maps one field twice', () => {
    expect(
      guessMapping(
        [
          ['姓', '名', 'メモ', '備考'],
          ['山田', '太郎', 'a', 'b'],
        ],
        [],
      ),
    ).toEqual({
      headerRow: true,
      mapping: ['familyName', 'givenName', 'notes', null],
    })
  })

  it('falls back to where the rows were pasted when there is no header', () => {
    expect(guessMapping([['山田', '太郎', 'x']], ['familyName', 'givenName'])).toEqual({
      headerRow: false,
      mapping: ['familyName', 'givenName', null],
    })
  })

  it('turns vocabulary labels and municipality names into codes, and skips empty cells', () => {
    const fields = rowToFields(
      ['山田', '女性', 'つながる', '浜田市', '', '島根県隠岐の島町'],
      ['familyName', 'gender', 'stage', 'municipalityCode', 'notes', 'affiliation'],
    )
    expect(fields).toEqual({
      familyName: '山田',
      gender: 'female',
      stage: 'tsunagaru',
      municipalityCode: '322024',
      affiliation: '島根県隠岐の島町',
    })
    // An unknown label is kept as typed, so the field's own validation refuses it with a message.
    expect(rowToFields(['たぶん'], ['gender'])).toEqual({ gender: 'たぶん' })
    // A renamed stage label is read too.
    expect(rowToFields(['関心あり'], ['stage'], { tsukamu: '関心あり' })).toEqual({ stage: 'tsukamu' })
  })
})
