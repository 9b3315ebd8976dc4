import { describe, expect, it } from 'vitest'
import {
  normalizeEmail,
  normalizeMunicipalityCode,
  normalizePersonName,
  normalizePhone,
  normalizePostalCode,
  normalizePrefectureCode,
} from '../../shared/domain/contactFields'
import { normalizeForSearch } from '../../shared/domain/kana'

const fields = {
  normalizeEmail,
  normalizePhone,
  normalizePostalCode,
  normalizeMunicipalityCode,
  normalizePrefectureCode,
  normalizePersonName,
}

describe.each(Object.entries(fields))('%s', (_, normalize) => {
  it('treats empty or blank input as an empty value', () => {
    expect(normalize('')).toEqual({ ok: true, value: '' })
    expect(normalize(' 　')).toEqual({ ok: true, value: '' })
  })
})

describe('normalizeEmail', () => {
  it.each([
    ['hanako@example.jp', 'hanako@example.jp'],
    ['  hanako@example.jp ', 'hanako@example.jp'],
    ['Hanako.Yamada@Example.JP', 'Hanako.Yamada@example.jp'], // only the domain is lowercased
    ['ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ', 'hanako@example.jp'],
    ['taro+kakehashi@mail.example.co.jp', 'taro+kakehashi@mail.example.co.jp'],
    ['taro..abc.@docomo.ne.jp', 'taro..abc.@docomo.ne.jp'], // old carrier addresses exist
    ['info@xn--eckwd4c7c.jp', 'info@xn--eckwd4c7c.jp'],
    ['info@浜田市.jp', 'info@浜田市.jp'],
  ])('accepts %s as %s', (input, value) => {
    expect(normalizeEmail(input)).toEqual({ ok: true, value })
  })

  it.each([
    'abc',
    'hanako@',
    '@example.jp',
    'hanako@example',
    'hanako@@example.jp',
    'hanako@example.jp, taro@example.jp',
    'hana ko@example.jp',
    'hanako@exa mple.jp',
    'hanako@example..jp',
    'hanako@example.jp.',
    'hanako@.example.jp',
    'hanako@-example.jp',
    'hanako@example.j',
    'hanako@example.123',
    '山田花子 <hanako@example.jp>',
    'hanako@example。jp',
  ])('rejects %s', (input) => {
    expect(normalizeEmail(input)).toEqual({
      ok: false,
      message: 'メールアドレスの形式が正しくありません（例: hanako@example.jp）',
    })
  })
})

describe('normalizePhone', () => {
  it.each([
    // mobile and IP phones: 3-4-4
    ['09012345678', '090-1234-5678'],
    ['090-1234-5678', '090-1234-5678'],
    ['０９０－１２３４－５６７８', '090-1234-5678'],
    ['090ー1234ー5678', '090-1234-5678'],
    ['090 1234 5678', '090-1234-5678'],
    ['(090)1234-5678', '090-1234-5678'],
    ['0901-234-5678', '090-1234-5678'],
    ['08012345678', '080-1234-5678'],
    ['07012345678', '070-1234-5678'],
    ['06012345678', '060-1234-5678'],
    ['05012345678', '050-1234-5678'],
    ['02012345678', '020-1234-5678'],
    // +81 instead of the leading 0
    ['+81 90-1234-5678', '090-1234-5678'],
    ['+819012345678', '090-1234-5678'],
    ['+81-3-1234-5678', '03-1234-5678'],
    ['+81 (0)3 1234 5678', '03-1234-5678'],
    ['+81 03-1234-5678', '03-1234-5678'],
    ['＋８１　９０　１２３４　５６７８', '090-1234-5678'],
    // non-geographic
    ['0120123456', '0120-123-456'],
    ['0120-12-3456', '0120-123-456'],
    ['0570-123-456', '0570-123-456'],
    ['08001234567', '0800-123-4567'],
    // Tokyo and Osaka
    ['0312345678', '03-1234-5678'],
    ['03(1234)5678', '03-1234-5678'],
    ['06-1234-5678', '06-1234-5678'],
    // other landlines: the person's own grouping is kept…
    ['0855-22-1234', '0855-22-1234'],
    ['(0855)22-1234', '0855-22-1234'],
    ['0855 22 1234', '0855-22-1234'],
    ['045-123-4567', '045-123-4567'],
    ['04-2922-1234', '04-2922-1234'],
    ['01267-2-1234', '01267-2-1234'],
    // …and without one we don't guess where the area code ends
    ['0855221234', '0855221234'],
    ['085-522-1234', '085-522-1234'], // (浜田 is really 0855-22: the grouping is theirs)
    ['08552-21234', '0855221234'],
  ])('reads %s as %s', (input, value) => {
    expect(normalizePhone(input)).toEqual({ ok: true, value })
  })

  it('makes a number typed with ー findable by its plain digits', () => {
    const stored = normalizePhone('090ー1234ー5678')
    expect(stored.ok && normalizeForSearch(stored.value)).toBe(normalizeForSearch('09012345678'))
  })

  it.each([
    '1234567890', // no leading 0
    '03-1234-567', // 9 digits
    '090-1234-56789', // 12 digits
    'abc',
    '03-1234-5678 内線12',
    '+1 212 555 1234', // not Japan
    '+44 20 7946 0958',
  ])('rejects %s', (input) => {
    expect(normalizePhone(input)).toEqual({ ok: false, message: '電話番号は0から始まる10桁または11桁で入力してください' })
  })

  it('explains that mobile and IP numbers have 11 digits', () => {
    for (const input of ['090-1234-567', '0501234567', '0801234567']) {
      expect(normalizePhone(input)).toEqual({ ok: false, message: '携帯電話・IP電話の番号は11桁です（例: 090-1234-5678）' })
    }
  })

  it('explains that landlines have 10 digits', () => {
    for (const input of ['03-1234-56789', '0855-22-12345']) {
      expect(normalizePhone(input)).toEqual({ ok: false, message: '固定電話の番号は市外局番から10桁です（例: 03-1234-5678）' })
    }
  })
})

