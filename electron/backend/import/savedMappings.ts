import { uuidv7 } from 'uuidv7'
import { ApiError } from '../../../shared/contract/errors'
import type { SavedMappingView } from '../../../shared/contract/imports'
import { fieldsOfKind } from '../../../shared/domain/import/kinds'
import type { AnyImportField, ImportKind } from '../../../shared/domain/import/kinds'
import { cleanMappingName } from '../../../shared/domain/import/savedMapping'
import type { SavedMappingColumn } from '../../../shared/domain/import/savedMapping'
import type { BackendContext } from '../context'
import { deleteSavedMapping, findSavedMapping, listSavedMappings, upsertSavedMapping } from '../db/repos/savedMappingsRepo'
import type { SavedMappingRecord } from '../db/repos/savedMappingsRepo'

const view = ({ id, kind, name, columns, updatedAt }: SavedMappingRecord): SavedMappingView => ({
  id,
  kind,
  name,
  columns,
  updatedAt,
})

export function listMappings(ctx: BackendContext, kind?: ImportKind): SavedMappingView[] {
  return listSavedMappings(ctx.handle.sqlite, kind).map(view)
}

/**
 * Saves a mapping under a name. An existing mapping of the same kind and name is only replaced
 * when the caller says so: the UI asks 「上書きしますか？」 first, so nobody loses one by typo.
 */
export function saveMapping(
  ctx: BackendContext,
  input: { name: string; kind: ImportKind; columns: SavedMappingColumn[]; overwrite: boolean },
): SavedMappingView {
  const name = cleanMappingName(input.name)
  const allowed = new Set<AnyImportField>(fieldsOfKind(input.kind))
  const wrong = input.columns.findIndex((c) => !allowed.has(c.field))
  if (wrong >= 0) {
    throw ApiError.from(
      'INVALID_ARGS',
      { issues: [{ path: ['columns', wrong, 'field'], message: 'この種類の取り込みでは使えない項目です' }] },
      `「${input.columns[wrong]!.header}」の取り込み先は、この種類の取り込みでは使えません。`,
    )
  }
  const sqlite = ctx.handle.sqlite
  if (!input.overwrite && findSavedMapping(sqlite, input.kind, name)) {
    throw ApiError.from('CONFLICT', { name, kind: input.kind }, `「${name}」という対応付けはすでにあります。上書きしますか？`)
  }
  upsertSavedMapping(sqlite, { id: uuidv7(), kind: input.kind, name, columns: input.columns, at: new Date().toISOString() })
  return view(findSavedMapping(sqlite, input.kind, name)!)
}

export function deleteMapping(ctx: BackendContext, id: string): { deleted: true } {
  if (!deleteSavedMapping(ctx.handle.sqlite, id))
    throw ApiError.from('NOT_FOUND', { id }, 'この対応付けは見つかりません。すでに削除されています。')
  return { deleted: true }
}

/** The saved mapping of that name for a kind; unknown names are refused with the names there are. */
export function savedMappingByName(ctx: BackendContext, kind: ImportKind, name: string): SavedMappingRecord {
  const sqlite = ctx.handle.sqlite
  const found = findSavedMapping(sqlite, kind, cleanMappingName(name))
  if (found) return found
  const names = listSavedMappings(sqlite, kind).map((m) => `「${m.name}」`)
  throw ApiError.from(
    'NOT_FOUND',
    { name, kind, saved: names },
    names.length > 0
      ? `「${name}」という対応付けは保存されていません。保存されている対応付け: ${names.join('、')}`
      : `「${name}」という対応付けは保存されていません（保存されている対応付けはまだありません）。`,
  )
}
