import { z } from 'zod'
import type { UndoStatus } from '../participantRecords'
import { method } from './define'

/** Undo of the participants page's edits, deletes and bulk actions (kept in the database). */
export const undoMethods = {
  /** What the next undo would take back, or null. */
  'undo.peek': method<UndoStatus | null>()(z.object({}).strict()),
  /**
   * Takes back the latest action of this session; null when there is nothing to undo. With
   * `step` (a screen's own 元に戻す for what it just did), only if that step is still the
   * latest: CONFLICT when another action came after it.
   */
  'undo.last': method<UndoStatus | null>()(z.object({ step: z.number().int().positive().optional() }).strict()),
} as const
