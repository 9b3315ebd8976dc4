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
    // A person whose reading happens to be a header word (メイ) is a row, not the header.
    expect(guessMapping([['山田', '芽衣', 'ヤマダ', 'メイ']], ['familyName', 'givenName', 'familyKana', 'givenKana'])).toEqual({
      headerRow: false,
      mapping: ['familyName', 'givenName', 'familyKana', 'givenKana'],
    })
    // 名前 is the whole name on a Japanese sheet: not taken for 名.
    expect(guessMapping([['名前', 'メール', '電話']], []).mapping).toEqual([null, 'email', 'phone'])
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

  it('looks for a municipality name in the row’s own prefecture when one is pasted beside it', () => {
    const mapping = ['prefectureCode', 'municipalityCode'] as const
    // 府中市 alone is ambiguous (東京都, 広島県): next to its prefecture it is not.
    expect(rowToFields(['広島県', '府中市'], mapping).municipalityCode).toBe('342084')
    expect(rowToFields(['13', '府中市'], mapping).municipalityCode).toBe('132063')
    expect(rowToFields(['', '府中市'], mapping).municipalityCode).toBe('府中市')
    // 北区 alone is 東京都北区; next to 愛知県 it is 名古屋市北区, and next to 島根県 nothing: kept
    // as typed for the field's validation to refuse, rather than an address in two prefectures.
    expect(rowToFields(['', '北区'], mapping).municipalityCode).toBe('131172')
    expect(rowToFields(['愛知県', '北区'], mapping).municipalityCode).toBe('231037')
    expect(rowToFields(['島根県', '北区'], mapping).municipalityCode).toBe('北区')
    expect(rowToFields(['東京都', '東京都府中市'], mapping).municipalityCode).toBe('132063')
  })
})
