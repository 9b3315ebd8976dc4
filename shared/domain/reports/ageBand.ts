import type { AgeBand } from './types'

/**
 * 10-year age band at April 1 of the fiscal year (the convention of 年度 statistics), from the
 * birth date or, when only the year is known, the birth year. Same rules as ageOn in dates.ts
 * (a birthday on April 1 counts as reached; a birth year alone means a July 1 birthday, so on
 * April 1 that person has not had it yet), written as plain arithmetic because a report runs
 * it for every person involved in the year. The unit tests hold the two together.
 */
export function ageBandAt(birthDate: string | null, birthYear: number | null, fiscalYear: number): AgeBand {
  let age: number | null = null
  if (birthDate) {
    const y = Number(birthDate.slice(0, 4))
    const md = birthDate.slice(5)
    if (birthDate <= `${fiscalYear}-04-01`) age = fiscalYear - y - (md > '04-01' ? 1 : 0)
  } else if (birthYear !== null && birthYear <= fiscalYear) {
    age = Math.max(0, fiscalYear - birthYear - 1)
  }
  if (age === null) return '不明'
  if (age < 20) return '〜19'
  if (age >= 70) return '70代以上'
  return `${Math.floor(age / 10) * 10}代` as AgeBand
}
