import type { importMethods } from '../../../shared/contract/methods/imports'
import type { AreaHandlers } from '../dispatch'
import { listBatches } from '../db/repos/importRepo'
import { commitContactsImport, previewContactsImport, previewPage, undoImport } from '../import/contactsImport'

export const importHandlers: AreaHandlers<typeof importMethods> = {
  async 'import.preview'({ source, ...options }, ctx) {
    const input = 'base64' in source ? { fileName: source.fileName, bytes: Buffer.from(source.base64, 'base64') } : source
    return (await previewContactsImport(ctx, input, options)).view
  },
  'import.previewRows': ({ previewId, offset, limit, filter }, ctx) => previewPage(ctx, previewId, offset, limit, filter),
  'import.commit': ({ previewId, onDuplicate, decisions }, ctx) => commitContactsImport(ctx, previewId, onDuplicate, decisions),
  'import.undo': ({ batchId }, ctx) => undoImport(ctx, batchId),
  'import.batches': (_args, ctx) => listBatches(ctx.handle.sqlite),
}
