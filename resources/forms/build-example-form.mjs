// Builds the example form (様式) shipped with Kakehashi: a fictional 実績報告書 with
// placeholders, merged cells and a second sheet. Run: node resources/forms/build-example-form.mjs
import ExcelJS from 'exceljs'
import { fileURLToPath } from 'node:url'

const font = { name: '游ゴシック', size: 11 }
const thin = { style: 'thin' }
const box = { top: thin, bottom: thin, left: thin, right: thin }

export async function buildExampleForm() {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'かけはし（記入例）'
  const ws = wb.addWorksheet('様式第2号', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true } })
  ws.columns = [{ width: 6 }, { width: 30 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 12 }]
  const put = (ref, value, style = {}) => {
    const cell = ws.getCell(ref)
    cell.value = value
    cell.font = { ...font, ...(style.font ?? {}) }
    if (style.border) cell.border = box
    if (style.align) cell.alignment = style.align
    if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: style.fill } }
    if (style.numFmt) cell.numFmt = style.numFmt
  }
  ws.mergeCells('A1:G1')
  put('A1', '関係人口創出事業 実績報告書（様式第2号）', { font: { bold: true, size: 16 }, align: { horizontal: 'center' } })
  put('A3', '団体名')
  ws.mergeCells('B3:G3')
  put('B3', '{{organizationName}}', { border: true })
  put('A4', '年度')
  ws.mergeCells('B4:G4')
  put('B4', '{{fiscalYearLabel}}（{{periodStart}}〜{{periodEnd}}）', { border: true })

  put('A6', '1. 実績の概要', { font: { bold: true } })
  const summary = [
    ['実人数（人）', '{{uniquePeople}}'],
    ['延べ人数（人）', '{{totalInvolvements}}'],
    ['うち新規（人）', '{{newPeople}}'],
    ['継続的に関わった人（人）', '{{continuingPeople}}'],
    ['移住した人（人）', '{{movedIn}}'],
    ['延べ宿泊数（泊）', '{{totalNights}}'],
  ]
  summary.forEach(([label, value], i) => {
    const r = 7 + i
    ws.mergeCells(`A${r}:B${r}`)
    put(`A${r}`, label, { border: true, fill: 'FFF2F2F2' })
    put(`C${r}`, value, { border: true, numFmt: '#,##0', align: { horizontal: 'right' } })
  })

  put('A14', '2. 居住地別の実人数', { font: { bold: true } })
  ;['東京圏', '名古屋圏', '大阪圏', 'その他', '不明'].forEach((area, i) => {
    put(`${String.fromCharCode(67 + i)}15`, area, { border: true, fill: 'FFF2F2F2', align: { horizontal: 'center' } })
    put(`${String.fromCharCode(67 + i)}16`, `{{byArea.${area}}}`, {
      border: true,
      numFmt: '#,##0',
      align: { horizontal: 'right' },
    })
  })
  ws.mergeCells('A15:B16')
  put('A15', '人数（人）', { border: true, align: { vertical: 'middle' } })

  put('A18', '3. 事業別の実績', { font: { bold: true } })
  ;['No.', '事業名', '開催回数', '応募', '修了', '実人数', '延べ人数'].forEach((h, i) =>
    put(`${String.fromCharCode(65 + i)}19`, h, { border: true, fill: 'FFF2F2F2', align: { horizontal: 'center' } }),
  )
  const marker = [
    '{{program.no}}',
    '{{program.name}}',
    '{{program.sessions}}',
    '{{program.applicants}}',
    '{{program.completed}}',
    '{{program.uniquePeople}}',
    '{{program.totalInvolvements}}',
  ]
  for (let r = 20; r < 32; r++)
    marker.forEach((m, i) =>
      put(`${String.fromCharCode(65 + i)}${r}`, r === 20 ? m : null, { border: true, numFmt: i >= 2 ? '#,##0' : undefined }),
    )
  put(
    'A33',
    '※ 実人数・延べ人数の定義は別紙「定義」のとおり。1〜2人の区分は「3未満」、そこから逆算できる値は「秘匿」と表示しています。',
    { font: { size: 9 } },
  )

  const notes = wb.addWorksheet('記入上の注意')
  notes.getColumn(1).width = 90
  ;[
    '記入上の注意（架空の様式です）',
    '1. 実人数は、年度内に1回以上参加した人の数を記入すること。',
    '2. 延べ人数は、参加した回数の合計を記入すること。',
    '3. 少人数の区分は、個人が特定されないよう秘匿すること。',
  ].forEach((line, i) => {
    const cell = notes.getCell(i + 1, 1)
    cell.value = line
    cell.font = { ...font, bold: i === 0 }
  })
  return Buffer.from(await wb.xlsx.writeBuffer())
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const fs = await import('node:fs')
  const target = fileURLToPath(new URL('./様式第2号_実績報告書_記入例.xlsx', import.meta.url))
  fs.writeFileSync(target, await buildExampleForm())
  console.log(`wrote ${target}`)
}