describe('normalizePostalCode', () => {
  it.each([
    '1234567',
    '123-4567',
    '〒123-4567',
    '〒 123-4567',
    '１２３ー４５６７',
    '１２３－４５６７',
    '123 4567',
    '１２３４５６７',
  ])('reads %s as 123-4567', (input) => {
    expect(normalizePostalCode(input)).toEqual({ ok: true, value: '123-4567' })
  })

  it('keeps a leading zero', () => {
    expect(normalizePostalCode('0600000')).toEqual({ ok: true, value: '060-0000' })
  })

  it.each(['123456', '12345678', '1234-567', '123-456a', 'abc-defg', '〒'])('rejects %s', (input) => {
    expect(normalizePostalCode(input)).toEqual({ ok: false, message: '郵便番号は7桁の数字で入力してください（例: 123-4567）' })
  })
})

describe('normalizeMunicipalityCode', () => {
  it.each([
    ['322024', '322024'],
    ['32202', '322024'], // the check digit is added
    ['32202-4', '322024'],
    ['３２２０２４', '322024'],
    ['３２２０２', '322024'],
    [' 011011 ', '011011'], // a ward
    ['01101', '011011'],
  ])('reads %s as %s', (input, value) => {
    expect(normalizeMunicipalityCode(input)).toEqual({ ok: true, value })
  })

  it('rejects a wrong check digit', () => {
    expect(normalizeMunicipalityCode('322025')).toEqual({
      ok: false,
      message: '市区町村コードの6桁目（検査数字）が合いません。番号を確かめてください',
    })
  })

  it('rejects codes that are valid but name no municipality (a prefecture, an abolished ward)', () => {
    expect(normalizeMunicipalityCode('320005')).toEqual({
      ok: false,
      message: '市区町村コード320005に当たる市区町村が見つかりません',
    })
    expect(normalizeMunicipalityCode('22131')).toEqual({
      ok: false,
      message: '市区町村コード221317に当たる市区町村が見つかりません',
    })
  })

  it.each(['3220', '3220245'])('rejects %s as not a code', (input) => {
    expect(normalizeMunicipalityCode(input)).toEqual({
      ok: false,
      message: '市区町村コードは6桁（または5桁）の数字で入力してください（例: 322024）',
    })
  })

  it.each(['府中市', 'abcde'])('rejects the name %s that reached it unresolved, saying how to name it', (input) => {
    expect(normalizeMunicipalityCode(input)).toEqual({
      ok: false,
      message: `「${input}」を市区町村として特定できません（同じ名前が複数あるか、見つかりません）。都道府県名を付けるか（例: 東京都府中市）、6桁の市区町村コードで入力してください`,
    })
  })
})

describe('normalizePrefectureCode', () => {
  it.each([
    ['13', '13'],
    ['1', '01'],
    ['01', '01'],
    ['１３', '13'],
    ['130001', '13'],
    ['東京都', '13'],
    ['東京', '13'],
    ['とうきょう', '13'],
    ['島根県', '32'],
    ['北海道', '01'],
    ['京都', '26'],
  ])('reads %s as %s', (input, value) => {
    expect(normalizePrefectureCode(input)).toEqual({ ok: true, value })
  })

  it.each(['0', '48', '99', '130002', '322024', '東', 'Tokyo'])('rejects %s', (input) => {
    expect(normalizePrefectureCode(input)).toEqual({
      ok: false,
      message: '都道府県は名前（例: 島根県）か2桁のコード（例: 32）で入力してください',
    })
  })
})

describe('normalizePersonName', () => {
  it('trims and collapses inner whitespace into one half-width space', () => {
    expect(normalizePersonName('  山田  ')).toEqual({ ok: true, value: '山田' })
    expect(normalizePersonName('Mary　 \t Ann')).toEqual({ ok: true, value: 'Mary Ann' })
    expect(normalizePersonName('花\u200B子')).toEqual({ ok: true, value: '花子' })
  })

  it('narrows full-width latin letters and widens half-width katakana', () => {
    expect(normalizePersonName('Ｍａｒｙ')).toEqual({ ok: true, value: 'Mary' })
    expect(normalizePersonName('ﾔﾏﾀﾞ')).toEqual({ ok: true, value: 'ヤマダ' })
  })

  it('keeps kanji exactly as typed, including variants NFKC would change', () => {
    expect(normalizePersonName('髙﨑')).toEqual({ ok: true, value: '髙﨑' })
    expect(normalizePersonName('\uFA19田')).toEqual({ ok: true, value: '\uFA19田' })
    expect(normalizePersonName('𠮷田')).toEqual({ ok: true, value: '𠮷田' })
  })

  it('keeps full-width ＝ in katakana names', () => {
    expect(normalizePersonName('ジャン＝ポール')).toEqual({ ok: true, value: 'ジャン＝ポール' })
  })

  it('allows 100 characters, counting 𠮷 as one, and no more', () => {
    expect(normalizePersonName('𠮷'.repeat(100))).toEqual({ ok: true, value: '𠮷'.repeat(100) })
    expect(normalizePersonName('あ'.repeat(101))).toEqual({ ok: false, message: '名前は100文字以内で入力してください' })
  })
})
