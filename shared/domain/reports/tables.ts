import { prefectureByCode } from '../localGov'
import { bases, genders, roots, sessionModes, stages } from '../vocabulary'
import { displayCell, suppressLine, suppressValue, unsuppressedLine } from './suppression'
import { ageBands, fiscalMonths } from './types'
import type { FiscalYearReport } from './types'

export type ExportValue = string | number | null

/**
 * One table of a report as every export writes it (XLSX sheet block, CSV file, PDF section).
 * Built once here so the workbook, the CSV files and the PDF cannot disagree.
 */
export interface ExportTable {
  id: string
  title: string
  headers: string[]
  rows: ExportValue[][]
  /** A breakdown ends with its total row; the cells above it sum to it (before suppression). */
  hasTotal: boolean
  /** Columns holding codes: written as text so leading zeros survive. */
  textColumns: number[]
}

export type Breakdown =
  'byArea' | 'byPrefecture' | 'byAgeBand' | 'byGender' | 'byRoots' | 'byBasis' | 'byMonth' | 'stagesAtYearEnd'

/**
 * The order a breakdown's cells are listed in, and so suppressed in: the same in the tables and
 * in a filled-in form. Which of two equal small cells is hidden depends on their order, so two
 * orders would hide different cells and, side by side, give a hidden one away. (Object.keys
 * would put 10月–12月 and 東京都 (13) before 4月 and 北海道 (01): number-like keys come first.)
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
      return [...fiscalMonths]
    case 'stagesAtYearEnd':
      return [...stages.codes, '不明']
  }
}

/** k = null: exact numbers (the coordinator's own copy, or --no-suppress). */
export interface TableOptions {
  suppressionK: number | null
}

function breakdown(
  id: string,
  title: string,
  labelHeader: string,
  entries: { code?: string; label: string; value: number }[],
  total: number,
  unit: string,
  k: number | null,
): ExportTable {
  const withCode = entries.some((e) => e.code !== undefined)
  const line =
    k && k > 1
      ? suppressLine(
          entries.map((e) => e.value),
          total,
          k,
        )
      : unsuppressedLine(
          entries.map((e) => e.value),
          total,
        )
  const show = (c: (typeof line.cells)[number]) => (k ? displayCell(c, k) : c.value)
  const rows: ExportValue[][] = entries.map((e, i) => [...(withCode ? [e.code ?? ''] : []), e.label, show(line.cells[i])])
  rows.push([...(withCode ? [''] : []), '合計', show(line.total)])
  return {
    id,
    title,
    headers: [...(withCode ? ['コード'] : []), labelHeader, unit],
    rows,
    hasTotal: true,
    textColumns: withCode ? [0] : [],
  }
}

const monthLabel = (m: string) => `${Number(m)}月`

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

/**
 * The summary's figures as every export shows them: each checked alone, except 現地 and
 * オンライン, which add up to 延べ and are suppressed as a line against it (オンライン hidden
 * beside 現地 and 延べ shown would be 延べ − 現地).
 */
export function summaryFigures(report: FiscalYearReport, k: number | null): Record<SummaryKey, ExportValue> {
  const suppressing = k !== null && k > 1
  const one = (value: number) => (suppressing ? displayCell(suppressValue(value, k), k) : value)
  const figures = Object.fromEntries(summaryKeys.map((key) => [key, one(report[key])])) as Record<SummaryKey, ExportValue>
  if (suppressing) {
    const modes = suppressLine([report.onsiteVisits, report.onlineInvolvements], report.totalInvolvements, k)
    figures.onsiteVisits = displayCell(modes.cells[0]!, k)
    figures.onlineInvolvements = displayCell(modes.cells[1]!, k)
  }
  return figures
}

