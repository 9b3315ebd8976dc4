import { sql } from 'kysely'
import type { Insertable, Kysely, Updateable } from 'kysely'
import type { ProgramSummary } from '../../../../shared/contract/records'
import type { EnrollmentStatus, FundingSource, ProgramCategory, ProgramStatus } from '../../../../shared/domain/vocabulary'
import { enrollmentStatuses } from '../../../../shared/domain/vocabulary'
import type { Database, ProgramsTable } from '../schema'

/** Programs with their session and enrollment counts, newest fiscal year first. */
export async function listProgramSummaries(db: Kysely<Database>, fiscalYear?: number): Promise<ProgramSummary[]> {
  let query = db
    .selectFrom('programs as p')
    .select([
      'p.id',
      'p.name',
      'p.fiscalYear',
      'p.category',
      'p.fundingSource',
      'p.status',
      'p.startDate',
      'p.endDate',
      'p.capacity',
      sql<string | null>`(SELECT group_concat(municipality_code) FROM program_municipalities pm WHERE pm.program_id = p.id)`.as(
        'municipalityCodes',
      ),
      sql<number>`(SELECT count(*) FROM program_sessions s WHERE s.program_id = p.id)`.as('sessionCount'),
      sql<
        string | null
      >`(SELECT json_group_object(status, n) FROM (SELECT status, count(*) AS n FROM enrollments e WHERE e.program_id = p.id GROUP BY status))`.as(
        'enrollmentCounts',
      ),
    ])
    .where('p.deletedAt', 'is', null)
  if (fiscalYear !== undefined) query = query.where('p.fiscalYear', '=', fiscalYear)
  const rows = await query.orderBy('p.fiscalYear', 'desc').orderBy('p.startDate', 'asc').orderBy('p.name').execute()
  return rows.map((r) => {
    const counts = JSON.parse(r.enrollmentCounts ?? '{}') as Partial<Record<EnrollmentStatus, number>>
    return {
      id: r.id,
      name: r.name,
      fiscalYear: r.fiscalYear,
      category: r.category as ProgramCategory,
      fundingSource: r.fundingSource as FundingSource | null,
      status: r.status as ProgramStatus,
      startDate: r.startDate,
      endDate: r.endDate,
      capacity: r.capacity,
      municipalityCodes: r.municipalityCodes ? r.municipalityCodes.split(',') : [],
      sessionCount: r.sessionCount,
      enrollmentCounts: Object.fromEntries(enrollmentStatuses.codes.map((s) => [s, counts[s] ?? 0])) as Record<
        EnrollmentStatus,
        number
      >,
    }
  })
}

export async function countPrograms(db: Kysely<Database>): Promise<{ programs: number; sessions: number }> {
  const row = await db
    .selectNoFrom([
      sql<number>`(SELECT count(*) FROM programs WHERE deleted_at IS NULL)`.as('programs'),
      sql<number>`(SELECT count(*) FROM program_sessions)`.as('sessions'),
    ])
    .executeTakeFirstOrThrow()
  return row
}

export async function findProgramRow(db: Kysely<Database>, id: string) {
  return db.selectFrom('programs').selectAll().where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst()
}

export async function programMunicipalityCodes(db: Kysely<Database>, programId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('programMunicipalities')
    .select('municipalityCode')
    .where('programId', '=', programId)
    .orderBy('municipalityCode')
    .execute()
  return rows.map((r) => r.municipalityCode)
}

export async function insertProgram(db: Kysely<Database>, row: Insertable<ProgramsTable>): Promise<void> {
  await db.insertInto('programs').values(row).execute()
}

export async function updateProgram(db: Kysely<Database>, id: string, values: Updateable<ProgramsTable>): Promise<void> {
  await db.updateTable('programs').set(values).where('id', '=', id).execute()
}

export async function replaceProgramMunicipalities(db: Kysely<Database>, programId: string, codes: string[]): Promise<void> {
  await db.deleteFrom('programMunicipalities').where('programId', '=', programId).execute()
  if (codes.length > 0) {
    await db
      .insertInto('programMunicipalities')
      .values(codes.map((municipalityCode) => ({ programId, municipalityCode })))
      .execute()
  }
}

/** Fiscal years that have programs, newest first (the grid's year picker). */
export async function programFiscalYears(db: Kysely<Database>): Promise<number[]> {
  const rows = await db
    .selectFrom('programs')
    .select('fiscalYear')
    .distinct()
    .where('deletedAt', 'is', null)
    .orderBy('fiscalYear', 'desc')
    .execute()
  return rows.map((r) => r.fiscalYear)
}
