import type { Kysely } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { Database, VisitsTable } from '../db/schema'
import * as undoRepo from '../db/repos/undoRepo'

/**
 * What one user action changed, enough to take it back exactly:
 * - fields: the previous values of the changed columns (and the stage-history lines added);
 * - deleted / created: which people were soft-deleted / added;
 * - tagged / untagged: which people gained / lost a tag (and whether the tag itself was new);
 * - visitFields / visitsCreated / visitsDeleted: a visit's previous values, the visits recorded,
 *   or the whole rows of the visits deleted (they are deleted for good, so undo writes them back);
 * - rosterSaved: when a session's roster had last been saved before (a saved roster starts from
 *   what was recorded, an unsaved one from the session's default). It rides along with the
 *   visit changes of one roster save and is never a step on its own.
 */
export type UndoChange =
  | { kind: 'fields'; rows: { id: string; before: Record<string, unknown> }[]; stageHistoryIds: string[] }
  | { kind: 'deleted'; ids: string[] }
  | { kind: 'created'; ids: string[] }
  | { kind: 'tagged'; tagId: string; ids: string[]; newTag: boolean }
  | { kind: 'untagged'; tagId: string; ids: string[] }
  | { kind: 'visitFields'; rows: { id: string; before: Record<string, unknown> }[] }
  | { kind: 'visitsCreated'; ids: string[] }
  | { kind: 'visitsDeleted'; rows: VisitsTable[] }
  | { kind: 'rosterSaved'; sessionId: string; savedAtBefore: string | null }

/** The changes visitUndo takes back (visit records and the roster they were saved from). */
export type VisitUndoChange = Extract<UndoChange, { kind: 'visitFields' | 'visitsCreated' | 'visitsDeleted' | 'rosterSaved' }>
export const isVisitChange = (c: UndoChange): c is VisitUndoChange => c.kind.startsWith('visit') || c.kind === 'rosterSaved'

/**
 * The backend process is the session: a page reload keeps it (so undo still works), a restart
 * of the app starts a new one and forgets the old entries.
 */
export const undoSessionId = uuidv7()
const pruned = new WeakSet<object>()

/**
 * Call inside the action's own transaction, so the log and the data never disagree. Returns the
 * step's number, or null when the action changed nothing worth a step.
 */
export async function recordUndo(trx: Kysely<Database>, label: string, changes: UndoChange[]): Promise<number | null> {
  const meaningful = changes.filter((c) => ('rows' in c ? c.rows.length > 0 : 'ids' in c ? c.ids.length > 0 : true))
  if (!meaningful.some((c) => c.kind !== 'rosterSaved')) return null
  return undoRepo.insertUndo(trx, {
    sessionId: undoSessionId,
    label,
    changes: JSON.stringify(meaningful),
    createdAt: new Date().toISOString(),
  })
}

/** Drops entries of earlier sessions once per open database. */
export async function pruneOldSessions(db: Kysely<Database>): Promise<void> {
  if (pruned.has(db)) return
  pruned.add(db)
  await undoRepo.deleteOtherSessions(db, undoSessionId)
}
