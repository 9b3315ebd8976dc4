import type { Database as Sqlite } from 'better-sqlite3'
import { ApiError } from '../../../shared/contract/errors'
import type { ImportFixRowResult } from '../../../shared/contract/imports'
import { todayIso } from '../../../shared/domain/dates'
import { duplicatesWithinFile } from '../../../shared/domain/import/dedupe'
import { personMapping } from '../../../shared/domain/import/kinds'
import { readPersonRow } from '../../../shared/domain/import/personRow'
import type { BackendContext } from '../context'
import { findPreview, toRowView } from './contactsImport'
import { isCommitting } from './commitOnce'
import { isKindPreview } from './kindsImport'
import type { ContactsPreview, PreviewRow } from './contactsPreview'
import { personMatches } from './personMatches'

const displayName = (p: { familyName: string | null; givenName: string | null }) =>
  `${p.familyName ?? ''} ${p.givenName ?? ''}`.trim()

function countsOf(rows: readonly PreviewRow[]): ContactsPreview['counts'] {
  return {
    rows: rows.length,
    ok: rows.filter((r) => r.read.ok).length,
    errors: rows.filter((r) => !r.read.ok).length,
    warnings: rows.filter((r) => r.read.issues.some((i) => i.severity === 'warning')).length,
    duplicates: rows.filter((r) => r.duplicates.length > 0).length,
  }
}

/**
 * Re-reads one row of a contacts preview from corrected cells: its draft and issues, its
 * candidates in the database, and the in-file duplicates of every row (the fix can make this
 * row match an earlier or later one, or stop matching). The kept preview changes in place, so
 * the commit writes the corrected values; nothing touches the database.
 */
export function fixContactsRow(
  sqlite: Sqlite,
  preview: ContactsPreview,
  index: number,
  cells: readonly string[],
  today: string,
): PreviewRow {
  const row = preview.rows[index]
  if (!row) throw ApiError.from('NOT_FOUND', { index }, `${index + 1}件目の行はこの確認画面にありません。`)
  const before = preview.source.rows[row.line - 1] ?? []
  // A shorter edit must not drop columns the editor did not show (unmapped ones).
  const fixed = Array.from({ length: Math.max(before.length, cells.length) }, (_, i) => cells[i] ?? before[i] ?? '')
  preview.source.rows[row.line - 1] = fixed
  row.read = readPersonRow(fixed, personMapping(preview.mapping), today)
  const inDb = new Map(preview.rows.map((r) => [r.index, r.duplicates.filter((d) => d.contactId !== undefined)]))
  inDb.set(index, personMatches(sqlite, [row.read.draft])[0] ?? [])
  const drafts = preview.rows.map((r) => r.read.draft)
  const inFile = duplicatesWithinFile(drafts)
  for (const r of preview.rows) {
    const earlier = (inFile.get(r.index) ?? []).map((d) => ({ row: d.row, name: displayName(drafts[d.row]!), match: d.match }))
    r.duplicates = [...inDb.get(r.index)!, ...earlier].sort((a, b) => b.match.score - a.match.score)
  }
  preview.counts = countsOf(preview.rows)
  return row
}

/**
 * import.fixRow: the corrected row as the review grid shows it, and the preview's new counts.
 * Contacts only for now: a visits or programs preview is refused with a clear message (their
 * rows plug in here with their own re-reader, readVisitRow / readProgramRow, and regrouping).
 */
export function fixPreviewRow(ctx: BackendContext, previewId: string, index: number, cells: string[]): ImportFixRowResult {
  if (isKindPreview(ctx, previewId))
    throw ApiError.from(
      'INVALID_ARGS',
      { previewId },
      'この種類の取り込みでは、確認画面で行を修正できません。元のファイルを直して読み込み直してください。',
    )
  const preview = findPreview(ctx, previewId)
  if (isCommitting(preview)) throw ApiError.from('CONFLICT', { previewId }, '取り込みの実行中は行を修正できません。')
  const row = fixContactsRow(ctx.handle.sqlite, preview, index, cells, todayIso())
  return { row: toRowView(row, preview.source.rows[row.line - 1] ?? []), counts: preview.counts }
}
