import { describe, expect, it } from 'vitest'
import {
  ageOn,
  eraOf,
  eraOverflowDate,
  excelSerialToIso,
  fiscalYearAsOf,
  fiscalYearMonths,
  fiscalYearOf,
  fiscalYearRange,
  eraFiscalYear,
  formatFiscalYear,
  formatJapaneseDate,
  isValidIsoDate,
  parseBirthInput,
  parseDateInput,
  slashDate,
  todayIso,
} from '../../shared/domain/dates'

describe('fiscal year (年度)', () => {
  it.each([
    ['2025-03-31', 2024],
    ['2025-04-01', 2025],
    ['2024-04-01', 2024],
    ['2024-12-31', 2024],
    ['2025-01-01', 2024],
    ['2024-02-29', 2023],
    ['2019-04-30', 2019],
    ['2019-05-01', 2019],
  ])('%s is in FY%i', (date, fy) => {
    expect(fiscalYearOf(date)).toBe(fy)
  })

  it('runs from April 1 to March 31 of the next year', () => {
    expect(fiscalYearRange(2024)).toEqual({ start: '2024-04-01', end: '2025-03-31' })
    expect(fiscalYearRange(2020)).toEqual({ start: '2020-04-01', end: '2021-03-31' }) // R2年度
  })

  it('puts both ends of its own range in the year', () => {
    for (const fy of [1999, 2019, 2023, 2024]) {
      const { start, end } = fiscalYearRange(fy)
      expect(fiscalYearOf(start)).toBe(fy)
      expect(fiscalYearOf(end)).toBe(fy)
    }
  })

  it.each([
    [2024, '令和6年度（2024年度）'],
    [2020, '令和2年度（2020年度）'],
    [2019, '令和元年度（2019年度）'], // began in 平成31年4月, conventionally 令和元年度
    [2018, '平成30年度（2018年度）'],
    [1989, '平成元年度（1989年度）'],
    [1988, '昭和63年度（1988年度）'],
  ])('formats FY%i as %s', (fy, text) => {
    expect(formatFiscalYear(fy)).toBe(text)
    expect(eraFiscalYear(fy)).toBe(text.slice(0, text.indexOf('（')))
  })

  it('refuses malformed dates instead of guessing', () => {
    expect(() => fiscalYearOf('2025/04/01')).toThrow(RangeError)
    expect(() => fiscalYearOf('2023-02-29')).toThrow(RangeError)
  })
})

describe('eras (和暦)', () => {
  it.each([
    ['2019-04-30', '平成', 31],
    ['2019-05-01', '令和', 1],
    ['1989-01-07', '昭和', 64],
    ['1989-01-08', '平成', 1],
    ['1926-12-24', '大正', 15],
    ['1926-12-25', '昭和', 1],
    ['1912-07-29', '明治', 45],
    ['1912-07-30', '大正', 1],
    ['1868-01-25', '明治', 1],
    ['2024-04-01', '令和', 6],
  ] as const)('%s is %s %i', (date, era, year) => {
    expect(eraOf(date)).toEqual({ era, year })
  })

  it('throws before 明治', () => {
    expect(() => eraOf('1868-01-24')).toThrow(RangeError)
  })

  it('formats dates in 和暦 with 元年 for the first year', () => {
    expect(formatJapaneseDate('2024-04-01')).toBe('令和6年4月1日')
    expect(formatJapaneseDate('2019-05-01')).toBe('令和元年5月1日')
    expect(formatJapaneseDate('2019-04-30')).toBe('平成31年4月30日')
    expect(formatJapaneseDate('1985-04-01')).toBe('昭和60年4月1日')
  })

  it("agrees with Intl's Japanese calendar on every day's era and year, 1900–2030", () => {
    const intl = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', timeZone: 'UTC' })
    const disagreements: string[] = []
    for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2030, 11, 31); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10)
      const parts = intl.formatToParts(new Date(t))
      const era = parts.find((p) => p.type === 'era')?.value
      const yearText = parts.find((p) => p.type === 'year')?.value
      const year = yearText === '元' ? 1 : Number(yearText) // ICU writes the first year as 元
      const ours = eraOf(date)
      if (ours.era !== era || ours.year !== year) disagreements.push(`${date}: ${ours.era}${ours.year} vs ${era}${year}`)
    }
    expect(disagreements).toEqual([])
  })
})

