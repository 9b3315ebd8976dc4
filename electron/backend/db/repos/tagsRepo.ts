import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { Tag } from '../../../../shared/contract/participantRecords'
import type { Database } from '../schema'

const CHUNK = 500

/** Tags in name order, each with how many live people carry it (soft-deleted people left out). */
export async function listTags(db: Kysely<Database>): Promise<Tag[]> {
  const { rows } = await sql<{ id: string; name: string; color: string | null; count: number }>`
    SELECT t.id, t.name, t.color,
      (SELECT count(*) FROM contact_tags ct WHERE ct.tag_id = t.id)
      - (SELECT count(*) FROM contact_tags ct WHERE ct.tag_id = t.id
           AND ct.contact_id IN (SELECT id FROM contacts WHERE deleted_at IS NOT NULL)) AS count
    FROM tags t ORDER BY t.name`.execute(db)
  return rows.map((r) => ({ id: r.id, name: r.name, color: r.color, count: Number(r.count) }))
}

export async function findTag(db: Kysely<Database>, id: string) {
  return db.selectFrom('tags').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findTagByName(db: Kysely<Database>, name: string) {
  return db.selectFrom('tags').selectAll().where('name', '=', name).executeTakeFirst()
}

export async function insertTag(db: Kysely<Database>, row: { id: string; name: string; createdAt: string }): Promise<void> {
  await db
    .insertInto('tags')
    .values({ ...row, color: null, updatedAt: row.createdAt })
    .execute()
}

export async function deleteTag(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('tags').where('id', '=', id).execute()
}

/** Tags people who do not have it yet; returns who was actually tagged. */
export async function addTag(db: Kysely<Database>, tagId: string, contactIds: string[], at: string): Promise<string[]> {
  const added: string[] = []
  for (let i = 0; i < contactIds.length; i += CHUNK) {
    const rows = await db
      .insertInto('contactTags')
      .values(contactIds.slice(i, i + CHUNK).map((contactId) => ({ contactId, tagId, createdAt: at })))
      .onConflict((oc) => oc.doNothing())
      .returning('contactId')
      .execute()
    added.push(...rows.map((r) => r.contactId))
  }
  return added
}

/** Removes a tag from people; returns who actually lost it. */
export async function removeTag(db: Kysely<Database>, tagId: string, contactIds: string[]): Promise<string[]> {
  const removed: string[] = []
  for (let i = 0; i < contactIds.length; i += CHUNK) {
    const rows = await db
      .deleteFrom('contactTags')
      .where('tagId', '=', tagId)
      .where('contactId', 'in', contactIds.slice(i, i + CHUNK))
      .returning('contactId')
      .execute()
    removed.push(...rows.map((r) => r.contactId))
  }
  return removed
}

export async function tagsOfContact(db: Kysely<Database>, contactId: string) {
  return db
    .selectFrom('contactTags')
    .innerJoin('tags', 'tags.id', 'contactTags.tagId')
    .select(['tags.id', 'tags.name'])
    .where('contactTags.contactId', '=', contactId)
    .orderBy('tags.name')
    .execute()
}
