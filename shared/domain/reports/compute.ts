import { areaOfPrefecture } from '../localGov'
import type { Area } from '../localGov'
import { fiscalYearMonths, fiscalYearRange, formatFiscalYear } from '../dates'
import { bases, genders, roots, stages } from '../vocabulary'
import type { BasisCode, GenderCode, RootsCode, StageCode } from '../vocabulary'
import { ageBandAt } from './ageBand'
import { reportDefinitions } from './definitions'
import { ageBands } from './types'
import type { AgeBand, FiscalYearReport, ProgramReport, ReportInput, StageEntry, StageTransitionRow } from './types'

const areas: readonly Area[] = ['東京圏', '名古屋圏', '大阪圏', 'その他', '不明']

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>
}

/**
 * The fiscal-year report from plain rows. Every breakdown of 実人数 walks the same `people`
 * rows and every person lands in exactly one bucket (unknowns in 不明), so the breakdowns
 * always sum to the total — the mismatch that got hand-counted reports rejected.
 */
export function computeReport(input: ReportInput): FiscalYearReport {
  const { fiscalYear, people, rules } = input
  const period = fiscalYearRange(fiscalYear)
  const byPrefecture: Record<string, number> = {}
  const byArea = zeros(areas)
  const byAgeBand = zeros<AgeBand>(ageBands)
  const byGender = zeros<GenderCode | '不明'>([...genders.codes, '不明'])
  const byRoots = zeros<RootsCode | '不明'>([...roots.codes, '不明'])
  const byBasis = zeros<BasisCode | '不明'>([...bases.codes, '不明'])
  const stagesAtYearEnd = zeros<StageCode | '不明'>([...stages.codes, '不明'])
  const transitions = new Map<string, StageTransitionRow>()
  let totalInvolvements = 0
  let newPeople = 0
  let continuingPeople = 0
  let returningPeople = 0
  let onsiteVisits = 0
  let onlineInvolvements = 0
  let totalNights = 0

  const previousStart = fiscalYearRange(fiscalYear - 1).start
  let involvementsOfPeople = 0
  for (const p of people) {
    involvementsOfPeople += p.involvements
    if (p.lastBefore === null) newPeople++
    else if (p.lastBefore >= previousStart) returningPeople++
    if (p.continuingCount >= rules.continuingMinInvolvements) continuingPeople++
    const prefecture = p.prefectureCode ?? '不明'
    byPrefecture[prefecture] = (byPrefecture[prefecture] ?? 0) + 1
    byArea[areaOfPrefecture(p.prefectureCode)]++
    byAgeBand[ageBandAt(p.birthDate, p.birthYear, fiscalYear)]++
    byGender[p.gender ?? '不明']++
    byRoots[p.roots ?? '不明']++
    byBasis[p.basis ?? '不明']++
    countStages(p.stageHistory, period, stagesAtYearEnd, transitions)
  }

  const byMonth = zeros<string>(fiscalYearMonths(fiscalYear))
  for (const m of input.involvementsByMonth) {
    byMonth[m.month] += m.count
    totalInvolvements += m.count
    onsiteVisits += m.onsite
    onlineInvolvements += m.online
    totalNights += m.nights
  }
  // Both come from the same snapshot; disagreeing would mean a query counts different visits.
  if (involvementsOfPeople !== totalInvolvements)
    throw new Error(`report inconsistency: ${involvementsOfPeople} involvements by person, ${totalInvolvements} by month`)

  const programs: ProgramReport[] = input.programs.map((p) => {
    const sessions = input.sessions
      .filter((s) => s.programId === p.id)
      .map(({ date, place, mode, anonymousHeadcount }) => ({ date, place, mode, anonymousHeadcount }))
    return { ...p, sessions, anonymousHeadcount: sessions.reduce((sum, s) => sum + s.anonymousHeadcount, 0) }
  })

  const programNames = input.scopeProgramNames
  return {
    fiscalYear,
    fiscalYearLabel: formatFiscalYear(fiscalYear),
    period,
    scope: { ...input.scope, programNames },
    uniquePeople: people.length,
    totalInvolvements,
    newPeople,
    continuingPeople,
    returningPeople,
    onsiteVisits,
    onlineInvolvements,
    totalNights,
    movedIn: input.movedIn,
    anonymousHeadcount: input.anonymousHeadcount,
    byPrefecture: Object.fromEntries(Object.entries(byPrefecture).sort(([a], [b]) => a.localeCompare(b))),
    byArea,
    byAgeBand,
    byGender,
    byRoots,
    byBasis,
    byMonth,
    stagesAtYearEnd,
    stageTransitions: [...transitions.values()].sort(
      (a, b) => b.count - a.count || String(a.from).localeCompare(String(b.from)) || a.to.localeCompare(b.to),
    ),
    programs,
    rules,
    definitions: reportDefinitions(fiscalYear, rules, input.scope, programNames),
    generatedAt: input.generatedAt,
  }
}

/**
 * One person's stage on March 31 (their latest entry on or before it) and their changes during
 * the year, each paired with the stage just before it (null for the first entry ever).
 */
function countStages(
  history: StageEntry[],
  period: { start: string; end: string },
  atYearEnd: Record<StageCode | '不明', number>,
  transitions: Map<string, StageTransitionRow>,
): void {
  let last: StageCode | null = null
  for (const entry of history) {
    if (entry.on > period.end) break
    if (entry.on >= period.start) {
      const key = `${last}>${entry.stage}`
      const t = transitions.get(key) ?? { from: last, to: entry.stage, count: 0 }
      t.count++
      transitions.set(key, t)
    }
    last = entry.stage
  }
  atYearEnd[last ?? '不明']++
}
