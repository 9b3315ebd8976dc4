import type { Kysely } from 'kysely'
import type { Database } from '../schema'

/** Every visit of one person, with the program's name. */
export async function visitsOfContact(db: Kysely<Database>, contactId: string) {
  return db
    .selectFrom('visits as v')
    .leftJoin('programs as p', 'p.id', 'v.programId')
    .select([
      'v.id',
      'v.visitDate',
      'v.mode',
      'v.nights',
      'v.programId',
      'p.name as programName',
      'v.purpose',
      'v.municipalityCode',
    ])
    .where('v.contactId', '=', contactId)
    .orderBy('v.visitDate', 'desc')
    .orderBy('v.id', 'desc')
    .execute()
}

export async function enrollmentsOfContact(db: Kysely<Database>, contactId: string) {
  return db
    .selectFrom('enrollments as e')
    .innerJoin('programs as p', 'p.id', 'e.programId')
    .select([
      'e.id',
      'e.programId',
      'p.name as programName',
      'e.status',
      'e.role',
      'e.appliedOn',
      'e.confirmedOn',
      'e.completedOn',
      'e.withdrawnOn',
      'e.createdAt',
    ])
    .where('e.contactId', '=', contactId)
    .where('p.deletedAt', 'is', null)
    .execute()
}

export async function stageHistoryOfContact(db: Kysely<Database>, contactId: string) {
  return db
    .selectFrom('stageHistory')
    .select(['id', 'stage', 'changedOn', 'note'])
    .where('contactId', '=', contactId)
    .orderBy('changedOn', 'desc')
    .orderBy('createdAt', 'desc')
    .execute()
}

export async function liveContactStage(db: Kysely<Database>, contactId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('contacts')
    .select('stage')
    .where('id', '=', contactId)
    .where('deletedAt', 'is', null)
    .executeTakeFirst()
  return row?.stage
}

export async function setContactStage(db: Kysely<Database>, contactId: string, stage: string, updatedAt: string): Promise<void> {
  await db.updateTable('contacts').set({ stage, updatedAt }).where('id', '=', contactId).execute()
}

export async function suggestionDecision(db: Kysely<Database>, contactId: string, stage: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('stageSuggestionDecisions')
    .select('decision')
    .where('contactId', '=', contactId)
    .where('stage', '=', stage)
    .executeTakeFirst()
  return row?.decision
}

export async function recordSuggestionDecision(
  db: Kysely<Database>,
  row: { contactId: string; stage: string; decision: 'accepted' | 'ignored'; decidedAt: string },
): Promise<void> {
  await db
    .insertInto('stageSuggestionDecisions')
    .values(row)
    .onConflict((oc) => oc.columns(['contactId', 'stage']).doUpdateSet({ decision: row.decision, decidedAt: row.decidedAt }))
    .execute()
}
