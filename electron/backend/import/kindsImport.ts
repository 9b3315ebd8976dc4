import { ApiError } from '../../../shared/contract/errors'
import type { ImportCommitResult, ImportPreview, ImportPreviewRow } from '../../../shared/contract/imports'
import { todayIso } from '../../../shared/domain/dates'
import { fieldsOfKind } from '../../../shared/domain/import/kinds'
import type { AnyImportField } from '../../../shared/domain/import/kinds'
import { emptyDraft } from '../../../shared/domain/import/personRow'
import type { BackendContext } from '../context'
import { batchItems, findBatch } from '../db/repos/importRepo'
import { kindRemovers, laterRecords } from '../db/repos/importKindsRepo'
import type { LaterKindRecords } from '../db/repos/importKindsRepo'
import { commitOnce } from './commitOnce'
import { importsChanged, previewView, storePerDatabase } from './previewStore'
import { undoContactsImport } from './contactsCommit'
import type { CommitOptions, RowDecision } from './contactsCommit'
import { duplicateView, undoImport } from './contactsImport'
import type { EncodingChoice } from './decode'
import { buildProgramsPreview, buildVisitsPreview } from './kindsPreview'
import type { KindPreview, ProgramPreviewRow, VisitPreviewRow } from './kindsPreview'
import { commitProgramsPreview } from './programsCommit'
import { readFilledSource } from './source'
import type { ImportInput } from './source'
import { commitVisitsPreview } from './visitsCommit'

/** Visits/programs previews of one open database (the contacts store keeps its own). */
const storeOf = storePerDatabase<KindPreview>()

/** True when the preview id is a visits/programs preview of this database. */
export function isKindPreview(ctx: BackendContext, previewId: string): boolean {
  return storeOf(ctx).has(previewId)
}

export const findKindPreview = (ctx: BackendContext, previewId: string): KindPreview => storeOf(ctx).find(previewId)
const findPreview = findKindPreview

function rowView(preview: KindPreview, row: VisitPreviewRow | ProgramPreviewRow): ImportPreviewRow {
  const cells = preview.source.rows[row.line - 1] ?? []
  if ('target' in row)
    return {
      index: row.index,
      line: row.line,
      cells,
      draft: row.read.person.draft,
      issues: row.read.issues,
      ok: row.read.ok,
      duplicates: row.duplicates.map((d) => duplicateView(d, preview.rows)),
      visit: row.target,
    }
  return {
    index: row.index,
    line: row.line,
    cells,
    draft: emptyDraft(),
    issues: row.read.issues,
    ok: row.read.ok,
    duplicates: [],
    program: row.view,
  }
}

/** Reads a visits or programs source into a preview kept for commit; writes nothing. */
export async function previewKindImport(
  ctx: BackendContext,
  kind: 'visits' | 'programs',
  input: ImportInput,
  options: { encoding?: EncodingChoice; sheet?: string; headerRow?: number; mapping?: AnyImportField[] },
): Promise<{ view: ImportPreview; preview: KindPreview }> {
  const source = await readFilledSource(input, options)
  const build = kind === 'visits' ? buildVisitsPreview : buildProgramsPreview
  const preview = build(ctx.handle.sqlite, source, { ...options, today: todayIso() })
  // Only a header: committing it would take a backup and leave an empty import in the history.
  if (preview.rows.length === 0) {
    throw ApiError.from(
      'IMPORT_UNREADABLE',
      { fileName: input.fileName, rows: 0, headerRow: preview.headerRow },
      '取り込める行がありません（見出しの行だけで、その下にデータの行がありません）。',
    )
  }
  storeOf(ctx).put(preview)
  const firstRows = (preview.rows as (VisitPreviewRow | ProgramPreviewRow)[]).slice(0, 200).map((r) => rowView(preview, r))
  const view = previewView(kind, fieldsOfKind(kind), source, preview, firstRows)
  return { view, preview }
}

export function kindPreviewPage(
  ctx: BackendContext,
  previewId: string,
  offset: number,
  limit: number,
  filter: 'all' | 'errors' | 'warnings' | 'duplicates',
) {
  const preview = findPreview(ctx, previewId)
  const rows = (preview.rows as (VisitPreviewRow | ProgramPreviewRow)[]).filter((r) =>
    filter === 'errors'
      ? !r.read.ok
      : filter === 'warnings'
        ? r.read.issues.some((i) => i.severity === 'warning')
        : filter === 'duplicates'
          ? 'duplicates' in r && r.duplicates.length > 0
          : true,
  )
  return { rows: rows.slice(offset, offset + limit).map((r) => rowView(preview, r)), total: rows.length }
}

