import type { importMappingMethods } from '../../../shared/contract/methods/importMappings'
import type { AreaHandlers } from '../dispatch'
import { fixPreviewRow } from '../import/fixRow'
import { deleteMapping, listMappings, saveMapping } from '../import/savedMappings'

/** Saved mappings and fixing a preview row: spread into the import handlers. */
export const importMappingHandlers: AreaHandlers<typeof importMappingMethods> = {
  'import.mappings.list': ({ kind }, ctx) => listMappings(ctx, kind),
  'import.mappings.save': (input, ctx) => saveMapping(ctx, input),
  'import.mappings.delete': ({ id }, ctx) => deleteMapping(ctx, id),
  'import.fixRow': ({ previewId, index, cells }, ctx) => fixPreviewRow(ctx, previewId, index, cells),
}
