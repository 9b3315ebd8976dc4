import type { Kysely } from 'kysely'
import type { ContactDetail, PersonEnrollment, PersonVisit } from '../../../../shared/contract/participantRecords'
import type { EnrollmentRole, EnrollmentStatus, StageCode, VisitMode } from '../../../../shared/domain/vocabulary'
import type { Database } from '../schema'

/** The person panel's lists. Visits are capped (newest first); the total is counted apart. */
const VISIT_LIMIT = 200

export async function organizationsOf(db: Kysely<Database>, contactId: string): Promise<ContactDetail['organizations']> {
  return db
    .selectFrom('contactOrganizations')
    .innerJoin('organizations', 'organizations.id', 'contactOrganizations.organizationId')
    .select(['organizations.id', 'organizations.name', 'organizations.kind', 'contactOrganizations.role'])
    .where('contactOrganizations.contactId', '=', contactId)
    .where('organizations.deletedAt', 'is', null)
    .orderBy('organizations.name')
    .execute()
}

export async function stageHistoryOf(db: Kysely<Database>, contactId: string): Promise<ContactDetail['stageHistory']> {
  const rows = await db
    .selectFrom('stageHistory')
    .select(['stage', 'changedOn', 'note'])
    .where('contactId', '=', contactId)
    .orderBy('changedOn', 'desc')
    .orderBy('createdAt', 'desc')
    .execute()
  return rows.map((r) => ({ ...r, stage: r.stage as StageCode }))
}

export async function enrollmentsOf(db: Kysely<Database>, contactId: string): Promise<PersonEnrollment[]> {
  const rows = await db
    .selectFrom('enrollments')
    .innerJoin('programs', 'programs.id', 'enrollments.programId')
    .select([
      'enrollments.id',
      'enrollments.programId',
      'programs.name as programName',
      'programs.fiscalYear',
      'enrollments.status',
      'enrollments.role',
      'enrollments.appliedOn',
      'enrollments.completedOn',
    ])
    .where('enrollments.contactId', '=', contactId)
    .orderBy('programs.fiscalYear', 'desc')
    .orderBy('programs.startDate', 'desc')
    .execute()
  return rows.map((r) => ({ ...r, status: r.status as EnrollmentStatus, role: r.role as EnrollmentRole }))
}

export async function visitsOf(db: Kysely<Database>, contactId: string): Promise<{ visits: PersonVisit[]; count: number }> {
  const rows = await db
    .selectFrom('visits')
    .leftJoin('programs', 'programs.id', 'visits.programId')
    .select([
      'visits.id',
      'visits.visitDate',
      'visits.mode',
      'programs.name as programName',
      'visits.municipalityCode',
      'visits.nights',
      'visits.purpose',
    ])
    .where('visits.contactId', '=', contactId)
    .orderBy('visits.visitDate', 'desc')
    .limit(VISIT_LIMIT)
    .execute()
  const { count } = await db
    .selectFrom('visits')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('contactId', '=', contactId)
    .executeTakeFirstOrThrow()
  return { visits: rows.map((r) => ({ ...r, mode: r.mode as VisitMode })), count: Number(count) }
}
