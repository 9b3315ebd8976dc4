import type { ImportPreview } from '../../../shared/contract/imports'
import { detectHeaderRowFor } from '../../../shared/domain/import/kinds'
import type { AnyImportField, ImportKind } from '../../../shared/domain/import/kinds'
import type { BackendContext } from '../context'
import type { EncodingChoice } from './decode'
import { applySavedMapping } from '../../../shared/domain/import/savedMapping'
import { savedMappingByName } from './savedMappings'
import { readSource } from './source'
import type { ImportInput } from './source'

interface ReadOptions {
  encoding?: EncodingChoice
  sheet?: string
  headerRow?: number
}

/**
 * import.preview with `mappingName`: finds the header row the way the preview does, applies the
 * saved mapping by header text, then runs the kind's own preview with that mapping. The answer
 * says which saved headers this file lacks. An unknown name is refused before any reading.
 */
export async function previewWithSavedMapping(
  ctx: BackendContext,
  input: ImportInput,
  options: ReadOptions & { kind: ImportKind },
  mappingName: string,
  preview: (options: ReadOptions & { headerRow: number; mapping: AnyImportField[] }) => Promise<ImportPreview>,
): Promise<ImportPreview> {
  const saved = savedMappingByName(ctx, options.kind, mappingName)
  const source = await readSource(input, options)
  const headerRow = options.headerRow ?? detectHeaderRowFor(options.kind, source.rows)
  const applied = applySavedMapping(options.kind, saved.columns, source.rows[headerRow] ?? [])
  const view = await preview({
    encoding: options.encoding,
    sheet: source.sheet ?? options.sheet,
    headerRow,
    mapping: applied.mapping,
  })
  return { ...view, savedMapping: { name: saved.name, missing: applied.missing } }
}
