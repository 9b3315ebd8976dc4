import { ApiError } from '../../../shared/contract/errors'
import type { ImportPreview, ImportPreviewRow } from '../../../shared/contract/imports'
import type { AnyImportField } from '../../../shared/domain/import/kinds'
import type { BackendContext } from '../context'
import type { SourceTable } from './source'

/** Previews wait here between "preview" and "commit"; only the latest few are kept. */
export class PreviewStore<P extends { previewId: string }> {
  readonly #previews = new Map<string, P>()
  put(preview: P): void {
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
      throw ApiError.from('NOT_FOUND', { previewId: id }, '確認画面の内容が古くなりました。もう一度ファイルを読み込んでください。')
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
    if (!store) stores.set(ctx, (store = new PreviewStore<P>()))
    return store
  }
}

/** What the review screen gets of a preview of any kind: the reading, the counts, the first rows. */
export function previewView(
  kind: ImportPreview['kind'],
  fields: AnyImportField[],
  source: SourceTable,
  preview: { previewId: string; headerRow: number; headers: string[]; mapping: AnyImportField[]; counts: ImportPreview['counts'] },
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
