import ExcelJS from 'exceljs'
import { formatFiscalYear } from '../../../shared/domain/dates'
import { reportTables } from '../../../shared/domain/reports/tables'
import type { ExportTable } from '../../../shared/domain/reports/tables'
import type { FiscalYearReport } from '../../../shared/domain/reports/types'
import { fundingSources } from '../../../shared/domain/vocabulary'
import type { RosterRow } from '../db/repos/reportsRosterRepo'
import { baseFont, fitColumns, setCell, writeTable } from './xlsxStyle'
import { suppressionNote } from './suppressionNote'

export interface XlsxOptions {
  /** k for small-number suppression; null = exact numbers (marked as internal on the cover). */
  suppressionK: number | null
  /** People and their involvements: personal data, only when the user asks for it. */
  roster: RosterRow[] | null
}

/** Above this many programs, per-program sheets are left out (see the cover note). */
export const MAX_PROGRAM_SHEETS = 50

const PERSONAL_DATA_NOTE =
  '【個人情報】このシートには個人を特定できる情報が含まれます。提出・共有の前に必要性を確認し、不要になったら削除してください。'

export function scopeText(report: FiscalYearReport): string {
  const parts: string[] = []
  if (report.scope.programNames.length > 0) parts.push(`事業: ${report.scope.programNames.join('、')}`)
  if (report.scope.fundingSource) parts.push(`財源: ${fundingSources.labels[report.scope.fundingSource]}`)
  return parts.length > 0 ? parts.join(' ／ ') : 'すべての事業と訪問'
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the book. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[:\\/?*[\]]/g, '・').slice(0, 28)
  let name = base
  for (let i = 2; taken.has(name); i++) name = `${base.slice(0, 26)}(${i})`
  taken.add(name)
  return name
}

