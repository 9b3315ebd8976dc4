import { describe, expect, it } from 'vitest'
import {
  dateWithWeekday,
  datesOutsideProgram,
  jstInstant,
  jstParts,
  nextYearProgramName,
  nthWeekdayOfMonth,
  sameWeekdayNextYear,
  seriesDates,
  sessionsInFile,
  weekdayOf,
  weekdayOrdinalOf,
} from '../../shared/domain/sessionSeries'

describe('session series', () => {
  it('every other Saturday, 6 times, across the new year', () => {
    expect(seriesDates({ kind: 'weekly', startDate: '2025-11-22', intervalWeeks: 2, count: 6 })).toEqual([
      '2025-11-22',
      '2025-12-06',
      '2025-12-20',
      '2026-01-03',
      '2026-01-17',
      '2026-01-31',
    ])
  })

  it('every week crosses February in a leap year', () => {
    expect(seriesDates({ kind: 'weekly', startDate: '2024-02-22', intervalWeeks: 1, count: 3 })).toEqual([
      '2024-02-22',
      '2024-02-29',
      '2024-03-07',
    ])
  })

  it('the second Saturday of each month, 6 times, from November into the next year', () => {
    const dates = seriesDates({ kind: 'monthly', startDate: '2025-11-01', nth: 2, weekday: 6, count: 6 })
    expect(dates).toEqual(['2025-11-08', '2025-12-13', '2026-01-10', '2026-02-14', '2026-03-14', '2026-04-11'])
    expect(dates.every((d) => weekdayOf(d) === 6)).toBe(true)
  })

  it('a monthly series skips a month whose day is before the start date', () => {
    expect(seriesDates({ kind: 'monthly', startDate: '2025-11-10', nth: 2, weekday: 6, count: 2 })).toEqual([
      '2025-12-13',
      '2026-01-10',
    ])
  })

  it('a date is the nth of its weekday in the month; a 5th one is the last', () => {
    expect(weekdayOrdinalOf('2026-10-03')).toBe(1) // 1st Saturday
    expect(weekdayOrdinalOf('2026-10-07')).toBe(1)
    expect(weekdayOrdinalOf('2026-10-08')).toBe(2)
    expect(weekdayOrdinalOf('2026-10-28')).toBe(4)
    expect(weekdayOrdinalOf('2026-10-31')).toBe(-1) // 5th Saturday
    // A monthly series from a date, with the date's own ordinal, starts on that date.
    for (const date of ['2026-10-03', '2026-10-17', '2026-10-31', '2025-12-28']) {
      const rule = { kind: 'monthly' as const, startDate: date, nth: weekdayOrdinalOf(date), weekday: weekdayOf(date), count: 2 }
      expect(seriesDates(rule)[0], date).toBe(date)
    }
  })

  it('the last Sunday of a month', () => {
    expect(nthWeekdayOfMonth(2025, 12, -1, 0)).toBe('2025-12-28')
    expect(nthWeekdayOfMonth(2024, 2, -1, 4)).toBe('2024-02-29')
  })

  it('caps the count', () => {
    expect(seriesDates({ kind: 'weekly', startDate: '2025-01-01', intervalWeeks: 1, count: 10_000 })).toHaveLength(104)
    expect(seriesDates({ kind: 'weekly', startDate: '2025-01-01', intervalWeeks: 1, count: 0 })).toEqual([])
  })
})

