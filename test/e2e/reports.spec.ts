import fs from 'node:fs'
import ExcelJS from 'exceljs'
import { expect, test } from './fixtures'
import { ReportsPage } from './pages/reportsPage'

const FORM = 'resources/forms/様式第2号_実績報告書_記入例.xlsx'

test.beforeEach(async ({ shell, door }) => {
  await shell.open(door.url)
  await shell.goTo('reports')
})

async function workbookOf(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(fs.readFileSync(path) as unknown as ArrayBuffer)
  return wb
}

test('the middle demo year shows figures, charts and definitions that match the backend', async ({ page, door }) => {
  const reports = new ReportsPage(page)
  await expect(reports.fiscalYear.locator('option[value="2024"]')).toHaveText('令和6年度（2024年度）')
  await reports.chooseYear(2024)
  await expect(reports.heading).toContainText('令和6年度（2024年度）')

  const expected = (await door.call('reports.fiscalYear', { fiscalYear: 2024 })) as {
    uniquePeople: number
    totalInvolvements: number
    programs: unknown[]
  }
  expect(expected.uniquePeople).toBeGreaterThan(0)
  await expect(reports.figure('uniquePeople')).toHaveText(`${expected.uniquePeople.toLocaleString('ja-JP')}人`)
  await expect(reports.figure('totalInvolvements')).toHaveText(`${expected.totalInvolvements.toLocaleString('ja-JP')}人`)

  for (const chart of ['by-month', 'by-area', 'by-age', 'stages'] as const) {
    await expect(reports.chart(chart).locator('rect').first()).toBeVisible()
  }
  await expect(reports.chart('by-month')).toHaveAttribute('aria-label', /4月.*3月/)
  await expect(reports.chart('by-area')).toHaveAttribute('aria-label', /東京圏/)
  // The top prefectures' shares are of everyone counted, like the areas', not of the eight shown.
  const byPrefecture = (expected as unknown as { byPrefecture: Record<string, number> }).byPrefecture
  const everyone = Object.values(byPrefecture).reduce((sum, n) => sum + n, 0)
  const top = Math.max(...Object.values(byPrefecture))
  await expect(reports.chart('top-prefectures').locator('text.chart-value').first()).toHaveText(
    `${top.toLocaleString('ja-JP')}（${Math.round((top / everyone) * 1000) / 10}%）`,
  )
  await expect(reports.programs.locator('tbody tr')).toHaveCount(expected.programs.length)
  // 人数のみの参加 per program, apart from 延べ人数, as the exports' 事業別 table has it.
  await expect(reports.programs.locator('thead th').last()).toHaveText('人数のみの参加')
  const counts = (expected.programs as { anonymousHeadcount: number }[]).map((p) => p.anonymousHeadcount)
  const most = counts.indexOf(Math.max(...counts))
  expect(counts[most]).toBeGreaterThan(0)
  await expect(reports.programs.locator('tbody tr').nth(most).locator('td').last()).toHaveText(
    counts[most]!.toLocaleString('ja-JP'),
  )
  await expect(reports.definitions).toContainText('実人数')
  await expect(reports.definitions).toContainText('3件以上')
})

test('exports XLSX and PDF as downloads that open', async ({ page }) => {
  const reports = new ReportsPage(page)
  await reports.chooseYear(2024)
  // Suppressed totals hold no one: no warning about personal data until a roster is asked for.
  await expect(page.getByText('個人情報がそのまま書き出されます')).toHaveCount(0)
  await page.getByTestId('report-roster').check()
  await expect(page.getByTestId('export-protect')).toBeChecked()
  await page.getByTestId('export-protect').uncheck()
  await expect(page.getByText('個人情報がそのまま書き出されます')).toBeVisible()
  await page.getByTestId('report-roster').uncheck()
  // The form hint shows the placeholder as it is written in a form.
  await expect(page.getByTestId('report-form-help')).toContainText('{{program.…}}')

  const xlsx = await reports.export('xlsx')
  expect(xlsx.suggestedFilename()).toBe('関係人口実績_2024年度.xlsx')
  const wb = await workbookOf(await xlsx.path())
  expect(wb.worksheets.map((w) => w.name)).toContain('表紙')
  expect(String(wb.getWorksheet('表紙')!.getCell('B4').value)).toContain('令和6年度（2024年度）')
  await expect(reports.exportStatus).toContainText('保存しました')

  const pdf = await reports.export('pdf')
  expect(pdf.suggestedFilename()).toBe('関係人口実績_2024年度.pdf')
  const bytes = fs.readFileSync(await pdf.path())
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
})

test('fills the example form (様式) picked from disk', async ({ page }) => {
  const reports = new ReportsPage(page)
  await reports.chooseYear(2024)
  const filled = await reports.fillForm(FORM)
  expect(filled.suggestedFilename()).toBe('様式第2号_実績報告書_記入例_2024年度_記入済.xlsx')
  const wb = await workbookOf(await filled.path())
  expect(wb.worksheets.map((w) => w.name)).toEqual(['様式第2号', '記入上の注意'])
  expect(typeof wb.getWorksheet('様式第2号')!.getCell('C7').value).toBe('number')
})
