import { z } from 'zod'
import type { IssueGroup } from '../../domain/import/issueGroups'
import { anyImportFields, importKinds } from '../../domain/import/kinds'
import { personDraftFields } from '../../domain/import/personRow'
import type { ImportBatch, ImportBatchPeople, ImportCommitResult, ImportPreview, ImportPreviewRow } from '../imports'
import type { Page } from '../listQuery'
import { id } from '../schemaHelpers'
import { method } from './define'
import { importMappingMethods, mappingName } from './importMappings'

/** 60 MB of file (base64 is 4/3 of that): a 100k-row list is about 15 MB. */
const MAX_BASE64 = 80 * 1024 * 1024

const source = z.union([
  z
    .object({ fileName: z.string().min(1).max(255), base64: z.string().max(MAX_BASE64, 'ファイルが大きすぎます（60MBまで）') })
    .strict(),
  z.object({ fileName: z.string().min(1).max(255), text: z.string().max(MAX_BASE64, '貼り付けた内容が大きすぎます') }).strict(),
  /** A file chosen in the desktop app's open dialog: main hands out the id, the backend reads the file. */
  z.object({ fileId: id }).strict(),
])
const duplicateAction = z.enum(['new', 'merge', 'skip'], { message: '重複時の扱いは new / merge / skip のいずれかです' })

/** Imports of person lists (CSV, TSV, XLSX, pasted cells): preview, commit, undo. */
export const importMethods = {
  /** Reads the source and proposes a mapping and duplicates; writes nothing. */
  'import.preview': method<ImportPreview>()(
    z
      .object({
        source,
        encoding: z.enum(['auto', 'utf8', 'cp932', 'utf16', 'utf16le', 'utf16be']).default('auto'),
        sheet: z.string().max(100).optional(),
        headerRow: z.number().int().min(0).max(1000).optional(),
        mapping: z.array(z.enum(anyImportFields)).max(500).optional(),
        /** Instead of `mapping`: a saved mapping of this kind, applied by header text (import.mappings.*). */
        mappingName: mappingName.optional(),
        /** People (default), visits/attendance, or programs with sessions. */
        kind: z.enum(importKinds, { message: '取り込む種類は contacts / visits / programs のいずれかです' }).default('contacts'),
      })
      .strict(),
  ),
  'import.previewRows': method<Page<ImportPreviewRow>>()(
    z
      .object({
        previewId: z.string().uuid(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(100),
        filter: z.enum(['all', 'errors', 'warnings', 'duplicates']).default('all'),
      })
      .strict(),
  ),
  /** The whole file's messages repeated on many rows (「…は登録されていません」 on every row), each once. */
  'import.issueGroups': method<IssueGroup[]>()(z.object({ previewId: z.string().uuid() }).strict()),
  /** Writes the previewed rows in one transaction; rows with errors are never written. */
  'import.commit': method<ImportCommitResult>()(
    z
      .object({
        previewId: z.string().uuid(),
        onDuplicate: duplicateAction.default('skip'),
        decisions: z
          .record(
            z.string().regex(/^\d+$/),
            z
              .object({
                action: duplicateAction,
                targetId: id.optional(),
                takeFromFile: z.array(z.enum(personDraftFields)).max(20).optional(),
              })
              .strict(),
          )
          .default({}),
        /** Chosen by the client so it can follow job.progress and send job.cancel while this call runs. */
        jobId: z.string().uuid().optional(),
      })
      .strict(),
  ),
  /** `removed` counts people; a visits/programs import also says which of its records went (`kindRemoved`). */
  'import.undo': method<{
    removed: number
    reverted: number
    kindRemoved?: { visits: number; sessions: number; programs: number }
  }>()(z.object({ batchId: id }).strict()),
  'import.batches': method<ImportBatch[]>()(z.object({}).strict()),
  /** One import and how many people it brought in (the participants list's 「取り込み…の40人」). */
  'import.batch': method<ImportBatchPeople>()(z.object({ batchId: id }).strict()),
  ...importMappingMethods,
} as const
