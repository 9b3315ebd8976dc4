import { z } from 'zod'
import type { Tag } from '../participantRecords'
import { id } from '../schemaHelpers'
import { method } from './define'

const ids = z.array(id).min(1).max(100_000)
const tagName = z.string().trim().min(1, 'タグ名を入力してください').max(50, 'タグ名は50文字以内で入力してください')

/** Tags (タグ) on people. */
export const tagMethods = {
  'tags.list': method<Tag[]>()(z.object({}).strict()),
  /** Adds a tag (created when the name is new) to people; one undo step. */
  'tags.addToContacts': method<{ tagId: string; added: number }>()(z.object({ ids, name: tagName }).strict()),
  'tags.removeFromContacts': method<{ removed: number }>()(z.object({ ids, tagId: id }).strict()),
} as const
