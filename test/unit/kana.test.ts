import { describe, expect, it } from 'vitest'
import {
  isKanaOnly,
  normalizeForSearch,
  normalizeKanaReading,
  normalizeWidth,
  toHiragana,
  toKatakana,
} from '../../shared/domain/kana'

describe('toKatakana / toHiragana', () => {
  it('converts every hiragana letter, including ゔ and the small ゕゖ', () => {
    expect(toKatakana('ぁあいうゔかがぱゃっゎをんゕゖ')).toBe('ァアイウヴカガパャッヮヲンヵヶ')
  })

  it('converts the iteration marks ゝゞ', () => {
    expect(toKatakana('いすゞ')).toBe('イスヾ')
    expect(toHiragana('イスヾ')).toBe('いすゞ')
  })

  it('leaves ー, kanji, latin, digits and katakana untouched', () => {
    expect(toKatakana('すーぱー山田ABC123カナ')).toBe('スーパー山田ABC123カナ')
  })

  it('toHiragana is the reverse, and ヷ (no hiragana form) stays', () => {
    expect(toHiragana('ヤマダ ヴァイオリン ヷ')).toBe('やまだ ゔぁいおりん ヷ')
    expect(toHiragana(toKatakana('しまねけんはまだし'))).toBe('しまねけんはまだし')
  })
})

describe('normalizeWidth', () => {
  it('narrows full-width ASCII and the ideographic space', () => {
    expect(normalizeWidth('ＡＢＣ　１２３＠ｅｘａｍｐｌｅ．ｊｐ')).toBe('ABC 123@example.jp')
  })

  it('widens half-width katakana and composes its voiced marks', () => {
    expect(normalizeWidth('ｶﾞﾝﾊﾞﾙ')).toBe('ガンバル')
    expect(normalizeWidth('ﾊﾟﾝ')).toBe('パン')
    expect(normalizeWidth('ｳﾞｧｲｵﾘﾝ')).toBe('ヴァイオリン')
  })

  it('composes a kana followed by a combining or spacing dakuten/handakuten', () => {
    expect(normalizeWidth('カ\u3099')).toBe('ガ')
    expect(normalizeWidth('カ゛')).toBe('ガ') // plain NFKC would give 'カ ゙'
    expect(normalizeWidth('ハ゜')).toBe('パ')
    expect(normalizeWidth('う\u3099')).toBe('ゔ')
  })

  it('keeps 髙 and 﨑 but maps compatibility characters (documented NFKC behaviour)', () => {
    expect(normalizeWidth('髙﨑')).toBe('髙﨑')
    expect(normalizeWidth('\uFA19')).toBe('\u795E') // 神 compatibility ideograph → unified
    expect(normalizeWidth('㈱①㍻')).toBe('(株)1平成')
  })
})

describe('normalizeForSearch', () => {
  const same = (inputs: string[], key: string) => {
    for (const input of inputs) expect(normalizeForSearch(input), input).toBe(key)
  }

  it('sees through script, width and spaces in names', () => {
    same(['やまだ', 'ﾔﾏﾀﾞ', 'ヤマダ', 'ヤ マ ダ', 'や　ま　だ', ' ﾔﾏ ﾀﾞ '], 'ヤマダ')
  })

  it('handles 半濁点 and 濁点 in every form', () => {
    same(['ぱん', 'パン', 'ﾊﾟﾝ', 'ハ゜ン', 'ハ\u309Aン', 'は\u309Aん'], 'パン')
    same(['ばん', 'バン', 'ﾊﾞﾝ', 'ハ゛ン', 'ハ\u3099ン'], 'バン')
    expect(normalizeForSearch('ﾊﾟﾝ')).not.toBe(normalizeForSearch('ﾊﾞﾝ'))
  })

  it('treats ヴ, ゔ, ｳﾞ and ウ+゛ as the same', () => {
    same(['ヴ', 'ゔ', 'ｳﾞ', 'ウ゛', 'う\u3099'], 'ヴ')
  })

  it('keeps the long-vowel mark inside kana words', () => {
    same(['スーパー', 'ｽｰﾊﾟｰ', 'すーぱー'], 'スーパー')
    expect(normalizeForSearch('スーパー')).not.toBe(normalizeForSearch('スパ'))
  })

  it('matches phone numbers however they were typed', () => {
    same(
      [
        '09012345678',
        '090-1234-5678',
        '０９０１２３４５６７８',
        '090ー1234ー5678',
        '０９０－１２３４－５６７８',
        '090 1234 5678',
        '090‐1234−5678',
        '090ｰ1234ｰ5678',
      ],
      '09012345678',
    )
  })

  it('drops ー between latin letters too, and lowercases', () => {
    expect(normalizeForSearch('ＡＢＣ')).toBe('abc')
    expect(normalizeForSearch('ABCーDEF')).toBe('abcdef')
    expect(normalizeForSearch('Next Commons')).toBe('nextcommons')
  })

  it('keeps ー between a digit and kana, where it is not a hyphen', () => {
    expect(normalizeForSearch('3ーズ')).toBe('3ーズ')
  })

  it('folds ヶ/ケ so 六ヶ所 and 六ケ所 meet', () => {
    expect(normalizeForSearch('六ヶ所村')).toBe(normalizeForSearch('六ケ所村'))
    expect(normalizeForSearch('一ヵ月')).toBe(normalizeForSearch('一カ月'))
  })

  it('removes zero-width characters pasted from web pages', () => {
    expect(normalizeForSearch('ヤマ\u200Bダ')).toBe('ヤマダ')
  })

  it('never leaves a control character, so keys can be joined with U+001F', () => {
    expect(normalizeForSearch('ヤマダ\u001fタロウ\u0000\u0085')).toBe('ヤマダタロウ')
  })

  it('does not fold kanji variants', () => {
    expect(normalizeForSearch('髙橋')).not.toBe(normalizeForSearch('高橋'))
  })

  it('is idempotent', () => {
    for (const s of ['ﾔﾏﾀﾞ ﾀﾛｳ', '090ー1234ー5678', 'ｽｰﾊﾟｰ', 'カ゛', 'ＡＢＣ']) {
      expect(normalizeForSearch(normalizeForSearch(s))).toBe(normalizeForSearch(s))
    }
  })
})

