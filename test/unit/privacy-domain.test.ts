import { describe, expect, it } from 'vitest'
import { ageBandAt } from '../../shared/domain/reports/ageBand'
import { cohortBirthYear, deletionImpact } from '../../shared/domain/privacy'

describe('anonymized birth year', () => {
  it('keeps the 年度 age band of every fiscal year, including 早生まれ and April 1 / April 2 birthdays', () => {
    const dates = ['1985-01-01', '1985-03-31', '1985-04-01', '1985-04-02', '1985-07-01', '1985-12-31', '2000-02-29', '1979-04-01']
    for (const birthDate of dates) {
      const year = cohortBirthYear(birthDate, Number(birthDate.slice(0, 4)))
      // From the first April 1 after birth (before it, nobody has visits to count).
      for (let fy = Number(birthDate.slice(0, 4)) + 1; fy <= 2060; fy++) {
        expect(ageBandAt(null, year, fy), `${birthDate} in FY${fy}`).toBe(ageBandAt(birthDate, null, fy))
      }
    }
  })

  it('keeps a year-only birth as it is', () => {
    expect(cohortBirthYear(null, 1990)).toBe(1990)
    expect(cohortBirthYear(null, null)).toBeNull()
  })
})

describe('what deleting a person changes', () => {
  it('is 実人数 −1 and 延べ人数 −n in each fiscal year of their visits (April–March)', () => {
    expect(deletionImpact(['2024-03-31', '2024-04-01', '2024-05-10', '2025-03-01', '2026-01-01'])).toEqual([
      { fiscalYear: 2023, uniquePeople: -1, attendances: -1 },
      { fiscalYear: 2024, uniquePeople: -1, attendances: -3 },
      { fiscalYear: 2025, uniquePeople: -1, attendances: -1 },
    ])
    expect(deletionImpact([])).toEqual([])
  })
})
