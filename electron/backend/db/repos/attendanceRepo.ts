import type { Kysely } from 'kysely'
import type { Database } from '../schema'

/** The visits recorded for one session, i.e. its attendance. */
export async function visitsOfSession(db: Kysely<Database>, sessionId: string) {
  return db.selectFrom('visits').select(['id', 'contactId', 'mode', 'nights']).where('sessionId', '=', sessionId).execute()
}

/**
 * The roster: everyone enrolled and not withdrawn, plus anyone with attendance for the session
 * (walk-ins, or people who withdrew after attending), in kana order.
 */
export async function rosterPeople(db: Kysely<Database>, programId: string, sessionId: string) {
  return db
    .selectFrom('contacts as c')
    .leftJoin('enrollments as e', (j) => j.onRef('e.contactId', '=', 'c.id').on('e.programId', '=', programId))
    .leftJoin('visits as v', (j) => j.onRef('v.contactId', '=', 'c.id').on('v.sessionId', '=', sessionId))
    .select([
      'c.id as contactId',
      'c.familyName',
      'c.givenName',
      'c.familyKana',
      'c.givenKana',
      'e.status as enrollmentStatus',
      'e.role',
      'v.id as visitId',
      'v.mode',
      'v.nights',
    ])
    .where('c.deletedAt', 'is', null)
    .where((eb) => eb.or([eb.and([eb('e.id', 'is not', null), eb('e.status', '!=', 'withdrawn')]), eb('v.id', 'is not', null)]))
    .orderBy((eb) => eb('c.familyKana', 'is', null))
    .orderBy('c.familyKana')
    .orderBy('c.givenKana')
    .orderBy('c.id')
    .execute()
}

export async function updateVisitAttendance(
  db: Kysely<Database>,
  id: string,
  mode: string,
  nights: number,
  updatedAt: string,
): Promise<void> {
  await db.updateTable('visits').set({ mode, nights, updatedAt }).where('id', '=', id).execute()
}

export async function markRosterSaved(db: Kysely<Database>, sessionId: string, at: string | null): Promise<void> {
  await db.updateTable('programSessions').set({ rosterSavedAt: at }).where('id', '=', sessionId).execute()
}
