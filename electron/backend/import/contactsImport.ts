import type { ImportPreview, ImportPreviewRow } from '../../../shared/contract/imports'
import { importFields } from '../../../shared/domain/import/headers'
import type { ImportField } from '../../../shared/domain/import/headers'
import { todayIso } from '../../../shared/domain/dates'
import type { BackendContext } from '../context'
import { commitContactsPreview, undoContactsImport } from './contactsCommit'
import type { CommitOptions, CommitResult, RowDecision } from './contactsCommit'
import { buildContactsPreview } from './contactsPreview'
import { importsChanged, previewView, storePerDatabase } from './previewStore'
import type { ContactsPreview, DuplicateMatch, PreviewRow } from './contactsPreview'
import { commitOnce } from './commitOnce'
import { readFilledSource } from './source'
import type { ImportInput } from './source'
import type { EncodingChoice } from './decode'

const storeOf = storePerDatabase<ContactsPreview>()

export function toRowView(preview: ContactsPreview, row: PreviewRow): ImportPreviewRow {
  return {
    index: row.index,
    line: row.line,
    cells: preview.source.rows[row.line - 1] ?? [],
    draft: row.read.draft,
    issues: row.read.issues,
    ok: row.read.ok,
    duplicates: row.duplicates.map((d) => duplicateView(d, preview.rows)),
  }
}

/** A row's candidate as the review screen gets it (`rows`: the preview's, to mark an error row). */
export function duplicateView(
  d: DuplicateMatch,
  rows: readonly { read: { ok: boolean } }[],
): ImportPreviewRow['duplicates'][number] {
  return {
    contactId: d.contactId,
    row: d.row,
    name: d.name,
    ...(d.detail ? { detail: d.detail } : {}),
    score: d.match.score,
    reasons: d.match.reasons,
    ...(d.match.otherName ? { otherName: true } : {}),
    ...(d.row !== undefined && rows[d.row]?.read.ok === false ? { rowError: true } : {}),
  }
}

export async function previewContactsImport(
  ctx: BackendContext,
  input: ImportInput,
  options: { encoding?: EncodingChoice; sheet?: string; headerRow?: number; mapping?: ImportField[] },
): Promise<{ view: ImportPreview; preview: ContactsPreview }> {
  const source = await readFilledSource(input, options)
  const preview = buildContactsPreview(ctx.handle.sqlite, source, { ...options, today: todayIso() })
  storeOf(ctx).put(preview)
  const firstRows = preview.rows.slice(0, 200).map((r) => toRowView(preview, r))
  const view = previewView('contacts', [...importFields], source, preview, firstRows)
  return { view, preview }
}

export function previewPage(
  ctx: BackendContext,
  previewId: string,
  offset: number,
  limit: number,
  filter: 'all' | 'errors' | 'warnings' | 'duplicates',
) {
  const preview = findPreview(ctx, previewId)
  const rows = preview.rows.filter((r) =>
    filter === 'errors'
      ? !r.read.ok
      : filter === 'warnings'
        ? r.read.issues.some((i) => i.severity === 'warning')
        : filter === 'duplicates'
          ? r.duplicates.length > 0
          : true,
  )
  return { rows: rows.slice(offset, offset + limit).map((r) => toRowView(preview, r)), total: rows.length }
}

export function findPreview(ctx: BackendContext, previewId: string): ContactsPreview {
  return storeOf(ctx).find(previewId)
}

export async function commitContactsImport(
  ctx: BackendContext,
  previewId: string,
  onDuplicate: CommitOptions['onDuplicate'],
  decisions: Record<string, RowDecision>,
  jobId?: string,
): Promise<CommitResult> {
  const preview = findPreview(ctx, previewId)
  const result = await commitOnce(ctx, preview, { onDuplicate, decisions, jobId }, (options) =>
    commitContactsPreview(ctx.handle.sqlite, preview, options),
  )
  storeOf(ctx).delete(previewId) // a preview is committed once
  ctx.events.emit('data.changed', { entity: 'contact' })
  return result
}

export function undoImport(ctx: BackendContext, batchId: string) {
  const result = undoContactsImport(ctx.handle.sqlite, batchId, ctx.userName)
  importsChanged(ctx)
  ctx.events.emit('data.changed', { entity: 'contact' })
  return result
}
