/**
 * A deliberately naive report: plain loops over the raw rows, written from the issue's
 * definitions without looking at the real implementation (no SQL, no shared helpers).
 */
import type { Dataset } from './dataset'

export interface NaiveRules {
  n: number
  windowMonths: number
  includeOnline: boolean
}
export interface NaiveScope {
  programIds: string[]
  fundingSource: string | null
}

const TOKYO = ['11', '12', '13', '14']
const NAGOYA = ['21', '23', '24']
const OSAKA = ['26', '27', '28', '29']

function areaOf(code: string | null): string {
  if (code === null) return '不明'
  if (TOKYO.includes(code)) return '東京圏'
  if (NAGOYA.includes(code)) return '名古屋圏'
  if (OSAKA.includes(code)) return '大阪圏'
  return 'その他'
}

function ageAtApril1(birthDate: string | null, birthYear: number | null, fy: number): number | null {
  if (birthDate) {
    const [y, m, d] = birthDate.split('-').map(Number)
    let age = fy - y
    if (m > 4 || (m === 4 && d > 1)) age -= 1 // birthday after April 1 not yet reached
    return age < 0 ? null : age
  }
  if (birthYear !== null) {
    if (fy < birthYear) return null
    return Math.max(0, fy - birthYear - 1) // April is before the assumed July 1 birthday
  }
  return null
}

function band(age: number | null): string {
  if (age === null) return '不明'
  if (age <= 19) return '〜19'
  if (age >= 70) return '70代以上'
  return `${age - (age % 10)}代`
}

function inc(map: Record<string, number>, key: string, by = 1) {
  map[key] = (map[key] ?? 0) + by
}

