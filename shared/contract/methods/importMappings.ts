import { z } from 'zod'
import { anyImportFields, importKinds } from '../../domain/import/kinds'
import type { ImportFixRowResult, SavedMappingView } from '../imports'
import { id } from '../schemaHelpers'
import { method } from './define'

/** A mapping's name as typed: 1–60 characters after trimming. */
export const mappingName = z
  .string({ message: '対応付けの名前を入力してください' })
  .trim()
  .min(1, '対応付けの名前を入力してください')
  .max(60, '対応付けの名前は60文字以内で入力してください')

const kind = z.enum(importKinds, { message: '取り込む種類は contacts / visits / programs のいずれかです' })

/** Saved column mappings by name, and fixing one preview row in place. */
export const importMappingMethods = {
  'import.mappings.list': method<SavedMappingView[]>()(z.object({ kind: kind.optional() }).strict()),
  /** Same kind and name: refused with CONFLICT unless `overwrite` (the UI asks 「上書きしますか？」 first). */
  'import.mappings.save': method<SavedMappingView>()(
    z
      .object({
        name: mappingName,
        kind: kind.default('contacts'),
        columns: z
          .array(
            z
              .object({
                header: z.string().trim().min(1, '見出しが空の列は保存できません').max(200, '見出しが長すぎます（200文字まで）'),
                field: z.enum(anyImportFields, { message: '取り込み先の項目名が正しくありません' }),
              })
              .strict(),
          )
          .min(1, '保存する列がありません（見出しのある列が必要です）')
          .max(500, '列が多すぎます（500列まで）'),
        overwrite: z.boolean().default(false),
      })
      .strict(),
  ),
  'import.mappings.delete': method<{ deleted: true }>()(z.object({ id }).strict()),
  /** Re-reads one preview row from corrected cells; the kept preview (and so the commit) uses them. */
  'import.fixRow': method<ImportFixRowResult>()(
    z
      .object({
        previewId: z.string().uuid(),
        index: z.number().int().min(0),
        cells: z.array(z.string().max(10_000, 'セルの内容が長すぎます（1万文字まで）')).max(500),
      })
      .strict(),
  ),
} as const
