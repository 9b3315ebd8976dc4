import { z } from 'zod'
import type { SavedView } from '../participantRecords'
import { id } from '../schemaHelpers'
import { method } from './define'

const page = z.enum(['participants'])
const viewName = z.string().trim().min(1, 'ビューの名前を入力してください').max(60, 'ビューの名前は60文字以内で入力してください')
/** The grid's own column state (order, width, visibility, sort), kept as AG Grid writes it. */
const columnState = z
  .object({
    colId: z.string().max(100),
    width: z.number().optional(),
    hide: z.boolean().nullish(),
    pinned: z.union([z.enum(['left', 'right']), z.boolean()]).nullish(),
    sort: z.enum(['asc', 'desc']).nullish(),
    sortIndex: z.number().int().nullish(),
    flex: z.number().nullish(),
  })
  .loose()
const state = z
  .object({
    columns: z.array(columnState).max(200),
    filter: z.record(z.string().max(100), z.unknown()),
    search: z.string().max(200).default(''),
  })
  .strict()
  .refine((s) => JSON.stringify(s).length <= 100_000, 'ビューの内容が大きすぎます')

/** Saved views (保存したビュー): named grid layouts, listed in the sidebar. */
export const viewMethods = {
  'views.list': method<SavedView[]>()(z.object({ page }).strict()),
  /** Saves under a name; the same name on the same page is overwritten. */
  'views.save': method<SavedView>()(z.object({ page, name: viewName, state }).strict()),
  'views.delete': method<{ deleted: number }>()(z.object({ id }).strict()),
} as const
