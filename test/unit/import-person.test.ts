import { describe, expect, it } from 'vitest'
import { ageOn } from '../../shared/domain/dates'
import { parseAddress } from '../../shared/domain/import/address'
import { municipalities } from '../../shared/domain/localGov'
import { suggestMapping } from '../../shared/domain/import/headers'
import { splitFullName, splitKana } from '../../shared/domain/import/names'
import { readDate, readPersonRow } from '../../shared/domain/import/personRow'

describe('full names and readings', () => {
  it('splits at a space of either width; without one, at a known family name; else 2 + rest', () => {
    expect(splitFullName('山田 太郎')).toEqual({ family: '山田', given: '太郎', guessed: false })
    expect(splitFullName('山田　太郎')).toEqual({ family: '山田', given: '太郎', guessed: false })
    expect(splitFullName('鈴木, 次郎')).toEqual({ family: '鈴木', given: '次郎', guessed: false })
    expect(splitFullName('佐々木健太')).toEqual({ family: '佐々木', given: '健太', guessed: true })
    expect(splitFullName('林美咲')).toEqual({ family: '林', given: '美咲', guessed: true })
    expect(splitFullName('勅使河原葵')).toEqual({ family: '勅使河原', given: '葵', guessed: true })
    expect(splitFullName('未知谷一郎')).toEqual({ family: '未知', given: '谷一郎', guessed: true })
    expect(splitFullName('森')).toEqual({ family: '森', given: '', guessed: false })
    // A known family name alone has no given name: not 鈴 + 木.
    expect(splitFullName('鈴木')).toEqual({ family: '鈴木', given: '', guessed: false })
    expect(splitFullName('佐々木')).toEqual({ family: '佐々木', given: '', guessed: false })
  })

  it('splits a spaced reading and converts it to katakana', () => {
    expect(splitKana('やまだ たろう')).toEqual({ family: 'ヤマダ', given: 'タロウ' })
    expect(splitKana('ﾔﾏﾀﾞ ﾀﾛｳ')).toEqual({ family: 'ヤマダ', given: 'タロウ' })
    expect(splitKana('ヤマダタロウ')).toBeNull()
  })
})

describe('addresses → local-government codes', () => {
  it('finds prefecture and municipality, including designated-city wards', () => {
    expect(parseAddress('島根県浜田市殿町1番地')).toEqual({ prefectureCode: '32', municipalityCode: '322024', rest: '殿町1番地' })
    expect(parseAddress('神奈川県横浜市中区日本大通1').municipalityCode).toBe('141046')
    expect(parseAddress('〒100-0001 東京都千代田区千代田1-1')).toMatchObject({ prefectureCode: '13', municipalityCode: '131016' })
    expect(parseAddress('東京 新宿区西新宿２丁目')).toMatchObject({ prefectureCode: '13', municipalityCode: '131041' })
    expect(parseAddress('新潟県岩船郡粟島浦村').municipalityCode).toBe('155861')
  })

  it('every municipality with a unique name is found without its prefecture, even one a prefecture’s name begins', () => {
    // 新潟市 and 福岡市 begin with a prefecture's name, 長野原町 (群馬県) with another prefecture's.
    expect(parseAddress('新潟市中央区学校町通1')).toMatchObject({ prefectureCode: '15' })
    expect(parseAddress('長野原町大字長野原')).toMatchObject({ prefectureCode: '10' })
    expect(parseAddress('東京')).toEqual({ prefectureCode: '13', municipalityCode: null, rest: '' })
    const named = new Map<string, number>()
    for (const m of municipalities) named.set(m.name, (named.get(m.name) ?? 0) + 1)
    const wrong = municipalities
      .filter((m) => named.get(m.name) === 1)
      .filter((m) => {
        const found = parseAddress(`${m.name}1-2-3`)
        // A ward is found as itself or, written alone, may begin another unique name: either way its city's prefecture.
        return found.prefectureCode !== m.prefectureCode || found.municipalityCode === null
      })
      .map((m) => m.name)
    expect(wrong).toEqual([])
  })

  it('takes a municipality without its prefecture only when the name is unique', () => {
    expect(parseAddress('浜田市殿町')).toMatchObject({ prefectureCode: '32', municipalityCode: '322024' })
    expect(parseAddress('府中市宮町')).toMatchObject({ prefectureCode: null, municipalityCode: null })
  })
})

