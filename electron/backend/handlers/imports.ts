import type { importMethods } from '../../../shared/contract/methods/imports'
import type { AreaHandlers } from '../dispatch'
import { importMappingHandlers } from './importMappings'
import { listBatches } from '../db/repos/importRepo'
import { importBatchPeople } from '../import/batchPeople'
import { previewIssueGroups } from '../import/issueGroups'
import { commitContactsImport, previewPage } from '../import/contactsImport'
import { commitKindImport, isKindPreview, kindPreviewPage, undoAnyImport } from '../import/kindsImport'
import { previewImport } from '../import/previewImport'

export const importHandlers: AreaHandlers<typeof importMethods> = {
  'import.preview': (args, ctx) => previewImport(ctx, args),
  'import.previewRows': ({ previewId, offset, limit, filter }, ctx) =>
    isKindPreview(ctx, previewId)
      ? kindPreviewPage(ctx, previewId, offset, limit, filter)
      : previewPage(ctx, previewId, offset, limit, filter),
  'import.commit': ({ previewId, onDuplicate, decisions, jobId }, ctx) =>
    isKindPreview(ctx, previewId)
      ? commitKindImport(ctx, previewId, onDuplicate, decisions, jobId)
      : commitContactsImport(ctx, previewId, onDuplicate, decisions, jobId),
  'import.issueGroups': ({ previewId }, ctx) => previewIssueGroups(ctx, previewId),
  'import.undo': ({ batchId }, ctx) => undoAnyImport(ctx, batchId),
  'import.batches': (_args, ctx) => listBatches(ctx.handle.sqlite),
  'import.batch': ({ batchId }, ctx) => importBatchPeople(ctx, batchId),
  ...importMappingHandlers,
}
