import type { importMethods } from '../../../shared/contract/methods/imports'
import type { AreaHandlers } from '../dispatch'
import { previewWithSavedMapping } from '../import/previewWithMapping'
import { importMappingHandlers } from './importMappings'
import { listBatches } from '../db/repos/importRepo'
import { commitContactsImport, previewContactsImport, previewPage } from '../import/contactsImport'
import { commitKindImport, isKindPreview, kindPreviewPage, previewKindImport, undoAnyImport } from '../import/kindsImport'
import { personMapping } from '../../../shared/domain/import/kinds'
import { readGrantedFile } from '../files'

export const importHandlers: AreaHandlers<typeof importMethods> = {
  async 'import.preview'({ source, kind, mappingName, ...options }, ctx) {
    const input =
      'fileId' in source
        ? readGrantedFile(ctx.files, source.fileId)
        : 'base64' in source
          ? { fileName: source.fileName, bytes: Buffer.from(source.base64, 'base64') }
          : source
    if (mappingName) {
      const preview = importHandlers['import.preview']
      return previewWithSavedMapping(ctx, input, { ...options, kind }, mappingName, async (resolved) =>
        preview({ source, kind, ...options, ...resolved }, ctx),
      )
    }
    if (kind !== 'contacts') return (await previewKindImport(ctx, kind, input, options)).view
    const mapping = options.mapping && personMapping(options.mapping)
    return (await previewContactsImport(ctx, input, { ...options, mapping })).view
  },
  'import.previewRows': ({ previewId, offset, limit, filter }, ctx) =>
    isKindPreview(ctx, previewId)
      ? kindPreviewPage(ctx, previewId, offset, limit, filter)
      : previewPage(ctx, previewId, offset, limit, filter),
  'import.commit': ({ previewId, onDuplicate, decisions, jobId }, ctx) =>
    isKindPreview(ctx, previewId)
      ? commitKindImport(ctx, previewId, onDuplicate, decisions, jobId)
      : commitContactsImport(ctx, previewId, onDuplicate, decisions, jobId),
  'import.undo': ({ batchId }, ctx) => undoAnyImport(ctx, batchId),
  'import.batches': (_args, ctx) => listBatches(ctx.handle.sqlite),
  ...importMappingHandlers,
}