describe('isValidIsoDate', () => {
  it('accepts real days, including leap days, and nothing else', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true)
    expect(isValidIsoDate('2000-02-29')).toBe(true)
    expect(isValidIsoDate('2023-02-29')).toBe(false)
    expect(isValidIsoDate('1900-02-29')).toBe(false)
    expect(isValidIsoDate('2024-04-31')).toBe(false)
    expect(isValidIsoDate('2024-4-1')).toBe(false)
    expect(isValidIsoDate('')).toBe(false)
  })
})

describe('parseDateInput', () => {
  it.each([
    ['1985-04-01', '1985-04-01'],
    ['1985/4/1', '1985-04-01'],
    ['1985.4.1', '1985-04-01'],
    ['19850401', '1985-04-01'],
    ['1985年4月1日', '1985-04-01'],
    ['1985年04月01日', '1985-04-01'],
    ['１９８５／４／１', '1985-04-01'],
    ['１９８５年４月１日', '1985-04-01'],
    [' 1985 / 4 / 1 ', '1985-04-01'],
    ['1985ー4ー1', '1985-04-01'],
    ['S60.4.1', '1985-04-01'],
    ['s60/4/1', '1985-04-01'],
    ['S60-04-01', '1985-04-01'],
    ['Ｓ６０．４．１', '1985-04-01'],
    ['昭和60年4月1日', '1985-04-01'],
    ['昭60.4.1', '1985-04-01'],
    ['㍼60年4月1日', '1985-04-01'],
    ['H31.4.30', '2019-04-30'],
    ['平成31年4月30日', '2019-04-30'],
    ['R1.5.1', '2019-05-01'],
    ['R元.5.1', '2019-05-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['R6.4.1', '2024-04-01'],
    ['令和6年4月1日', '2024-04-01'],
    ['H1.1.8', '1989-01-08'],
    ['S64.1.7', '1989-01-07'],
    ['T15.12.24', '1926-12-24'],
    ['M45.7.29', '1912-07-29'],
    ['2024-02-29', '2024-02-29'],
    ['R6.2.29', '2024-02-29'],
  ])('reads %s as %s', (input, iso) => {
    expect(parseDateInput(input)).toEqual({ ok: true, value: iso })
  })

  it('gives an empty value for empty input, like the other field parsers', () => {
    expect(parseDateInput('')).toEqual({ ok: true, value: '' })
    expect(parseDateInput('　')).toEqual({ ok: true, value: '' })
  })

  it.each([
    ['2023-02-29', '2023年2月29日は存在しない日付です'],
    ['2024/4/31', '2024年4月31日は存在しない日付です'],
    ['2024-13-01', '2024年13月1日は存在しない日付です'],
    ['2024-04-00', '2024年4月0日は存在しない日付です'],
    ['20230229', '2023年2月29日は存在しない日付です'],
    ['H31.2.29', '平成31年2月29日は存在しない日付です'],
    ['H31.5.1', '平成31年5月1日は存在しません（令和元年5月1日です）'],
    ['R1.4.30', '令和元年4月30日は存在しません（平成31年4月30日です）'],
    ['S65.1.1', '昭和65年1月1日は存在しません（平成2年1月1日です）'],
    ['S64.1.8', '昭和64年1月8日は存在しません（平成元年1月8日です）'],
    ['R0.1.1', '令和0年1月1日は存在しません（平成30年1月1日です）'],
    ['T16.1.1', '大正16年1月1日は存在しません（昭和2年1月1日です）'],
  ])('rejects %s: %s', (input, message) => {
    expect(parseDateInput(input)).toEqual({ ok: false, message })
  })

  it.each(['abc', '85/4/1', '1985/4', '1985-04-01T00:00', '1985年4月', 'X60.4.1', '昭和60年', '4月1日', '1985/4/1/2'])(
    'rejects the unreadable %s with examples of what works',
    (input) => {
      const parsed = parseDateInput(input)
      expect(parsed.ok).toBe(false)
      if (!parsed.ok) expect(parsed.message).toMatch(/^日付の形式が正しくありません（例: /)
    },
  )

  it('rejects years outside 1900–2099 (typos like 0202)', () => {
    for (const input of ['0202-04-01', '1899-12-31', '2100-01-01', 'M32.12.31']) {
      expect(parseDateInput(input)).toEqual({ ok: false, message: '1900年から2099年までの日付を入力してください' })
    }
    expect(parseDateInput('1900-01-01')).toEqual({ ok: true, value: '1900-01-01' })
  })
})

describe('eraOverflowDate (an old list’s 平成31年5月1日)', () => {
  it('reads a 和暦 date just past its era, or early in the year it began, as the date its numbers name', () => {
    expect(eraOverflowDate('H31.5.1')).toEqual({ date: '2019-05-01', asTyped: '平成31年5月1日', meant: '令和元年5月1日' })
    expect(eraOverflowDate('平成32年3月31日')).toMatchObject({ date: '2020-03-31', meant: '令和2年3月31日' })
    expect(eraOverflowDate('Ｈ３３．１．１')).toMatchObject({ date: '2021-01-01' })
    expect(eraOverflowDate('令和元年4月30日')).toMatchObject({ date: '2019-04-30', meant: '平成31年4月30日' })
    expect(eraOverflowDate('S64.1.8')).toMatchObject({ date: '1989-01-08', meant: '平成元年1月8日' })
    expect(eraOverflowDate('R1.1.1')).toMatchObject({ date: '2019-01-01', meant: '平成31年1月1日' })
  })

  it('leaves alone what parseDateInput reads, far-off era years and dates that do not exist', () => {
    for (const input of ['H31.4.30', 'R1.5.1', '2019-05-01', 'H34.1.1', 'H31.2.29', 'M100.1.1', 'hello', ''])
      expect(eraOverflowDate(input)).toBeNull()
  })
})

describe('parseBirthInput', () => {
  const today = '2025-06-15'

  it('sets both date and year from a full date in any notation', () => {
    expect(parseBirthInput('1985-04-01', today)).toEqual({ ok: true, value: { birthDate: '1985-04-01', birthYear: 1985 } })
    expect(parseBirthInput('S60.4.1', today)).toEqual({ ok: true, value: { birthDate: '1985-04-01', birthYear: 1985 } })
    expect(parseBirthInput('平成元年1月8日', today)).toEqual({ ok: true, value: { birthDate: '1989-01-08', birthYear: 1989 } })
  })

  it.each([
    ['1985', 1985],
    ['1985年', 1985],
    ['１９８５', 1985],
    ['S60', 1985],
    ['s60', 1985],
    ['昭和60年', 1985],
    ['昭60', 1985],
    ['S64', 1989],
    ['H元', 1989],
    ['平成元年', 1989],
    ['H31', 2019],
    ['R元年', 2019],
    ['M33', 1900],
  ])('takes %s as birth year %i only', (input, year) => {
    expect(parseBirthInput(input, today)).toEqual({ ok: true, value: { birthDate: null, birthYear: year } })
  })

  it('gives nothing for empty input', () => {
    expect(parseBirthInput('', today)).toEqual({ ok: true, value: { birthDate: null, birthYear: null } })
  })

  it('rejects era years that never existed', () => {
    expect(parseBirthInput('S65', today)).toEqual({ ok: false, message: '昭和65年は存在しません（平成2年です）' })
    expect(parseBirthInput('H32', today)).toEqual({ ok: false, message: '平成32年は存在しません（令和2年です）' })
    expect(parseBirthInput('R0', today)).toEqual({ ok: false, message: '令和0年は存在しません（平成30年です）' })
  })

  it('rejects years before 1900', () => {
    const message = '生まれ年は1900年以降で入力してください'
    expect(parseBirthInput('1899', today)).toEqual({ ok: false, message })
    expect(parseBirthInput('1899-12-31', today)).toEqual({ ok: false, message })
    expect(parseBirthInput('M32', today)).toEqual({ ok: false, message })
  })

  it('rejects the future, judged against the given today', () => {
    expect(parseBirthInput('2026', today)).toEqual({ ok: false, message: '生まれ年が未来になっています' })
    expect(parseBirthInput('2025-06-16', today)).toEqual({ ok: false, message: '生年月日が未来の日付になっています' })
    expect(parseBirthInput('2025-06-15', today)).toEqual({ ok: true, value: { birthDate: '2025-06-15', birthYear: 2025 } })
    expect(parseBirthInput('2025', today)).toEqual({ ok: true, value: { birthDate: null, birthYear: 2025 } })
  })

  it('passes on impossible dates and explains the format when unreadable', () => {
    expect(parseBirthInput('1985-02-29', today)).toEqual({ ok: false, message: '1985年2月29日は存在しない日付です' })
    expect(parseBirthInput('H31.5.1', today)).toEqual({
      ok: false,
      message: '平成31年5月1日は存在しません（令和元年5月1日です）',
    })
    const unreadable = parseBirthInput('昭和の終わり', today)
    expect(unreadable.ok).toBe(false)
    if (!unreadable.ok) expect(unreadable.message).toMatch(/^生年月日の形式が正しくありません/)
  })

  it("defaults today to the computer's date", () => {
    const nextYear = String(Number(todayIso().slice(0, 4)) + 1)
    expect(parseBirthInput(nextYear).ok).toBe(false)
    expect(parseBirthInput(todayIso().slice(0, 4)).ok).toBe(true)
  })
})

describe('ageOn', () => {
  const born = (birthDate: string) => ({ birthDate, birthYear: Number(birthDate.slice(0, 4)) })

  it('counts completed years and adds one on the birthday', () => {
    expect(ageOn(born('1985-04-01'), '2025-03-31')).toBe(39)
    expect(ageOn(born('1985-04-01'), '2025-04-01')).toBe(40)
    expect(ageOn(born('1985-04-01'), '1985-04-01')).toBe(0)
  })

  it('makes a 2月29日 baby a year older on 3月1日 in common years', () => {
    expect(ageOn(born('2004-02-29'), '2025-02-28')).toBe(20)
    expect(ageOn(born('2004-02-29'), '2025-03-01')).toBe(21)
    expect(ageOn(born('2004-02-29'), '2024-02-29')).toBe(20)
  })

  it('assumes a 7月1日 birthday when only the year is known', () => {
    const year = { birthDate: null, birthYear: 1985 }
    expect(ageOn(year, '2025-06-30')).toBe(39)
    expect(ageOn(year, '2025-07-01')).toBe(40)
    expect(ageOn(year, '1985-01-01')).toBe(0)
    expect(ageOn(year, '1986-06-30')).toBe(0)
  })

  it('prefers the date over the year when both are known', () => {
    expect(ageOn({ birthDate: '1985-12-31', birthYear: 1985 }, '2025-07-01')).toBe(39)
  })

  it('is null when unknown or not yet born', () => {
    expect(ageOn({ birthDate: null, birthYear: null }, '2025-04-01')).toBeNull()
    expect(ageOn(born('2025-04-02'), '2025-04-01')).toBeNull()
    expect(ageOn({ birthDate: null, birthYear: 2026 }, '2025-12-31')).toBeNull()
  })
})

describe('todayIso', () => {
  it("is the local calendar day as 'YYYY-MM-DD'", () => {
    const now = new Date()
    const expected = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
    const today = todayIso()
    expect(isValidIsoDate(today)).toBe(true)
    // Tolerate the test running across midnight.
    expect([expected, todayIso()]).toContain(today)
  })
})

describe('excelSerialToIso', () => {
  it.each([
    [45383, '2024-04-01'],
    [45382, '2024-03-31'],
    [45351, '2024-02-29'],
    [43586, '2019-05-01'],
    [36526, '2000-01-01'],
    [61, '1900-03-01'],
    [59, '1900-02-28'],
    [1, '1900-01-01'],
    [2958465, '9999-12-31'],
  ])('serial %i is %s', (serial, iso) => {
    expect(excelSerialToIso(serial)).toBe(iso)
  })

  it('drops the time of day', () => {
    expect(excelSerialToIso(45383.99)).toBe('2024-04-01')
  })

  it("throws for Lotus's phantom 1900-02-29 (serial 60) and for non-dates", () => {
    expect(() => excelSerialToIso(60)).toThrow(/1900-02-29/)
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 2958466]) {
      expect(() => excelSerialToIso(bad)).toThrow(RangeError)
    }
  })
})

describe('dates as written on screen', () => {
  it('uses slashes where the stored form has hyphens, zero padding kept', () => {
    expect(slashDate('2025-04-01')).toBe('2025/04/01')
    expect(slashDate('1985-12-31')).toBe('1985/12/31')
  })
})

describe('a 年度 on the dashboard', () => {
  it('has twelve months from April to the next March', () => {
    const months = fiscalYearMonths(2025)
    expect(months).toHaveLength(12)
    expect(months.slice(0, 2)).toEqual(['2025-04', '2025-05'])
    expect(months.slice(8)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03'])
  })

  it('is seen as of today while it runs, its last day once over, its first day before it starts', () => {
    expect(fiscalYearAsOf(2025, '2025-10-15')).toBe('2025-10-15')
    expect(fiscalYearAsOf(2024, '2025-10-15')).toBe('2025-03-31')
    expect(fiscalYearAsOf(2026, '2025-10-15')).toBe('2026-04-01')
    expect(fiscalYearAsOf(2025, '2025-04-01')).toBe('2025-04-01')
    expect(fiscalYearAsOf(2025, '2026-03-31')).toBe('2026-03-31')
  })
})
