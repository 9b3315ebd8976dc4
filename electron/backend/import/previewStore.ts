import { ApiError } from '../../../shared/contract/errors'
import type { ImportPreview, ImportPreviewRow } from '../../../shared/contract/imports'
import type { AnyImportField } from '../../../shared/domain/import/kinds'
import type { BackendContext } from '../context'
import { peopleFingerprint } from '../db/repos/importRepo'
import type { SourceTable } from './source'

/**
 * How many imports have been committed or undone on this database since it was opened. A
 * preview is stamped with it: one read before another import (or an undo) looked for
 * duplicates among people who have changed since, so committing it could register the same
 * people twice (two windows, or a file read again before the first was committed).
 */
const importGenerations = new WeakMap<BackendContext, number>()
/**
 * Each preview's stamp: the import generation, and the people as they were when it looked for
 * duplicates (peopleFingerprint). A person added, edited, anonymized or deleted since could
 * otherwise be registered twice, or merged into — giving an anonymized person back their
 * name and e-mail.
 */
const stamps = new WeakMap<object, { generation: number; people: string }>()
const generationOf = (ctx: BackendContext) => importGenerations.get(ctx) ?? 0

/** Called when an import has been committed or undone: every preview read before it is stale. */
export function importsChanged(ctx: BackendContext): void {
  importGenerations.set(ctx, generationOf(ctx) + 1)
}

const staleMessage =
  '確認画面を開いた後に別の取り込み（または取り消し）が行われました。重複を正しく確かめるため、もう一度ファイルを読み込んでください。'
const peopleChangedMessage =
  '確認画面を開いた後に参加者の登録・編集・削除がありました。重複を正しく確かめるため、もう一度ファイルを読み込んでください。'

/** Refuses a preview read before the latest import or undo, or before people changed (see stamps). */
export function assertPreviewCurrent(ctx: BackendContext, preview: object & { previewId: string }): void {
  const stamp = stamps.get(preview)
  if (stamp === undefined) return
  if (stamp.generation !== generationOf(ctx))
    throw ApiError.from('CONFLICT', { previewId: preview.previewId, reason: 'stale preview' }, staleMessage)
  if (stamp.people !== peopleFingerprint(ctx.handle.sqlite))
    throw ApiError.from('CONFLICT', { previewId: preview.previewId, reason: 'people changed' }, peopleChangedMessage)
}

/** Previews wait here between "preview" and "commit"; only the latest few are kept. */
export class PreviewStore<P extends { previewId: string }> {
  readonly #previews = new Map<string, P>()
  constructor(readonly ctx: BackendContext) {}
  put(preview: P): void {
    stamps.set(preview, { generation: generationOf(this.ctx), people: peopleFingerprint(this.ctx.handle.sqlite) })
    this.#previews.set(preview.previewId, preview)
    while (this.#previews.size > 3) this.#previews.delete(this.#previews.keys().next().value!)
  }
  has(id: string): boolean {
    return this.#previews.has(id)
  }
  /** The preview, or a Japanese NOT_FOUND when it is gone (committed, or pushed out by newer ones). */
  find(id: string): P {
    const preview = this.#previews.get(id)
    if (!preview)
      throw ApiError.from(
        'NOT_FOUND',
        { previewId: id },
        '確認画面の内容が古くなりました。もう一度ファイルを読み込んでください。',
      )
    return preview
  }
  delete(id: string): void {
    this.#previews.delete(id)
  }
}

/** One store per open database: previews never outlive the backend that made them. */
export function storePerDatabase<P extends { previewId: string }>(): (ctx: BackendContext) => PreviewStore<P> {
  const stores = new WeakMap<BackendContext, PreviewStore<P>>()
  return (ctx) => {
    let store = stores.get(ctx)
    if (!store) stores.set(ctx, (store = new PreviewStore<P>(ctx)))
    return store
  }
}

/** What the review screen gets of a preview of any kind: the reading, the counts, the first rows. */
export function previewView(
  kind: ImportPreview['kind'],
  fields: AnyImportField[],
  source: SourceTable,
  preview: {
    previewId: string
    headerRow: number
    headers: string[]
    mapping: AnyImportField[]
    counts: ImportPreview['counts']
  },
  firstRows: ImportPreviewRow[],
): ImportPreview {
  return {
    previewId: preview.previewId,
    kind,
    fields,
    fileName: source.fileName,
    format: source.format,
    encoding: source.encoding,
    sheets: source.sheets,
    sheet: source.sheet,
    headerRow: preview.headerRow,
    headers: preview.headers,
    mapping: preview.mapping,
    notes: source.notes,
    counts: preview.counts,
    rows: firstRows,
  }
}