describe('next year', () => {
  it('keeps the weekday, nearest to the anniversary', () => {
    expect(sameWeekdayNextYear('2025-06-14')).toBe('2026-06-13') // Saturday → Saturday
    expect(weekdayOf('2026-06-13')).toBe(6)
    expect(sameWeekdayNextYear('2024-02-29')).toBe('2025-02-27') // Thursday; 2025-02-28 is a Friday
    expect(weekdayOf('2025-02-27')).toBe(4)
    // Late March stays in March (and so in the same 年度 position): the nearest Monday.
    expect(sameWeekdayNextYear('2026-03-30')).toBe('2027-03-29')
  })

  it('moves the 年度 written in a program name', () => {
    expect(nextYearProgramName('しまコトアカデミー2025', 2025)).toBe('しまコトアカデミー2026')
    expect(nextYearProgramName('令和7年度 ふるさとワーホリ（R7）', 2025)).toBe('令和8年度 ふるさとワーホリ（R8）')
    expect(nextYearProgramName('令和元年度 交流会', 2019)).toBe('令和2年度 交流会')
    expect(nextYearProgramName('第12期 講座 20250', 2025)).toBe('第12期 講座 20250')
  })
})

describe('session times in Japan time', () => {
  it('round-trips a local date and time through the stored instant', () => {
    expect(jstInstant('2025-06-14', '13:30')).toBe('2025-06-14T04:30:00.000Z')
    expect(jstParts('2025-06-14T04:30:00.000Z')).toEqual({ date: '2025-06-14', time: '13:30' })
    // Early morning JST is the previous day in UTC.
    expect(jstInstant('2026-01-01', '08:00')).toBe('2025-12-31T23:00:00.000Z')
    expect(jstParts('2025-12-31T23:00:00.000Z')).toEqual({ date: '2026-01-01', time: '08:00' })
  })
})

describe('session dates outside their program', () => {
  const program = { fiscalYear: 2026, startDate: '2026-04-01', endDate: '2027-03-20' }

  it('a weekly series from 3/24 runs past the 年度 and the end date', () => {
    expect(datesOutsideProgram(['2027-03-24', '2027-03-31', '2027-04-07'], program)).toEqual({
      fiscalYear: ['2027-04-07'],
      period: ['2027-03-24', '2027-03-31', '2027-04-07'],
    })
  })

  it('the first and last day of the 年度 and of the period are inside', () => {
    expect(datesOutsideProgram(['2026-04-01', '2027-03-20'], program)).toEqual({ fiscalYear: [], period: [] })
    expect(datesOutsideProgram(['2026-03-31', '2027-03-31'], { ...program, startDate: null, endDate: null })).toEqual({
      fiscalYear: ['2026-03-31'],
      period: [],
    })
  })

  it('an open end only bounds the other side', () => {
    expect(datesOutsideProgram(['2026-05-01', '2026-12-01'], { ...program, startDate: '2026-06-01', endDate: null })).toEqual({
      fiscalYear: [],
      period: ['2026-05-01'],
    })
  })
})

describe('sessions an earlier row of the same file gave', () => {
  it('names the line of the same session, or of an untimed session that day, and nothing for another time', () => {
    const inFile = sessionsInFile()
    inFile.add('2024-06-08', '10:00', 2)
    inFile.add('2024-06-08', '13:00', 3)
    inFile.add('2024-07-13', null, 4)
    expect(inFile.lineOf('2024-06-08', '13:00')).toBe(3)
    expect(inFile.lineOf('2024-06-08', '10:00')).toBe(2)
    expect(inFile.lineOf('2024-06-08', '15:00')).toBeNull()
    // A row without a time meets the day's first session; a timed row meets an untimed day.
    expect(inFile.lineOf('2024-06-08', null)).toBe(2)
    expect(inFile.lineOf('2024-07-13', '09:30')).toBe(4)
    expect(inFile.untimedOn('2024-07-13')).toBe(true)
    expect(inFile.lineOf('2024-07-14', null)).toBeNull()
  })
})

describe('a session day as written for coordinators', () => {
  it('slashes the date and adds its weekday in full-width brackets', () => {
    expect(dateWithWeekday('2025-07-05')).toBe('2025/07/05（土）')
    expect(dateWithWeekday('2026-01-04')).toBe('2026/01/04（日）')
    expect(dateWithWeekday('2024-02-29')).toBe('2024/02/29（木）')
  })
})
