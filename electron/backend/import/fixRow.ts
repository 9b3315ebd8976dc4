import type { Database as Sqlite } from 'better-sqlite3'
import { ApiError } from '../../../shared/contract/errors'
import type { ImportFixRowResult } from '../../../shared/contract/imports'
import { todayIso } from '../../../shared/domain/dates'
import { personMapping } from '../../../shared/domain/import/kinds'
import { readPersonRow } from '../../../shared/domain/import/personRow'
import type { BackendContext } from '../context'
import { findPreview, toRowView } from './contactsImport'
import { isCommitting } from './commitOnce'
import { isKindPreview } from './kindsImport'
import { countsOf } from './contactsPreview'
import type { ContactsPreview, PreviewRow } from './contactsPreview'
import { personMatches } from './personMatches'

/**
 * Re-reads one row of a contacts preview from corrected cells: its draft and issues, and the
 * duplicates of every row, found exactly as the preview found them (the fix can make this row
 * match an earlier or later one, or stop matching). The kept preview changes in place, so the
 * commit writes the corrected values; nothing touches the database. The whole file is matched
 * again: correct by construction, and for the lists people fix by hand, quick.
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
  const matches = personMatches(
    sqlite,
    preview.rows.map((r) => r.read.draft),
  )
  for (const r of preview.rows) r.duplicates = matches[r.index]!
  preview.counts = countsOf(preview.rows, preview.rows.filter((r) => r.duplicates.length > 0).length)
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
  return { row: toRowView(preview, row), counts: preview.counts }
}
