import { prefectureByCode } from '../localGov'
import { ANONYMOUS_HEADCOUNT_LABEL, bases, genders, roots, sessionModes, stages } from '../vocabulary'
import { publishedFigures } from './published'
import type { Breakdown, ExportValue, PublishedFigures } from './published'
import type { FiscalYearReport } from './types'

export type { ExportValue } from './published'

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

/** k = null: exact numbers (the coordinator's own copy, or --no-suppress). */
export interface TableOptions {
  suppressionK: number | null
}

/** A breakdown's table: its published cells (labels by key) and its total row. */
function breakdown(
  figures: PublishedFigures,
  name: Breakdown,
  title: string,
  labelHeader: string,
  labelOf: (key: string) => { code?: string; label: string },
  unit: string,
): ExportTable {
  const { keys, values, total } = figures.breakdowns[name]
  const labels = keys.map(labelOf)
  const withCode = labels.some((l) => l.code !== undefined)
  const rows: ExportValue[][] = labels.map((l, i) => [...(withCode ? [l.code ?? ''] : []), l.label, values[i]!])
  rows.push([...(withCode ? [''] : []), '合計', total])
  return {
    id: name,
    title,
    headers: [...(withCode ? ['コード'] : []), labelHeader, unit],
    rows,
    hasTotal: true,
    textColumns: withCode ? [0] : [],
  }
}

/** '2024-04' → '4月' (the table is of one 年度, so the year goes without saying). */
const monthLabel = (m: string) => `${Number(m.slice(5, 7))}月`

export function reportTables(report: FiscalYearReport, { suppressionK: k }: TableOptions): ExportTable[] {
  const published = publishedFigures(report, k)
  const figure = published.summary
  const summary: ExportTable = {
    id: 'summary',
    title: '概要',
    // 単位 last, so 値 stays in the third column for anyone who reads it by position. 現地 and
    // オンライン split 延べ人数, so they are counted in 人 like it (as on the screen).
    headers: ['項目', 'キー', '値', '単位'],
    textColumns: [],
    hasTotal: false,
    rows: [
      ['実人数', 'uniquePeople', figure.uniquePeople, '人'],
      ['延べ人数', 'totalInvolvements', figure.totalInvolvements, '人'],
      ['新規', 'newPeople', figure.newPeople, '人'],
      ['継続', 'continuingPeople', figure.continuingPeople, '人'],
      ['リピーター（前年度も関わった人）', 'returningPeople', figure.returningPeople, '人'],
      ['現地での関わり', 'onsiteVisits', figure.onsiteVisits, '人'],
      ['オンラインでの関わり', 'onlineInvolvements', figure.onlineInvolvements, '人'],
      ['延べ宿泊数', 'totalNights', figure.totalNights, '泊'],
      ['移住', 'movedIn', figure.movedIn, '人'],
      [`${ANONYMOUS_HEADCOUNT_LABEL}（延べ人数とは別）`, 'anonymousHeadcount', figure.anonymousHeadcount, '人'],
    ],
  }
  const programs: ExportTable = {
    id: 'programs',
    title: '事業別',
    headers: [
      '事業名',
      '開催回数',
      '応募（辞退を含む）',
      '参加確定（修了を含む）',
      '修了',
      '実人数',
      '延べ人数',
      ANONYMOUS_HEADCOUNT_LABEL,
    ],
    textColumns: [],
    hasTotal: false,
    // 開催回数 counts events, not people: 開催一覧 lists them all anyway.
    rows: report.programs.map((p, i) => {
      const f = published.programs[i]!
      return [
        p.name,
        p.sessions.length,
        f.applicants,
        f.confirmed,
        f.completed,
        f.uniquePeople,
        f.totalInvolvements,
        f.anonymousHeadcount,
      ]
    }),
  }
  const sessions: ExportTable = {
    id: 'sessions',
    title: '開催一覧',
    headers: ['事業名', '日付', '場所', '形態', ANONYMOUS_HEADCOUNT_LABEL],
    textColumns: [1],
    hasTotal: false,
    rows: report.programs.flatMap((p, i) =>
      p.sessions.map((s, j) => [p.name, s.date, s.place ?? '', sessionModes.labels[s.mode], published.sessions[i]![j]!]),
    ),
  }
  const stageLabel = (code: string | null) => (code ? stages.labels[code as keyof typeof stages.labels] : '（新規登録）')
  const transitions: ExportTable = {
    id: 'transitions',
    title: '年度中の段階の変化',
    headers: ['変化前', '変化後', '件数'],
    textColumns: [],
    hasTotal: false,
    rows: report.stageTransitions.map((t, i) => [stageLabel(t.from), stageLabel(t.to), published.transitions[i]!]),
  }
  const labelled = (labels: Record<string, string>) => (key: string) => ({ label: labels[key] ?? key })
  return [
    summary,
    breakdown(published, 'byArea', '地域別 実人数', '地域', (label) => ({ label }), '人'),
    breakdown(
      published,
      'byPrefecture',
      '都道府県別 実人数',
      '都道府県',
      (code) => ({ code: code === '不明' ? '' : code, label: prefectureByCode(code)?.name ?? '不明' }),
      '人',
    ),
    breakdown(published, 'byAgeBand', '年齢別 実人数', '年齢（4月1日時点）', (label) => ({ label }), '人'),
    breakdown(published, 'byGender', '性別 実人数', '性別', labelled(genders.labels), '人'),
    breakdown(published, 'byRoots', 'ゆかり別 実人数', 'ゆかり', labelled(roots.labels), '人'),
    breakdown(published, 'byBasis', '関わりの型別 実人数', '型', labelled(bases.labels), '人'),
    // 延べ人数 is counted in 人 everywhere else (the summary, ホーム, the screen): its months too.
    breakdown(published, 'byMonth', '月別 延べ人数', '月', (m) => ({ label: monthLabel(m) }), '人'),
    breakdown(
      published,
      'stagesAtYearEnd',
      '年度末の段階（実人数）',
      '段階',
      (s) => ({ label: s === '不明' ? '記録なし' : (stages.labels[s as keyof typeof stages.labels] ?? s) }),
      '人',
    ),
    transitions,
    programs,
    sessions,
  ]
}
