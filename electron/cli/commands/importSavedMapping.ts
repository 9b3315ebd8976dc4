import { ApiError } from '../../../shared/contract/errors'
import type { AnyImportField, ImportKind } from '../../../shared/domain/import/kinds'
import { applySavedMapping } from '../../../shared/domain/import/savedMapping'
import type { BackendContext } from '../../backend/context'
import { savedMappingByName } from '../../backend/import/savedMappings'
import type { Output } from '../output'
import { UsageError } from '../output'

/**
 * `--mapping NAME`: the mapping saved in the app under that name (for --kind), applied to this
 * file's headers by header text. An unknown name is a usage error (exit 2) that lists the saved
 * names; saved headers this file lacks are mentioned, since their columns fell back to suggestions.
 */
export function savedMappingForCli(
  ctx: BackendContext,
  kind: ImportKind,
  name: string,
  headers: string[],
  out: Output,
): AnyImportField[] {
  let saved
  try {
    saved = savedMappingByName(ctx, kind, name)
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NOT_FOUND') throw new UsageError(error.message)
    throw error
  }
  const applied = applySavedMapping(kind, saved.columns, headers)
  if (applied.missing.length > 0)
    out.info(
      `対応付け「${saved.name}」の列のうち、このファイルにない見出し: ${applied.missing.map((h) => `「${h}」`).join('、')}`,
    )
  return applied.mapping
}
