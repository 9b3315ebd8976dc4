import type { Insertable, Updateable } from 'kysely'
import { uuidv7 } from 'uuidv7'
import { ApiError } from '../../../shared/contract/errors'
import type { Contact, ContactPatch } from '../../../shared/contract/contacts'
import { contactSearchKey } from '../../../shared/domain/contactSearch'
import { todayIso } from '../../../shared/domain/dates'
import type { BackendContext } from '../context'
import { recordAudit } from '../db/repos/auditRepo'
import type { FieldChanges } from '../db/repos/auditRepo'
import * as repo from '../db/repos/contactsRepo'
import type { ContactRow } from '../db/repos/contactsRepo'
import { insertStageChange } from '../db/repos/stagesRepo'
import type { ContactsTable } from '../db/schema'

/** A validated patch as table columns: `birth` becomes birth date + year, purposes JSON. */
function patchToColumns(patch: ContactPatch): Updateable<ContactsTable> {
  const { birth, consentPurposes, ...rest } = patch
  const columns: Updateable<ContactsTable> = { ...rest }
  if (birth !== undefined) Object.assign(columns, birth)
  if (consentPurposes !== undefined) columns.consentPurposes = JSON.stringify(consentPurposes)
  return columns
}

function changedFields(before: ContactRow, columns: Updateable<ContactsTable>): FieldChanges {
  const changes: FieldChanges = {}
  for (const [field, after] of Object.entries(columns)) {
    const old = before[field as keyof ContactRow]
    if (old !== after) changes[field] = [old, after]
  }
  return changes
}

export async function updateContact(ctx: BackendContext, id: string, patch: ContactPatch): Promise<Contact> {
  const result = await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findContact(trx, id)
    if (!before) throw ApiError.from('NOT_FOUND', { id })
    const columns = patchToColumns(patch)
    const changes = changedFields(before, columns)
    if (Object.keys(changes).length === 0) return { row: before, changed: false }
    const now = new Date().toISOString()
    const after = { ...before, ...columns, updatedAt: now } as ContactRow
    await repo.updateContact(trx, id, { ...columns, searchKey: contactSearchKey(after), updatedAt: now })
    if (changes.stage) {
      await insertStageChange(trx, {
        id: uuidv7(),
        contactId: id,
        stage: after.stage,
        changedOn: todayIso(),
        note: null,
        createdAt: now,
      })
    }
    await recordAudit(trx, [{ userName: ctx.userName, action: 'update', entity: 'contact', entityId: id, changes }])
    return { row: after, changed: true }
  })
  if (result.changed) ctx.events.emit('data.changed', { entity: 'contact', ids: [id] })
  return repo.toContact(result.row)
}

export async function createContact(ctx: BackendContext, fields: ContactPatch & { familyName: string | null }): Promise<Contact> {
  const now = new Date().toISOString()
  const columns = { givenName: '', stage: 'tsukamu', ...patchToColumns(fields), familyName: fields.familyName ?? '' }
  const searchable = { familyKana: null, givenKana: null, email: null, phone: null, affiliation: null, notes: null, ...columns }
  const row: Insertable<ContactsTable> = {
    consentPurposes: '[]',
    ...columns,
    id: uuidv7(),
    searchKey: contactSearchKey(searchable),
    createdAt: now,
    updatedAt: now,
  }
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertContact(trx, row)
    await insertStageChange(trx, {
      id: uuidv7(),
      contactId: row.id,
      stage: row.stage ?? 'tsukamu',
      changedOn: todayIso(),
      note: '登録',
      createdAt: now,
    })
    await recordAudit(trx, [{ userName: ctx.userName, action: 'create', entity: 'contact', entityId: row.id }])
  })
  ctx.events.emit('data.changed', { entity: 'contact', ids: [row.id] })
  const created = await repo.findContact(ctx.db, row.id)
  return repo.toContact(created!)
}

/** Soft delete or restore; only rows that actually change state are logged and counted. */
export async function setDeleted(ctx: BackendContext, ids: string[], deleted: boolean): Promise<number> {
  const changed = await ctx.db.transaction().execute(async (trx) => {
    const changedIds = await repo.setContactsDeleted(trx, ids, deleted ? new Date().toISOString() : null)
    await recordAudit(
      trx,
      changedIds.map((id) => ({
        userName: ctx.userName,
        action: deleted ? 'delete' : 'restore',
        entity: 'contact',
        entityId: id,
      })),
    )
    return changedIds
  })
  if (changed.length > 0) ctx.events.emit('data.changed', { entity: 'contact', ids: changed })
  return changed.length
}
