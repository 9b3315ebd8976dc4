import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { contactSearchKey } from '../../shared/domain/contactSearch'
import { normalizeForSearch, toHiragana } from '../../shared/domain/kana'

/** Full-width katakana → half-width (ｶﾞ as ｶ+ﾞ), the way old systems and phones write it. */
const halfWidth = (s: string) => s.normalize('NFD').replace(/[\u30A1-\u30FC\u3099\u309A]/g, (ch) => halfWidthOf[ch] ?? ch)
const halfWidthOf: Record<string, string> = Object.fromEntries(
  [...'ｧｱｨｲｩｳｪｴｫｵｶｷｸｹｺｻｼｽｾｿﾀﾁｯﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓｬﾔｭﾕｮﾖﾗﾘﾙﾚﾛﾜｦﾝｰ']
    .map((h) => [h.normalize('NFKC'), h])
    .concat([
      ['\u3099', 'ﾞ'],
      ['\u309A', 'ﾟ'],
    ]),
)

const katakanaName = fc
  .array(fc.constantFrom(...'アイウエオカガキギクグサザシジタダチツテデナニハバパヒビピフブプマミムヤユヨラリルレロワンー'), {
    minLength: 2,
    maxLength: 8,
  })
  .map((chars) => chars.join(''))
  .filter((s) => !s.startsWith('ー'))

describe('the one search normalizer, on store and query side alike', () => {
  it('hiragana, katakana and half-width katakana (with 濁点・半濁点・長音) give the same key', () => {
    fc.assert(
      fc.property(katakanaName, (name) => {
        const key = normalizeForSearch(name)
        expect(normalizeForSearch(toHiragana(name))).toBe(key)
        expect(normalizeForSearch(halfWidth(name))).toBe(key)
        expect(normalizeForSearch(name.split('').join(' '))).toBe(key)
      }),
    )
  })

  it('any part of a reading, typed in any form, is found in the stored key', () => {
    fc.assert(
      fc.property(katakanaName, katakanaName, fc.nat(), (family, given, cut) => {
        const key = contactSearchKey({
          familyName: '山田',
          givenName: '太郎',
          familyKana: family,
          givenKana: given,
          email: null,
          phone: null,
          affiliation: null,
          notes: null,
        })
        const reading = family + given
        const start = cut % (reading.length - 1)
        const part = reading.slice(start, start + 3)
        if (part.startsWith('ー')) return
        for (const typed of [part, toHiragana(part), halfWidth(part)])
          expect(key.includes(normalizeForSearch(typed)), typed).toBe(true)
      }),
    )
  })

  it('full-width digits, letters and hyphens in phone numbers and e-mail addresses fold to ASCII', () => {
    const key = contactSearchKey({
      familyName: 'X',
      givenName: '',
      familyKana: null,
      givenKana: null,
      email: 'Taro.Y@Example.JP',
      phone: '090-1234-5678',
      affiliation: null,
      notes: null,
    })
    for (const q of ['０９０１２３４５６７８', '090 1234 5678', '０９０ー１２３４', 'ＴＡＲＯ．Ｙ＠', 'taro.y@example.jp'])
      expect(key.includes(normalizeForSearch(q)), q).toBe(true)
  })
})