describe('reading one row of a person list', () => {
  const headers = ['氏名', 'フリガナ', 'メール', '電話', '〒', '住所', '生年月日', '性別', '所属', '年齢']
  const mapping = suggestMapping(headers)

  it('normalizes every field: full-width digits, half-width kana, 和暦, address codes', () => {
    const row = [
      '山田　太郎',
      'ﾔﾏﾀﾞ ﾀﾛｳ',
      'Taro@Example.JP',
      '０９０ー１２３４ー５６７８',
      '６９７ー００２４',
      '島根県浜田市殿町1',
      'S60.4.1',
      '男性',
      '浜田の会社',
      '',
    ]
    const read = readPersonRow(row, mapping, '2024-06-01')
    expect(read.ok).toBe(true)
    expect(read.issues).toEqual([])
    expect(read.draft).toMatchObject({
      familyName: '山田',
      givenName: '太郎',
      familyKana: 'ヤマダ',
      givenKana: 'タロウ',
      email: 'Taro@example.jp',
      phone: '090-1234-5678',
      postalCode: '697-0024',
      prefectureCode: '32',
      municipalityCode: '322024',
      birthDate: '1985-04-01',
      birthYear: 1985,
      gender: 'male',
      affiliation: '浜田の会社',
    })
  })

  it('marks unreadable cells as errors and guesses as warnings, per column', () => {
    const row = ['鈴木花子', '鈴木', 'abc', '12', '', '', '令和99年1月1日', '?', '=HYPERLINK("x")', '34歳']
    const read = readPersonRow(row, mapping, '2024-06-01')
    expect(read.ok).toBe(false)
    const byColumn = Object.fromEntries(read.issues.map((i) => [i.column, i.severity]))
    expect(byColumn).toEqual({
      0: 'warning',
      1: 'error',
      2: 'error',
      3: 'error',
      6: 'error',
      7: 'warning',
      8: 'warning',
      9: 'warning',
    })
    expect(read.draft).toMatchObject({ familyName: '鈴木', givenName: '花子', affiliation: '=HYPERLINK("x")', birthYear: 1989 })
    for (const i of read.issues) expect(i.message).toMatch(/[ぁ-んァ-ヶ一-龠]/)
  })

  it('an age gives the birth year that the app’s own age rule turns back into that age', () => {
    const ageOf = (cell: string, today: string) =>
      readPersonRow(['見本 花子', '', '', '', '', '', '', '', '', cell], mapping, today).draft
    for (const today of ['2024-01-15', '2024-04-01', '2024-06-30', '2024-07-01', '2024-12-31']) {
      for (const age of [0, 19, 20, 30, 34, 69, 120]) {
        const { birthYear } = ageOf(`${age}歳`, today)
        expect(ageOn({ birthDate: null, birthYear }, today), `${age} on ${today}`).toBe(age)
      }
    }
    // 「30代」: the middle of the decade, so the person stays in 30代 for the years that follow.
    expect(ageOn({ birthDate: null, birthYear: ageOf('30代', '2024-06-01').birthYear }, '2024-06-01')).toBe(35)
    expect(ageOf('34', '2024-06-01').birthYear).toBe(1989)
    expect(ageOf('34', '2024-07-01').birthYear).toBe(1990)
  })

  it('reads Excel date serial numbers and refuses a row without a name', () => {
    const read = readPersonRow(['', '', '', '', '', '', '45383'], mapping, '2024-06-01')
    expect(read.draft.birthDate).toBe('2024-04-01')
    expect(read.ok).toBe(false)
    // Marked on the name column, in the file's own word for it.
    expect(read.issues).toContainEqual({ column: 0, severity: 'error', message: '氏名がありません' })
    const split = suggestMapping(['姓', '名', 'メール'])
    expect(readPersonRow(['', '花子', 'h@example.jp'], split, '2024-06-01').issues).toContainEqual({
      column: 0,
      severity: 'error',
      message: '姓がありません',
    })
    // No name column at all: the whole row.
    expect(readPersonRow(['h@example.jp'], suggestMapping(['メール']), '2024-06-01').issues).toContainEqual({
      column: -1,
      severity: 'error',
      message: '氏名（姓）がありません',
    })
    // Serials past 2099 are no date a person list holds (99999 would be 2173-10-14).
    expect(readDate('73051')).toEqual({ ok: false, message: '日付として読めない数値です' })
    expect(readDate('73051')).toEqual(readDate('99999'))
    expect(readDate('73050')).toEqual({ ok: true, value: '2099-12-31' })
  })

  it('gives back the leading 0 Excel drops from a phone number or postal code saved as a number', () => {
    const read = (phone: string, postal: string) => readPersonRow(['見本 花子', '', '', phone, postal], mapping, '2024-06-01')
    const mobile = read('9012345678', '600001')
    expect(mobile.draft).toMatchObject({ phone: '090-1234-5678', postalCode: '060-0001' })
    expect(mobile.ok).toBe(true)
    expect(mobile.issues).toEqual([
      {
        column: 3,
        severity: 'warning',
        message: '先頭の0を補いました（090-1234-5678）。Excelで数値として保存されると0が消えます',
      },
      { column: 4, severity: 'warning', message: '先頭の0を補いました（060-0001）。Excelで数値として保存されると0が消えます' },
    ])
    expect(read('３１２３４５６７８', '').draft.phone).toBe('03-1234-5678')
    // Valid as written: nothing added, no warning.
    expect(read('0312345678', '1000001').issues).toEqual([])
    // A 0 in front would not make a number either (11 digits that are no mobile's): the error as written stays.
    expect(read('3123456789', '').issues).toEqual([
      { column: 3, severity: 'error', message: '電話番号は0から始まる10桁または11桁で入力してください' },
    ])
    expect(read('12345', '12345').issues.map((i) => i.severity)).toEqual(['error', 'error'])
  })

  it('reads an old form’s 平成31年5月1日 as 令和元年5月1日, with a warning, in birth and consent dates', () => {
    const [consent] = suggestMapping(['同意日'])
    const read = readPersonRow(
      ['見本 花子', '', '', '', '', '', 'H31.5.1', '', '', '', '平成32年1月10日'],
      [...mapping, consent!],
      '2024-06-01',
    )
    expect(read.draft).toMatchObject({ birthDate: '2019-05-01', birthYear: 2019, consentDate: '2020-01-10' })
    expect(read.issues).toEqual([
      { column: 6, severity: 'warning', message: '平成31年5月1日を令和元年5月1日（2019-05-01）として読みました' },
      { column: 10, severity: 'warning', message: '平成32年1月10日を令和2年1月10日（2020-01-10）として読みました' },
    ])
    expect(read.ok).toBe(true)
    // Still an error when even the date its numbers name is no birth date (after today).
    expect(readPersonRow(['見本 花子', '', '', '', '', '', 'R8.5.1'], mapping, '2024-06-01').ok).toBe(false)
  })

  it('reads the 都道府県 and 市区町村 columns together: a municipality is looked for in the row’s prefecture', () => {
    const placeMapping = suggestMapping(['氏名', '都道府県', '市区町村'])
    expect(placeMapping).toEqual(['fullName', 'prefecture', 'municipality'])
    const read = (prefecture: string, municipality: string) =>
      readPersonRow(['見本 花子', prefecture, municipality], placeMapping, '2024-06-01')
    // 府中市 alone is ambiguous; beside 広島県 it is 広島県府中市.
    expect(read('広島県', '府中市').draft).toMatchObject({ prefectureCode: '34', municipalityCode: '342084' })
    expect(read('東京都', '府中市').draft).toMatchObject({ prefectureCode: '13', municipalityCode: '132063' })
    // 北区 alone would be 東京都北区: beside 愛知県 it is 名古屋市北区, beside 島根県 nothing.
    expect(read('愛知県', '北区').draft).toMatchObject({ prefectureCode: '23', municipalityCode: '231037' })
    const shimane = read('島根県', '北区')
    expect(shimane.draft).toMatchObject({ prefectureCode: '32', municipalityCode: null })
    expect(shimane.issues).toEqual([{ column: 2, severity: 'warning', message: '「北区」を市区町村として読み取れませんでした' }])
    expect(read('', '北区').draft).toMatchObject({ prefectureCode: '13', municipalityCode: '131172' })
    expect(read('新潟県', '岩船郡粟島浦村').draft).toMatchObject({ prefectureCode: '15', municipalityCode: '155861' })
  })

  it('a totals or closing row under the list is an error, not a person', () => {
    const nameMapping = suggestMapping(['氏名', 'メール'])
    for (const name of ['合計', '計 2名', '合　計', '以上', '以下余白', '小計３人']) {
      const read = readPersonRow([name, ''], nameMapping, '2024-06-01')
      expect(read.ok).toBe(false)
      expect(read.issues).toEqual([
        {
          column: 0,
          severity: 'error',
          message: expect.stringContaining('は合計や締めの行のようです。人としては取り込みません'),
        },
      ])
    }
    // With an e-mail it is someone (a family name 計 is unheard of, but the address says so).
    expect(readPersonRow(['以上', 'ijo@example.jp'], nameMapping, '2024-06-01').ok).toBe(true)
    expect(readPersonRow(['計良 二郎', ''], nameMapping, '2024-06-01').ok).toBe(true)
  })

  it('a phone written +81… is read as a phone, not warned about as a formula; other cells still are', () => {
    const read = readPersonRow(['見本 花子', '', '', '+81-90-1234-5678', '', '', '', '', '=1+1'], mapping, '2024-06-01')
    expect(read.draft.phone).toBe('090-1234-5678')
    expect(read.issues).toEqual([
      { column: 8, severity: 'warning', message: '数式のような値です。計算はせず、文字としてそのまま取り込みます' },
    ])
  })
})

describe('a ragged row', () => {
  it('names a value past the last header (a comma inside a value moved it), and reads the rest', () => {
    const read = readPersonRow(['山田 太郎', 'A社', ' 営業部', '初回参加'], ['fullName', 'affiliation', 'notes'], '2026-12-01')
    expect(read.ok).toBe(true)
    expect(read.draft).toMatchObject({ familyName: '山田', givenName: '太郎', affiliation: 'A社', notes: '営業部' })
    expect(read.issues).toEqual([
      {
        column: 3,
        severity: 'warning',
        message: '見出しのない列に値があります。取り込まれません（値の中のカンマで列がずれていないか確かめてください）',
      },
    ])
  })
})
