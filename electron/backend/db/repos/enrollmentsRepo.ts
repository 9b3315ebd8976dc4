import { sql } from 'kysely'
import type { Insertable, Kysely, Updateable } from 'kysely'
import type { Database, EnrollmentsTable } from '../schema'

const CHUNK = 500

/** Of the given people, those already enrolled in the program (in any status). */
export async function enrolledAmong(db: Kysely<Database>, programId: string, contactIds: string[]): Promise<Set<string>> {
  const found = new Set<string>()
  for (let i = 0; i < contactIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('enrollments')
      .select('contactId')
      .where('programId', '=', programId)
      .where('contactId', 'in', contactIds.slice(i, i + CHUNK))
      .execute()
    for (const r of rows) found.add(r.contactId)
  }
  return found
}

export async function insertEnrollments(db: Kysely<Database>, rows: Insertable<EnrollmentsTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('enrollments')
      .values(rows.slice(i, i + CHUNK))
      .execute()
  }
}

/** Enrollments that hold a place: everything but 辞退. */
export async function countHoldingPlaces(db: Kysely<Database>, programId: string): Promise<number> {
  const row = await db
    .selectFrom('enrollments')
    .select(sql<number>`count(*)`.as('n'))
    .where('programId', '=', programId)
    .where('status', '!=', 'withdrawn')
    .executeTakeFirstOrThrow()
  return row.n
}

/** Of the given ids, the people that exist and are not deleted. */
export async function liveContactsAmong(db: Kysely<Database>, contactIds: string[]): Promise<Set<string>> {
  const found = new Set<string>()
  for (let i = 0; i < contactIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('contacts')
      .select('id')
      .where('id', 'in', contactIds.slice(i, i + CHUNK))
      .where('deletedAt', 'is', null)
      .execute()
    for (const r of rows) found.add(r.id)
  }
  return found
}

/** A program's enrollees in kana order, with how many of its sessions each attended. */
export async function listProgramEnrollments(db: Kysely<Database>, programId: string) {
  return db
    .selectFrom('enrollments as e')
    .innerJoin('contacts as c', 'c.id', 'e.contactId')
    .select([
      'e.id',
      'e.contactId',
      'c.familyName',
      'c.givenName',
      'c.familyKana',
      'c.givenKana',
      'e.status',
      'e.role',
      'e.appliedOn',
      'e.confirmedOn',
      'e.completedOn',
      'e.withdrawnOn',
      sql<number>`(SELECT count(*) FROM visits v WHERE v.contact_id = e.contact_id AND v.program_id = e.program_id AND v.session_id IS NOT NULL)`.as(
        'attendedSessions',
      ),
    ])
    .where('e.programId', '=', programId)
    .where('c.deletedAt', 'is', null)
    .orderBy((eb) => eb('c.familyKana', 'is', null))
    .orderBy('c.familyKana')
    .orderBy('c.givenKana')
    .orderBy('c.id')
    .execute()
}

export async function findEnrollments(db: Kysely<Database>, ids: string[]) {
  const rows = []
  for (let i = 0; i < ids.length; i += CHUNK) {
    rows.push(
      ...(await db
        .selectFrom('enrollments')
        .selectAll()
        .where('id', 'in', ids.slice(i, i + CHUNK))
        .execute()),
    )
  }
  return rows
}

export async function updateEnrollment(db: Kysely<Database>, id: string, values: Updateable<EnrollmentsTable>): Promise<void> {
  await db.updateTable('enrollments').set(values).where('id', '=', id).execute()
}

export async function deleteEnrollments(db: Kysely<Database>, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK)
    await db
      .deleteFrom('enrollments')
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .execute()
}
