import { z } from 'zod'
import type { UndoStatus } from '../participantRecords'
import { method } from './define'

/** Undo of the participants page's edits, deletes and bulk actions (kept in the database). */
export const undoMethods = {
  /** What the next undo would take back, or null. */
  'undo.peek': method<UndoStatus | null>()(z.object({}).strict()),
  /** Takes back the latest action of this session; null when there is nothing to undo. */
  'undo.last': method<UndoStatus | null>()(z.object({}).strict()),
} as const