export function reportTables(report: FiscalYearReport, { suppressionK: k }: TableOptions): ExportTable[] {
  const one = (value: number) => (k && k > 1 ? displayCell(suppressValue(value, k), k) : value)
  const people = report.uniquePeople
  const figure = summaryFigures(report, k)
  const summary: ExportTable = {
    id: 'summary',
    title: '概要',
    headers: ['項目', 'キー', '値'],
    textColumns: [],
    hasTotal: false,
    rows: [
      ['実人数', 'uniquePeople', figure.uniquePeople],
      ['延べ人数', 'totalInvolvements', figure.totalInvolvements],
      ['新規', 'newPeople', figure.newPeople],
      ['継続', 'continuingPeople', figure.continuingPeople],
      ['リピーター（前年度も関わった人）', 'returningPeople', figure.returningPeople],
      ['現地での関わり', 'onsiteVisits', figure.onsiteVisits],
      ['オンラインでの関わり', 'onlineInvolvements', figure.onlineInvolvements],
      ['延べ宿泊数', 'totalNights', figure.totalNights],
      ['移住', 'movedIn', figure.movedIn],
      ['匿名の参加人数（延べ人数とは別）', 'anonymousHeadcount', figure.anonymousHeadcount],
    ],
  }
  const programs: ExportTable = {
    id: 'programs',
    title: '事業別',
    headers: ['事業名', '開催回数', '応募', '参加確定', '修了', '実人数', '延べ人数', '匿名の参加人数'],
    textColumns: [],
    hasTotal: false,
    rows: report.programs.map((p) => [
      p.name,
      one(p.sessions.length),
      one(p.applicants),
      one(p.confirmed),
      one(p.completed),
      one(p.uniquePeople),
      one(p.totalInvolvements),
      one(p.anonymousHeadcount),
    ]),
  }
  const sessions: ExportTable = {
    id: 'sessions',
    title: '開催一覧',
    headers: ['事業名', '日付', '場所', '形態', '匿名の参加人数'],
    textColumns: [1],
    hasTotal: false,
    rows: report.programs.flatMap((p) =>
      p.sessions.map((s) => [p.name, s.date, s.place ?? '', sessionModes.labels[s.mode], one(s.anonymousHeadcount)]),
    ),
  }
  const stageLabel = (code: string | null) => (code ? stages.labels[code as keyof typeof stages.labels] : '（記録なし）')
  const transitions: ExportTable = {
    id: 'transitions',
    title: '年度中の段階の変化',
    headers: ['変化前', '変化後', '件数'],
    textColumns: [],
    hasTotal: false,
    rows: report.stageTransitions.map((t) => [stageLabel(t.from), stageLabel(t.to), one(t.count)]),
  }
  return [
    summary,
    breakdown(
      'byArea',
      '地域別 実人数',
      '地域',
      breakdownKeys(report, 'byArea').map((label) => ({ label, value: report.byArea[label as keyof typeof report.byArea] })),
      people,
      '人',
      k,
    ),
    breakdown(
      'byPrefecture',
      '都道府県別 実人数',
      '都道府県',
      breakdownKeys(report, 'byPrefecture').map((code) => ({
        code: code === '不明' ? '' : code,
        label: prefectureByCode(code)?.name ?? '不明',
        value: report.byPrefecture[code]!,
      })),
      people,
      '人',
      k,
    ),
    breakdown(
      'byAgeBand',
      '年齢別 実人数',
      '年齢（4月1日時点）',
      ageBands.map((b) => ({ label: b, value: report.byAgeBand[b] })),
      people,
      '人',
      k,
    ),
    breakdown(
      'byGender',
      '性別 実人数',
      '性別',
      [...genders.codes, '不明' as const].map((g) => ({
        label: g === '不明' ? '不明' : genders.labels[g],
        value: report.byGender[g],
      })),
      people,
      '人',
      k,
    ),
    breakdown(
      'byRoots',
      'ゆかり別 実人数',
      'ゆかり',
      [...roots.codes, '不明' as const].map((r) => ({
        label: r === '不明' ? '不明' : roots.labels[r],
        value: report.byRoots[r],
      })),
      people,
      '人',
      k,
    ),
    breakdown(
      'byBasis',
      '関わりの型別 実人数',
      '型',
      [...bases.codes, '不明' as const].map((b) => ({
        label: b === '不明' ? '不明' : bases.labels[b],
        value: report.byBasis[b],
      })),
      people,
      '人',
      k,
    ),
    breakdown(
      'byMonth',
      '月別 延べ人数',
      '月',
      fiscalMonths.map((m) => ({ label: monthLabel(m), value: report.byMonth[m] })),
      report.totalInvolvements,
      '件',
      k,
    ),
    breakdown(
      'stagesAtYearEnd',
      '年度末の段階（実人数）',
      '段階',
      [...stages.codes, '不明' as const].map((s) => ({
        label: s === '不明' ? '記録なし' : stages.labels[s],
        value: report.stagesAtYearEnd[s],
      })),
      people,
      '人',
      k,
    ),
    transitions,
    programs,
    sessions,
  ]
}