/** Commits a visits/programs preview: a verified backup, then ONE transaction job. */
export async function commitKindImport(
  ctx: BackendContext,
  previewId: string,
  onDuplicate: CommitOptions['onDuplicate'],
  decisions: Record<string, RowDecision>,
  jobId?: string,
): Promise<ImportCommitResult> {
  const preview = findPreview(ctx, previewId)
  const request = { onDuplicate, decisions, jobId }
  const result =
    preview.kind === 'visits'
      ? await commitOnce(ctx, preview, request, (options) => commitVisitsPreview(ctx.handle.sqlite, preview, options))
      : await commitOnce(ctx, preview, request, (options) => commitProgramsPreview(ctx.handle.sqlite, preview, options))
  storeOf(ctx).delete(previewId)
  emitChanged(ctx, preview.kind)
  return result
}

function emitChanged(ctx: BackendContext, kind: 'visits' | 'programs') {
  if (kind === 'visits') {
    ctx.events.emit('data.changed', { entity: 'contact' })
    ctx.events.emit('data.changed', { entity: 'visit' })
  } else {
    ctx.events.emit('data.changed', { entity: 'program' })
    ctx.events.emit('data.changed', { entity: 'session' })
  }
}

/**
 * Undo deletes what the import created, and with it whatever was added to that or changed in
 * it since: rather than lose that silently, it refuses and says what is in the way (as the
 * contacts undo does for the people it created).
 */
function refuseIfRecordedSince(later: LaterKindRecords, batchId: string): void {
  const parts = [
    later.enrollments && `参加申込 ${later.enrollments}件`,
    later.visits && `参加・訪問 ${later.visits}件`,
    later.sessions && `後から追加した開催回 ${later.sessions}件`,
    later.edited && `取り込み後の編集 ${later.edited}件`,
  ].filter(Boolean)
  if (parts.length === 0) return
  throw ApiError.from(
    'CONFLICT',
    { batchId, ...later },
    `この取り込みで登録したプログラムや記録に、その後の記録（${parts.join('、')}）があるため取り消せません。` +
      '取り消すとそれらも消えてしまいます。先にそれらを削除するか、プログラムや記録を個別に編集・削除してください。',
  )
}

/**
 * "Undo this import" for every kind. A visits/programs batch loses exactly what it created —
 * visits, then sessions, then programs — and then its people and merges go back the way the
 * contacts undo takes them back, all in one transaction.
 */
export function undoAnyImport(
  ctx: BackendContext,
  batchId: string,
): { removed: number; reverted: number; kindRemoved?: { visits: number; sessions: number; programs: number } } {
  const sqlite = ctx.handle.sqlite
  const batch = findBatch(sqlite, batchId)
  if (!batch || batch.kind === 'contacts') return undoImport(ctx, batchId)
  if (batch.undoneAt) throw ApiError.from('CONFLICT', { batchId }, 'この取り込みはすでに取り消されています。')
  const now = new Date().toISOString()
  const remove = kindRemovers(sqlite)
  const result = sqlite.transaction(() => {
    const kindRemoved = { visits: 0, sessions: 0, programs: 0 }
    const items = batchItems(sqlite, batchId).filter((i) => i.action === 'created')
    const idsOf = (entity: string) => items.filter((i) => i.entity === entity).map((i) => i.entityId)
    const later = laterRecords(
      sqlite,
      { programs: idsOf('program'), sessions: idsOf('session'), visits: idsOf('visit') },
      batch.createdAt,
    )
    refuseIfRecordedSince(later, batchId)
    for (const entity of ['visit', 'session', 'program'] as const) {
      for (const item of items.filter((i) => i.entity === entity)) {
        const gone = remove[entity](item.entityId)
        if (gone > 0) remove.audit(now, ctx.userName, entity, item.entityId, batchId)
        kindRemoved[`${entity}s`] += gone
      }
    }
    const people = undoContactsImport(sqlite, batchId, ctx.userName, now)
    return { ...people, kindRemoved }
  })()
  importsChanged(ctx)
  emitChanged(ctx, batch.kind as 'visits' | 'programs')
  return result
}
