import { reportTables } from '../../../shared/domain/reports/tables'
import type { ExportTable } from '../../../shared/domain/reports/tables'
import type { FiscalYearReport } from '../../../shared/domain/reports/types'
import { scopeText } from './reportXlsx'
import { suppressionNote } from './suppressionNote'

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

function tableHtml(t: ExportTable): string {
  const cell = (v: unknown) =>
    typeof v === 'number' ? `<td class="n">${v.toLocaleString('ja-JP')}</td>` : `<td>${escapeHtml(String(v ?? ''))}</td>`
  const rows = t.rows
    .map((r, i) => `<tr${t.hasTotal && i === t.rows.length - 1 ? ' class="total"' : ''}>${r.map(cell).join('')}</tr>`)
    .join('')
  return `<section><h2>${escapeHtml(t.title)}</h2><table><thead><tr>${t.headers
    .map((h) => `<th>${escapeHtml(h)}</th>`)
    .join('')}</tr></thead><tbody>${rows}</tbody></table></section>`
}

/**
 * The report as one self-contained HTML page (no scripts, no external resources) for PDF:
 * the same tables as the workbook, so the PDF and the XLSX cannot disagree.
 */
export function reportHtml(report: FiscalYearReport, suppressionK: number | null): string {
  const tables = reportTables(report, { suppressionK })
  const suppression = `少数の秘匿${suppressionNote(suppressionK)}`
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(report.fiscalYearLabel)} 関係人口 実績集計</title>
<style>
body{font-family:"IPAGothic","IPAexGothic","Yu Gothic","Hiragino Sans","Noto Sans CJK JP",sans-serif;font-size:10pt;color:#222}
h1{font-size:16pt;margin:0 0 4pt}h2{font-size:11.5pt;margin:12pt 0 4pt;border-left:4px solid #2f5d8a;padding-left:6px}
table{border-collapse:collapse;width:100%;page-break-inside:auto}tr{page-break-inside:avoid}
th,td{border:1px solid #bbb;padding:2pt 5pt;text-align:left}th{background:#e8eef6}td.n{text-align:right}
tr.total td{font-weight:bold;background:#f4f4f4}.meta{color:#444;margin:0 0 8pt}dl{margin:0}dt{font-weight:bold;margin-top:4pt}dd{margin:0 0 0 1em}
</style></head><body>
<h1>関係人口 実績集計 ${escapeHtml(report.fiscalYearLabel)}</h1>
<p class="meta">${escapeHtml(report.rules.organizationName || '')} 期間 ${report.period.start}〜${report.period.end} ／ ${escapeHtml(scopeText(report))} ／ ${escapeHtml(suppression)} ／ 作成 ${escapeHtml(new Date(report.generatedAt).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' }))}</p>
${tables.map(tableHtml).join('\n')}
<section><h2>定義</h2><dl>${report.definitions.map((d) => `<dt>${escapeHtml(d.term)}</dt><dd>${escapeHtml(d.text)}</dd>`).join('')}</dl></section>
</body></html>`
}
