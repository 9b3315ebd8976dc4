import type { Kysely } from 'kysely'
import type { Stage } from '../../../../shared/contract/records'
import type { StageCode } from '../../../../shared/domain/vocabulary'
import type { Database } from '../schema'

export async function listStages(db: Kysely<Database>): Promise<Stage[]> {
  const rows = await db.selectFrom('relationshipStages').selectAll().orderBy('position').execute()
  return rows.map((r) => ({ code: r.code as StageCode, label: r.label, position: r.position }))
}

export async function renameStage(db: Kysely<Database>, code: StageCode, label: string): Promise<void> {
  await db.updateTable('relationshipStages').set({ label }).where('code', '=', code).execute()
}

export async function insertStageChange(
  db: Kysely<Database>,
  row: { id: string; contactId: string; stage: string; changedOn: string; note: string | null; createdAt: string },
): Promise<void> {
  await db.insertInto('stageHistory').values(row).execute()
}
