import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Backend } from '../../electron/backend/backend'
import { openBackend } from '../../electron/backend/backend'
import { ApiError } from '../../shared/contract/errors'
import { readWorkbook } from './reports/xlsxRead'

const FORM = 'resources/forms/様式第2号_実績報告書_記入例.xlsx'
const FY = 2024

let backend: Backend
let dir: string
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kakehashi-forms-'))
  backend = await openBackend({ file: path.join(dir, 'demo.db'), demo: true, userName: 'tester' })
})
afterAll(async () => {
  await backend.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const fill = (template: Buffer, suppress = false) =>
  backend.client.call('reports.fillForm', {
    fiscalYear: FY,
    suppress,
    fileName: '様式第2号.xlsx',
    templateBase64: template.toString('base64'),
  })

describe('filling a user form (様式)', () => {
  it('fills the shipped example form and keeps merged cells, formatting and the second sheet', async () => {
    const template = fs.readFileSync(FORM)
    const report = await backend.client.call('reports.fiscalYear', { fiscalYear: FY })
    const file = await fill(template)
    expect(file.fileName).toBe('様式第2号_2024年度_記入済.xlsx')
    const wb = await readWorkbook(file)
    const before = await readWorkbook(template)

    expect(wb.worksheets.map((w) => w.name)).toEqual(['様式第2号', '記入上の注意'])
    const sheet = wb.getWorksheet('様式第2号')!
    const merges = (ws: ExcelJS.Worksheet) => [...(ws.model as { merges: string[] }).merges].sort()
    expect(merges(sheet)).toEqual(merges(before.getWorksheet('様式第2号')!))
    expect(merges(sheet)).toContain('A1:G1')
    expect(merges(sheet)).toContain('A15:B16')

    expect(sheet.getCell('A1').value).toBe('関係人口創出事業 実績報告書（様式第2号）')
    expect(sheet.getCell('B4').value).toBe('令和6年度（2024年度）（2024-04-01〜2025-03-31）')
    expect(sheet.getCell('C7').value).toBe(report.uniquePeople)
    expect(sheet.getCell('C8').value).toBe(report.totalInvolvements)
    // 延べ人数 is counted in 人 everywhere in the app, and the form's note explains both kinds of
    // hidden cell the filled form can hold.
    expect(sheet.getCell('B8').value).toBe('延べ人数（人）')
    expect(String(sheet.getCell('A33').value)).toContain('「秘匿」')
    expect(sheet.getCell('C11').value).toBe(report.movedIn)
    expect(sheet.getCell('C16').value).toBe(report.byArea['東京圏'])
    expect(sheet.getCell('G16').value).toBe(report.byArea['不明'])
    // Formatting survives: font, fill, border, number format, column width.
    expect(sheet.getCell('C7').font.name).toBe('游ゴシック')
    expect(sheet.getCell('C7').numFmt).toBe('#,##0')
    expect(sheet.getCell('C7').border.top?.style).toBe('thin')
    expect(sheet.getCell('A7').fill).toEqual(before.getWorksheet('様式第2号')!.getCell('A7').fill)
    expect(sheet.getColumn(2).width).toBe(30)

    // The per-program table: one row per program, formatted like the marker row.
    report.programs.forEach((p, i) => {
      expect(sheet.getCell(`A${20 + i}`).value).toBe(i + 1)
      expect(sheet.getCell(`B${20 + i}`).value).toBe(p.name)
      expect(sheet.getCell(`F${20 + i}`).value).toBe(p.uniquePeople)
      expect(sheet.getCell(`B${20 + i}`).border.left?.style).toBe('thin')
    })
    expect(sheet.getCell(`B${20 + report.programs.length}`).value).toBeNull()
    // No placeholder left anywhere.
    sheet.eachRow((row) => row.eachCell((cell) => expect(String(cell.value)).not.toContain('{{')))
    expect(wb.getWorksheet('記入上の注意')!.getCell('A2').value).toBe(
      '1. 実人数は、年度内に1回以上参加した人の数を記入すること。',
    )
  })

  it('suppresses small numbers in the form like in every other export', async () => {
    const wb = await readWorkbook(await fill(fs.readFileSync(FORM), true))
    const sheet = wb.getWorksheet('様式第2号')!
    // Column A numbers the rows; C (開催回数) counts sessions, not people, and 開催一覧 lists them all.
    const peopleCells: string[] = []
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value !== 'number' || ['A', 'C'].includes(cell.address[0]!)) return
        peopleCells.push(cell.address)
        expect([1, 2], cell.address).not.toContain(cell.value)
      }),
    )
    expect(peopleCells.length).toBeGreaterThan(20)
  })

  it('refuses a form with an unknown placeholder or too few table rows, naming the problem', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('様式')
    ws.getCell('A1').value = '{{uniquePeople}}'
    ws.getCell('A2').value = '{{kazoekata}}'
    const unknown = await fill(Buffer.from(await wb.xlsx.writeBuffer())).catch((e: unknown) => e)
    expect(unknown).toBeInstanceOf(ApiError)
    expect((unknown as ApiError).message).toContain('{{kazoekata}}')

    const tight = new ExcelJS.Workbook()
    const t = tight.addWorksheet('様式')
    t.getCell('A1').value = '{{program.name}}'
    t.getCell('A2').value = '合計'
    const short = await fill(Buffer.from(await tight.xlsx.writeBuffer())).catch((e: unknown) => e)
    expect((short as ApiError).message).toContain('行が足りません')

    const broken = await fill(Buffer.from('not a workbook')).catch((e: unknown) => e)
    expect((broken as ApiError).message).toContain('.xlsx')
  })
})

