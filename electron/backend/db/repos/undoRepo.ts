import type { Kysely } from 'kysely'
import type { Database } from '../schema'

export interface UndoRow {
  seq: number
  label: string
  changes: string
  createdAt: string
}

/** Returns the step's number (seq). */
export async function insertUndo(
  db: Kysely<Database>,
  row: { sessionId: string; label: string; changes: string; createdAt: string },
): Promise<number> {
  const { seq } = await db
    .insertInto('undoLog')
    .values({ ...row, undoneAt: null })
    .returning('seq')
    .executeTakeFirstOrThrow()
  return seq
}

/** The latest action of this session that has not been undone yet. */
export async function latestUndo(db: Kysely<Database>, sessionId: string): Promise<UndoRow | undefined> {
  return db
    .selectFrom('undoLog')
    .select(['seq', 'label', 'changes', 'createdAt'])
    .where('sessionId', '=', sessionId)
    .where('undoneAt', 'is', null)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export async function markUndone(db: Kysely<Database>, seq: number, at: string): Promise<void> {
  await db.updateTable('undoLog').set({ undoneAt: at }).where('seq', '=', seq).execute()
}

/** Entries of earlier sessions can never be undone again; they also hold personal data. */
export async function deleteOtherSessions(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('undoLog').where('sessionId', '!=', sessionId).execute()
}

/**
 * People among `ids` who were anonymized or merged at or after `since`: undoing an earlier
 * edit of theirs would write personal data back, so such an undo is refused.
 */
export async function anonymizedSince(db: Kysely<Database>, ids: string[], since: string): Promise<string[]> {
  const found: string[] = []
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('auditLog')
      .select('entityId')
      .distinct()
      .where('entity', '=', 'contact')
      .where('action', 'in', ['anonymize', 'merge'])
      .where('at', '>=', since)
      .where('entityId', 'in', ids.slice(i, i + 500))
      .execute()
    found.push(...rows.map((r) => r.entityId!))
  }
  return found
}
