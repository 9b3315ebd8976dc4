import { sql } from 'kysely'
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely'
import type { Session } from '../../../../shared/contract/programs'
import { jstParts } from '../../../../shared/domain/sessionSeries'
import type { SessionMode } from '../../../../shared/domain/vocabulary'
import type { Database, ProgramSessionsTable } from '../schema'

export type SessionRow = Selectable<ProgramSessionsTable> & { attendedCount: number }

const attendedCount = sql<number>`(SELECT count(*) FROM visits v WHERE v.session_id = program_sessions.id)`.as('attendedCount')

export async function listSessionRows(db: Kysely<Database>, programId: string): Promise<SessionRow[]> {
  return db
    .selectFrom('programSessions')
    .selectAll()
    .select(attendedCount)
    .where('programId', '=', programId)
    .orderBy('startsAt')
    .orderBy('id')
    .execute()
}

export async function findSessionRow(db: Kysely<Database>, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('programSessions').selectAll().select(attendedCount).where('id', '=', id).executeTakeFirst()
}

export async function insertSessions(db: Kysely<Database>, rows: Insertable<ProgramSessionsTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('programSessions')
      .values(rows.slice(i, i + 200))
      .execute()
}

export async function updateSession(db: Kysely<Database>, id: string, values: Updateable<ProgramSessionsTable>): Promise<void> {
  await db.updateTable('programSessions').set(values).where('id', '=', id).execute()
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('programSessions').where('id', '=', id).execute()
}

/** Sessions starting in [fromInstant, toInstant), with their program's name, soonest first. */
export async function upcomingSessions(db: Kysely<Database>, fromInstant: string, limit: number) {
  return db
    .selectFrom('programSessions as s')
    .innerJoin('programs as p', 'p.id', 's.programId')
    .select(['s.id', 's.programId', 'p.name as programName', 's.startsAt', 's.place', 's.mode'])
    .select(
      sql<number>`(SELECT count(*) FROM enrollments e WHERE e.program_id = s.program_id AND e.status IN ('applied', 'confirmed'))`.as(
        'expected',
      ),
    )
    .where('s.startsAt', '>=', fromInstant)
    .where('p.deletedAt', 'is', null)
    .where('p.status', '!=', 'cancelled')
    .orderBy('s.startsAt')
    .limit(limit)
    .execute()
}

/** Stored row → the contract's Session (local JST date and times). */
export function toSession(r: SessionRow): Session {
  const start = jstParts(r.startsAt)
  const end = r.endsAt ? jstParts(r.endsAt) : null
  // Midnight JST with no end is how an all-day session without a time is stored.
  const untimed = start.time === '00:00' && !end
  return {
    id: r.id,
    programId: r.programId,
    date: start.date,
    startTime: untimed ? null : start.time,
    endTime: end ? end.time : null,
    place: r.place,
    municipalityCode: r.municipalityCode,
    mode: r.mode as SessionMode,
    anonymousHeadcount: r.anonymousHeadcount,
    notes: r.notes,
    attendedByDefault: r.attendedByDefault === 1,
    attendedCount: r.attendedCount,
  }
}

export async function moveSessionVisits(
  db: Kysely<Database>,
  sessionId: string,
  visitDate: string,
  updatedAt: string,
): Promise<void> {
  await db.updateTable('visits').set({ visitDate, updatedAt }).where('sessionId', '=', sessionId).execute()
}
