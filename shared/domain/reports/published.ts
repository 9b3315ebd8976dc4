import { areaOfPrefecture } from '../localGov'
import { displayCell, suppressLinked } from './suppression'
import type { LinkedLine } from './suppression'
import { fiscalYearMonths } from '../dates'
import { ageBands } from './types'
import type { FiscalYearReport } from './types'
import { bases, genders, roots, stages } from '../vocabulary'

export type ExportValue = string | number | null

export const breakdowns = [
  'byArea',
  'byPrefecture',
  'byAgeBand',
  'byGender',
  'byRoots',
  'byBasis',
  'byMonth',
  'stagesAtYearEnd',
] as const
export type Breakdown = (typeof breakdowns)[number]

export const summaryKeys = [
  'uniquePeople',
  'totalInvolvements',
  'newPeople',
  'continuingPeople',
  'returningPeople',
  'onsiteVisits',
  'onlineInvolvements',
  'totalNights',
  'movedIn',
  'anonymousHeadcount',
] as const
export type SummaryKey = (typeof summaryKeys)[number]

/** A program's figures in the 事業別 table and a form's program rows. */
export const programFigures = [
  'applicants',
  'confirmed',
  'completed',
  'uniquePeople',
  'totalInvolvements',
  'anonymousHeadcount',
] as const
export type ProgramFigure = (typeof programFigures)[number]

/**
 * The order a breakdown's cells are listed in, and so suppressed in: the same in the tables and
 * in a filled-in form. (Object.keys would put 10月–12月 and 東京都 (13) before 4月 and 北海道
 * (01): number-like keys come first.)
 */
export function breakdownKeys(report: FiscalYearReport, name: Breakdown): string[] {
  switch (name) {
    case 'byArea':
      return Object.keys(report.byArea)
    case 'byPrefecture':
      return Object.keys(report.byPrefecture).sort((a, b) => (a === '不明' ? 1 : b === '不明' ? -1 : a.localeCompare(b)))
    case 'byAgeBand':
      return [...ageBands]
    case 'byGender':
      return [...genders.codes, '不明']
    case 'byRoots':
      return [...roots.codes, '不明']
    case 'byBasis':
      return [...bases.codes, '不明']
    case 'byMonth':
      return fiscalYearMonths(report.fiscalYear)
    case 'stagesAtYearEnd':
      return [...stages.codes, '不明']
  }
}

/** Every number an export publishes, as it writes it. */
export interface PublishedFigures {
  summary: Record<SummaryKey, ExportValue>
  breakdowns: Record<Breakdown, { keys: string[]; values: ExportValue[]; total: ExportValue }>
  programs: Record<ProgramFigure, ExportValue>[]
  /** Each program's sessions' anonymous headcounts, in report.programs[i].sessions order. */
  sessions: ExportValue[][]
  /** report.stageTransitions' counts, in order. */
  transitions: ExportValue[]
}

const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0)

/**
 * The report's published figures, suppressed together (k > 1) so that no table, read beside
 * another, gives a hidden count away: every export (workbook, CSV, PDF, a filled-in form) writes
 * from this one result. k = null or ≤ 1: exact numbers.
 *
 * The lines a reader can add up: each breakdown to its total (実人数, or 延べ人数 by month);
 * 現地 + オンライン to 延べ人数; each area's prefectures to the area's cell (東京圏 = 埼玉 + 千葉 +
 * 東京 + 神奈川); each program's sessions to its anonymous headcount; the year's changes into
 * 移住済 to 移住 (when they agree). The programs' figures add up
 * to the summary's only when nothing else counts there (one program, or a report narrowed to
 * programs): a line is added whenever they do.
 */
export function publishedFigures(report: FiscalYearReport, k: number | null): PublishedFigures {
  const values = new Map<string, number>()
  const lines: LinkedLine[] = []
  for (const key of summaryKeys) values.set(`summary.${key}`, report[key])
  const keysOf = Object.fromEntries(breakdowns.map((name) => [name, breakdownKeys(report, name)])) as Record<Breakdown, string[]>
  const totalOf = (name: Breakdown) => (name === 'byMonth' ? 'summary.totalInvolvements' : 'summary.uniquePeople')
  for (const name of breakdowns) {
    const counts = report[name] as Record<string, number>
    for (const key of keysOf[name]) values.set(`${name}.${key}`, counts[key] ?? 0)
  }
  report.stageTransitions.forEach((t, i) => values.set(`transition.${i}`, t.count))
  report.programs.forEach((p, i) => {
    for (const f of programFigures) values.set(`program.${i}.${f}`, p[f])
    p.sessions.forEach((s, j) => values.set(`session.${i}.${j}`, s.anonymousHeadcount))
  })

  // Narrow lines first: a cell pinned through its area is protected inside the area.
  for (const area of keysOf.byArea) {
    const prefectures = keysOf.byPrefecture.filter((code) => areaOfPrefecture(code === '不明' ? null : code) === area)
    lines.push({ cells: prefectures.map((code) => `byPrefecture.${code}`), total: `byArea.${area}` })
  }
  report.programs.forEach((p, i) =>
    lines.push({ cells: p.sessions.map((_, j) => `session.${i}.${j}`), total: `program.${i}.anonymousHeadcount` }),
  )
  for (const [figure, key] of [
    ['anonymousHeadcount', 'anonymousHeadcount'],
    ['totalInvolvements', 'totalInvolvements'],
    ['uniquePeople', 'uniquePeople'],
  ] as const) {
    if (report.programs.length > 0 && sum(report.programs.map((p) => p[figure])) === report[key])
      lines.push({ cells: report.programs.map((_, i) => `program.${i}.${figure}`), total: `summary.${key}` })
  }
  // 移住 is the people who reached 移住済 in the year: the changes into it, one each.
  const intoMovedIn = report.stageTransitions.flatMap((t, i) => (t.to === 'moved_in' ? [i] : []))
  if (sum(intoMovedIn.map((i) => report.stageTransitions[i]!.count)) === report.movedIn)
    lines.push({ cells: intoMovedIn.map((i) => `transition.${i}`), total: 'summary.movedIn' })
  lines.push({ cells: ['summary.onsiteVisits', 'summary.onlineInvolvements'], total: 'summary.totalInvolvements' })
  for (const name of breakdowns) lines.push({ cells: keysOf[name].map((key) => `${name}.${key}`), total: totalOf(name) })

  const suppressing = k !== null && k > 1
  const cells = suppressing ? suppressLinked(values, lines, k) : null
  const show = (id: string): ExportValue => (cells ? displayCell(cells.get(id)!, k!) : values.get(id)!)
  return {
    summary: Object.fromEntries(summaryKeys.map((key) => [key, show(`summary.${key}`)])) as Record<SummaryKey, ExportValue>,
    breakdowns: Object.fromEntries(
      breakdowns.map((name) => [
        name,
        {
          keys: keysOf[name],
          values: keysOf[name].map((key) => show(`${name}.${key}`)),
          total: show(totalOf(name)),
        },
      ]),
    ) as PublishedFigures['breakdowns'],
    programs: report.programs.map(
      (_, i) =>
        Object.fromEntries(programFigures.map((f) => [f, show(`program.${i}.${f}`)])) as Record<ProgramFigure, ExportValue>,
    ),
    sessions: report.programs.map((p, i) => p.sessions.map((_, j) => show(`session.${i}.${j}`))),
    transitions: report.stageTransitions.map((_, i) => show(`transition.${i}`)),
  }
}
