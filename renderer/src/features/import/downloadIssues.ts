import type { ImportPreview, ImportPreviewRow } from '../../../../shared/contract/imports'
import { mimeTypes } from '../../../../shared/contract/files'
import { toCsv, UTF8_BOM } from '../../../../shared/domain/csv'
import { api } from '../../api/client'
import { saveDownload } from '../../api/download'
import { issueReportRows } from './issueReport'
import type { IssueReportLabels } from './issueReport'

async function allRows(previewId: string, filter: 'errors' | 'warnings'): Promise<ImportPreviewRow[]> {
  const rows: ImportPreviewRow[] = []
  for (;;) {
    const page = await api.call('import.previewRows', { previewId, filter, offset: rows.length, limit: 1000 })
    rows.push(...page.rows)
    if (page.rows.length === 0 || rows.length >= page.total) return rows
  }
}

function base64OfUtf8(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** Every error and warning of the whole file (not just the page on screen) as a CSV for Excel. */
export async function downloadIssues(preview: ImportPreview, labels: IssueReportLabels, fileName: string): Promise<void> {
  const [errors, warnings] = await Promise.all([allRows(preview.previewId, 'errors'), allRows(preview.previewId, 'warnings')])
  const byIndex = new Map([...errors, ...warnings].map((r) => [r.index, r]))
  const csv = toCsv(issueReportRows([...byIndex.values()], preview.headers, labels))
  saveDownload({ fileName, mimeType: mimeTypes.csv, base64: base64OfUtf8(UTF8_BOM + csv) })
}
