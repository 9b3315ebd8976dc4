import type { Kysely } from 'kysely'
import type { SavedView, SavedViewState } from '../../../../shared/contract/participantRecords'
import type { Database, SavedViewsTable } from '../schema'

function toView(r: SavedViewsTable): SavedView {
  return { id: r.id, page: r.page, name: r.name, state: JSON.parse(r.state) as SavedViewState, updatedAt: r.updatedAt }
}

export async function listViews(db: Kysely<Database>, page: string): Promise<SavedView[]> {
  const rows = await db.selectFrom('savedViews').selectAll().where('page', '=', page).orderBy('name').execute()
  return rows.map(toView)
}

/** Insert, or overwrite the view of the same name on the same page (keeping its id). */
export async function upsertView(
  db: Kysely<Database>,
  row: { id: string; page: string; name: string; state: string; at: string },
): Promise<SavedView> {
  await db
    .insertInto('savedViews')
    .values({ id: row.id, page: row.page, name: row.name, state: row.state, createdAt: row.at, updatedAt: row.at })
    .onConflict((oc) => oc.columns(['page', 'name']).doUpdateSet({ state: row.state, updatedAt: row.at }))
    .execute()
  const saved = await db
    .selectFrom('savedViews')
    .selectAll()
    .where('page', '=', row.page)
    .where('name', '=', row.name)
    .executeTakeFirstOrThrow()
  return toView(saved)
}

export async function deleteView(db: Kysely<Database>, id: string): Promise<number> {
  const result = await db.deleteFrom('savedViews').where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows)
}