describe('the form and the tables hide the same cells', () => {
  it('when small counts tie, both hide the same one (else side by side they give it away)', async () => {
    const { freshBackend } = await import('./tempDb')
    const { formValues } = await import('../../electron/backend/export/formValues')
    const { reportTables } = await import('../../shared/domain/reports/tables')
    const { client } = await freshBackend()
    const report = await client.call('reports.fiscalYear', { fiscalYear: 2025 })
    // 4月 1, 5月 5, 10月 5 of 11 (k = 3); 北海道 5, 東京都 5, 島根県 1 of 11.
    for (const m of Object.keys(report.byMonth)) report.byMonth[m] = 0
    Object.assign(report.byMonth, { '2025-04': 1, '2025-05': 5, '2025-10': 5 })
    report.totalInvolvements = 11
    report.byPrefecture = { '01': 5, '13': 5, '32': 1 }
    report.uniquePeople = 11
    const form = formValues(report, 3)
    const tables = reportTables(report, { suppressionK: 3 })
    const hiddenInTable = (id: string, keys: string[]) => {
      const rows = tables.find((t) => t.id === id)!.rows.slice(0, keys.length)
      return keys.filter((_, i) => typeof rows[i]!.at(-1) === 'string')
    }
    const hiddenInForm = (name: string, keys: string[]) => keys.filter((key) => typeof form.get(`${name}.${key}`) === 'string')
    const months = ['04', '05', '06', '07', '08', '09', '10', '11', '12', '01', '02', '03']
    const keys = months.map((m, i) => `${i < 9 ? 2025 : 2026}-${m}`)
    expect(hiddenInForm('byMonth', keys)).toEqual(hiddenInTable('byMonth', keys))
    expect(hiddenInForm('byMonth', keys).length).toBeGreaterThanOrEqual(2)
    // A form written with the month alone ({{byMonth.04}}) gets the very same cells.
    expect(months.map((m) => form.get(`byMonth.${m}`))).toEqual(keys.map((k) => form.get(`byMonth.${k}`)))
    const prefectures = ['01', '13', '32']
    expect(hiddenInForm('byPrefecture', prefectures)).toEqual(hiddenInTable('byPrefecture', prefectures))
  })
})

describe('the summary hides 現地 and オンライン together', () => {
  it('so a small オンライン cannot be worked out as 延べ − 現地, in the tables or the form', async () => {
    const { freshBackend } = await import('./tempDb')
    const { formValues } = await import('../../electron/backend/export/formValues')
    const { reportTables } = await import('../../shared/domain/reports/tables')
    const { client } = await freshBackend()
    const report = await client.call('reports.fiscalYear', { fiscalYear: 2025 })
    Object.assign(report, { totalInvolvements: 10, onsiteVisits: 9, onlineInvolvements: 1 })
    const summary = reportTables(report, { suppressionK: 3 }).find((t) => t.id === 'summary')!
    const value = (key: string) => summary.rows.find((r) => r[1] === key)![2]
    expect(value('totalInvolvements')).toBe(10)
    expect(typeof value('onlineInvolvements')).toBe('string')
    expect(typeof value('onsiteVisits')).toBe('string')
    const form = formValues(report, 3)
    expect([form.get('onsiteVisits'), form.get('onlineInvolvements')]).toEqual([
      value('onsiteVisits'),
      value('onlineInvolvements'),
    ])
    // Both large: both shown.
    Object.assign(report, { totalInvolvements: 20, onsiteVisits: 12, onlineInvolvements: 8 })
    expect(formValues(report, 3).get('onlineInvolvements')).toBe(8)
  })
})

describe('count-only participation has one name', () => {
  it('the exported tables and definitions call it what ホーム and プログラム call it, never 匿名', async () => {
    const { reportTables } = await import('../../shared/domain/reports/tables')
    const report = await backend.client.call('reports.fiscalYear', { fiscalYear: FY })
    const tables = reportTables(report, { suppressionK: 3 })
    const words = [
      ...tables.flatMap((t) => [t.title, ...t.headers, ...t.rows.map((r) => String(r[0]))]),
      ...report.definitions.map((d) => `${d.term}:${d.text}`),
    ].join('\n')
    // 匿名化 (erasing a person's identity on request) is another thing, defined on its own.
    expect(words).not.toMatch(/匿名(?!化)/)
    expect(tables.find((t) => t.id === 'sessions')!.headers).toContain('人数のみの参加')
    expect(words).toContain('名前を記録しない参加（人数のみの参加）')
  })
})