export function naiveReport(ds: Dataset, fy: number, rules: NaiveRules, scope: NaiveScope) {
  const start = `${fy}-04-01`
  const end = `${fy + 1}-03-31`
  const prevStart = `${fy - 1}-04-01`
  const prevEnd = `${fy}-03-31`
  // Window: `windowMonths` months back from April 1 of the next year.
  let wy = fy + 1
  let wm = 4 - rules.windowMonths
  while (wm < 1) {
    wm += 12
    wy -= 1
  }
  const windowStart = `${wy}-${String(wm).padStart(2, '0')}-01`
  const deleted = new Set(ds.contacts.filter((c) => c.deleted).map((c) => c.id))
  const program = (id: string | null) => ds.programs.find((p) => p.id === id)
  const inScope = (programId: string | null) => {
    if (scope.programIds.length > 0 && (programId === null || !scope.programIds.includes(programId))) return false
    if (scope.fundingSource !== null && (programId === null || program(programId)?.fundingSource !== scope.fundingSource))
      return false
    return true
  }
  const visits = ds.visits.filter((v) => !deleted.has(v.contactId) && inScope(v.programId))
  const yearVisits = visits.filter((v) => v.visitDate >= start && v.visitDate <= end)

  const people = [...new Set(yearVisits.map((v) => v.contactId))]
  const out = {
    uniquePeople: people.length,
    totalInvolvements: yearVisits.length,
    newPeople: 0,
    continuingPeople: 0,
    returningPeople: 0,
    onsiteVisits: yearVisits.filter((v) => v.mode === 'onsite').length,
    onlineInvolvements: yearVisits.filter((v) => v.mode === 'online').length,
    totalNights: yearVisits.reduce((s, v) => s + v.nights, 0),
    movedIn: 0,
    anonymousHeadcount: 0,
    byPrefecture: {} as Record<string, number>,
    byArea: {} as Record<string, number>,
    byAgeBand: {} as Record<string, number>,
    byGender: {} as Record<string, number>,
    byRoots: {} as Record<string, number>,
    byBasis: {} as Record<string, number>,
    byMonth: {} as Record<string, number>,
    stagesAtYearEnd: {} as Record<string, number>,
    transitions: [] as string[],
    programs: [] as {
      id: string
      applicants: number
      confirmed: number
      completed: number
      uniquePeople: number
      totalInvolvements: number
      sessions: number
    }[],
  }
  for (const id of people) {
    const c = ds.contacts.find((x) => x.id === id)!
    const mine = visits.filter((v) => v.contactId === id)
    const first = mine.map((v) => v.visitDate).sort()[0]
    if (first >= start) out.newPeople++
    const counted = mine.filter(
      (v) => v.visitDate >= windowStart && v.visitDate <= end && (rules.includeOnline || v.mode === 'onsite'),
    )
    if (counted.length >= rules.n) out.continuingPeople++
    if (mine.some((v) => v.visitDate >= prevStart && v.visitDate <= prevEnd)) out.returningPeople++
    inc(out.byPrefecture, c.prefectureCode ?? '不明')
    inc(out.byArea, areaOf(c.prefectureCode))
    inc(out.byAgeBand, band(ageAtApril1(c.birthDate, c.birthYear, fy)))
    inc(out.byGender, c.gender ?? '不明')
    inc(out.byRoots, c.roots ?? '不明')
    inc(out.byBasis, c.basis ?? '不明')
  }
  for (const v of yearVisits) inc(out.byMonth, v.visitDate.slice(0, 7))

  const narrowed = scope.programIds.length > 0 || scope.fundingSource !== null
  const involvedByEnd = (id: string) => !narrowed || visits.some((v) => v.contactId === id && v.visitDate <= end)
  const movers = new Set<string>()
  for (const h of ds.stages)
    if (
      h.stage === 'moved_in' &&
      h.changedOn >= start &&
      h.changedOn <= end &&
      !deleted.has(h.contactId) &&
      involvedByEnd(h.contactId)
    )
      movers.add(h.contactId)
  out.movedIn = movers.size

  // Stages: the year's people only, by their latest entry on or before March 31.
  const ordered = [...ds.stages].sort((a, b) =>
    a.changedOn !== b.changedOn ? (a.changedOn < b.changedOn ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1,
  )
  for (const id of people) {
    const mine = ordered.filter((h) => h.contactId === id && h.changedOn <= end)
    inc(out.stagesAtYearEnd, mine.length > 0 ? mine[mine.length - 1].stage : '不明')
    mine.forEach((h, i) => {
      if (h.changedOn >= start) out.transitions.push(`${i === 0 ? '' : mine[i - 1].stage}>${h.stage}`)
    })
  }
  out.transitions.sort()

  // A session belongs to the Japanese calendar day it starts on (UTC+9).
  const japanDay = (iso: string) => new Date(Date.parse(iso) + 9 * 3600_000).toISOString().slice(0, 10)
  for (const s of ds.sessions) {
    const d = japanDay(s.startsAt)
    if (d >= start && d <= end && inScope(s.programId)) out.anonymousHeadcount += s.anonymousHeadcount
  }

  for (const p of ds.programs) {
    if (p.fiscalYear !== fy) continue
    if (scope.programIds.length > 0 && !scope.programIds.includes(p.id)) continue
    if (scope.fundingSource !== null && p.fundingSource !== scope.fundingSource) continue
    const enr = ds.enrollments.filter((e) => e.programId === p.id && !deleted.has(e.contactId))
    const pv = ds.visits.filter(
      (v) => v.programId === p.id && !deleted.has(v.contactId) && v.visitDate >= start && v.visitDate <= end,
    )
    out.programs.push({
      id: p.id,
      applicants: enr.length,
      confirmed: enr.filter((e) => e.status === 'confirmed' || e.status === 'completed').length,
      completed: enr.filter((e) => e.status === 'completed').length,
      uniquePeople: new Set(pv.map((v) => v.contactId)).size,
      totalInvolvements: pv.length,
      // Its sessions of this year: one dated in another 年度 is counted in that year's figures.
      sessions: ds.sessions.filter((s) => s.programId === p.id && japanDay(s.startsAt) >= start && japanDay(s.startsAt) <= end)
        .length,
    })
  }
  out.programs.sort((a, b) => a.id.localeCompare(b.id))
  return out
}