describe('normalizeKanaReading', () => {
  it('returns full-width katakana from hiragana, katakana and half-width katakana', () => {
    expect(normalizeKanaReading('やまだ')).toEqual({ ok: true, value: 'ヤマダ' })
    expect(normalizeKanaReading('ヤマダ')).toEqual({ ok: true, value: 'ヤマダ' })
    expect(normalizeKanaReading('ﾔﾏﾀﾞ')).toEqual({ ok: true, value: 'ヤマダ' })
    expect(normalizeKanaReading('ゔぃおら')).toEqual({ ok: true, value: 'ヴィオラ' })
    expect(normalizeKanaReading('ｽｰﾊﾟｰ')).toEqual({ ok: true, value: 'スーパー' })
  })

  it('trims, and keeps one half-width space where the person put spaces', () => {
    expect(normalizeKanaReading('  やまだ　　たろう ')).toEqual({ ok: true, value: 'ヤマダ タロウ' })
  })

  it('accepts ・ and ＝ (also = and ゠) for foreign names', () => {
    expect(normalizeKanaReading('ジョン・スミス')).toEqual({ ok: true, value: 'ジョン・スミス' })
    expect(normalizeKanaReading('ｼﾞｮﾝ･ｽﾐｽ')).toEqual({ ok: true, value: 'ジョン・スミス' })
    expect(normalizeKanaReading('ジャン＝ポール')).toEqual({ ok: true, value: 'ジャン＝ポール' })
    expect(normalizeKanaReading('ジャン=ポール')).toEqual({ ok: true, value: 'ジャン＝ポール' })
    expect(normalizeKanaReading('ジャン゠ポール')).toEqual({ ok: true, value: 'ジャン＝ポール' })
  })

  it('accepts empty input as an empty reading', () => {
    expect(normalizeKanaReading('')).toEqual({ ok: true, value: '' })
    expect(normalizeKanaReading(' 　')).toEqual({ ok: true, value: '' })
  })

  it.each(['山田', 'Yamada', 'やまだ1', 'ヤマダ太郎', 'ヤマダ〜', 'ｱﾞ'])('rejects %s with a Japanese message', (input) => {
    expect(normalizeKanaReading(input)).toEqual({
      ok: false,
      message: 'フリガナはひらがなかカタカナで入力してください',
    })
  })
})

describe('isKanaOnly', () => {
  it('is true for kana in any script or width', () => {
    expect(isKanaOnly('やまだ')).toBe(true)
    expect(isKanaOnly('ﾔﾏﾀﾞ ﾀﾛｳ')).toBe(true)
    expect(isKanaOnly('スーパー')).toBe(true)
  })

  it('is false for empty text, kanji, latin and digits', () => {
    expect(isKanaOnly('')).toBe(false)
    expect(isKanaOnly('  ')).toBe(false)
    expect(isKanaOnly('山田')).toBe(false)
    expect(isKanaOnly('やまだA')).toBe(false)
    expect(isKanaOnly('090')).toBe(false)
  })
})