/** The report as a workbook: 表紙, 概要, 内訳, 事業一覧, one sheet per program, 定義 (and 名簿 if asked). */
export async function reportWorkbook(report: FiscalYearReport, options: XlsxOptions): Promise<Buffer> {
  const tables = reportTables(report, { suppressionK: options.suppressionK })
  const byId = new Map(tables.map((t) => [t.id, t]))
  const wb = new ExcelJS.Workbook()
  wb.creator = 'かけはし'
  wb.created = new Date(report.generatedAt)
  const taken = new Set<string>()
  const add = (name: string) => {
    const sheet = wb.addWorksheet(sheetName(name, taken), { properties: { defaultRowHeight: 18 } })
    return sheet
  }

  const cover = add('表紙')
  const coverLines: [string, string][] = [
    ['団体名', report.rules.organizationName || '（未設定）'],
    ['年度', `${report.fiscalYearLabel}`],
    ['期間', `${report.period.start} 〜 ${report.period.end}`],
    ['対象範囲', scopeText(report)],
    ['作成日時', new Date(report.generatedAt).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' })],
    ['少数の秘匿', suppressionNote(options.suppressionK)],
  ]
  if (options.roster) coverLines.push(['個人情報', '「名簿」シートに個人情報を含みます'])
  const title = cover.getCell('A1')
  setCell(title, `関係人口 実績集計 ${formatFiscalYear(report.fiscalYear)}`)
  title.font = { ...baseFont, bold: true, size: 16 }
  coverLines.forEach(([k, v], i) => {
    setCell(cover.getCell(i + 3, 1), k)
    cover.getCell(i + 3, 1).font = { ...baseFont, bold: true }
    setCell(cover.getCell(i + 3, 2), v)
  })
  cover.getColumn(1).width = 14
  cover.getColumn(2).width = 80

  const single = (name: string, list: ExportTable[]) => {
    const sheet = add(name)
    let row = 1
    for (const t of list) row = writeTable(sheet, row, t)
    fitColumns(sheet)
    return sheet
  }
  single('概要', [byId.get('summary')!])
  single(
    '内訳',
    tables.filter((t) => t.hasTotal),
  )
  single('段階の変化', [byId.get('transitions')!])
  single('事業一覧', [byId.get('programs')!])
  single('開催一覧', [byId.get('sessions')!])

  const programsTable = byId.get('programs')!
  const sessionsTable = byId.get('sessions')!
  // A sheet per program helps with a handful; with hundreds the book becomes unusable, and
  // 事業一覧 and 開催一覧 above already hold every figure.
  const perProgram = report.programs.length <= MAX_PROGRAM_SHEETS ? report.programs : []
  if (perProgram.length < report.programs.length) {
    const row = coverLines.length + 3
    setCell(cover.getCell(row, 1), '事業別シート')
    cover.getCell(row, 1).font = { ...baseFont, bold: true }
    setCell(
      cover.getCell(row, 2),
      `事業が${report.programs.length}件あるため、事業ごとのシートは作らず「事業一覧」「開催一覧」にまとめました`,
    )
  }
  // 開催一覧 lists every program's sessions in report.programs' order: each program's rows are
  // its own slice (names need not be unique: two programs can both be called 現地ツアー).
  const sessionRowsOf = new Map<string, ExportTable['rows']>()
  let offset = 0
  for (const p of report.programs) {
    sessionRowsOf.set(p.id, sessionsTable.rows.slice(offset, offset + p.sessions.length))
    offset += p.sessions.length
  }
  perProgram.forEach((p, i) => {
    const figures: ExportTable = {
      id: `program-${p.id}`,
      title: p.name,
      headers: ['項目', '値'],
      textColumns: [],
      hasTotal: false,
      rows: programsTable.headers.slice(1).map((h, c) => [h, programsTable.rows[i][c + 1]]),
    }
    const sessions: ExportTable = {
      ...sessionsTable,
      title: '開催',
      headers: sessionsTable.headers.slice(1),
      textColumns: [0],
      rows: (sessionRowsOf.get(p.id) ?? []).map((r) => r.slice(1)),
    }
    single(`事業${i + 1} ${p.name}`, [figures, sessions])
  })

  const definitions = add('定義')
  setCell(definitions.getCell('A1'), '用語と数え方の定義')
  definitions.getCell('A1').font = { ...baseFont, bold: true, size: 12 }
  report.definitions.forEach((d, i) => {
    setCell(definitions.getCell(i + 2, 1), d.term)
    definitions.getCell(i + 2, 1).font = { ...baseFont, bold: true }
    setCell(definitions.getCell(i + 2, 2), d.text)
    definitions.getCell(i + 2, 2).alignment = { wrapText: true, vertical: 'top' }
  })
  definitions.getColumn(1).width = 16
  definitions.getColumn(2).width = 100

  if (options.roster) writeRoster(add('名簿（個人情報）'), options.roster)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

function writeRoster(sheet: ExcelJS.Worksheet, roster: RosterRow[]): void {
  sheet.properties.tabColor = { argb: 'FFC00000' }
  setCell(sheet.getCell('A1'), PERSONAL_DATA_NOTE)
  sheet.getCell('A1').font = { ...baseFont, bold: true, color: { argb: 'FFC00000' } }
  const table: ExportTable = {
    id: 'roster',
    title: '年度内に関わった人',
    headers: [
      '氏名',
      'フリガナ',
      '都道府県コード',
      '市区町村コード',
      '関わり',
      '現地',
      'オンライン',
      '宿泊数',
      '最初の日',
      '最後の日',
    ],
    textColumns: [2, 3, 8, 9],
    hasTotal: false,
    rows: roster.map((r) => [
      r.name,
      r.kana,
      r.prefectureCode,
      r.municipalityCode,
      r.involvements,
      r.onsite,
      r.online,
      r.nights,
      r.firstDate,
      r.lastDate,
    ]),
  }
  writeTable(sheet, 3, table)
  fitColumns(sheet)
  sheet.getColumn(1).width = 24
}
