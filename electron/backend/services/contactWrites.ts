import type { Insertable, Kysely, Updateable } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { ContactPatch } from '../../../shared/contract/contacts'
import { contactSearchKey } from '../../../shared/domain/contactSearch'
import { todayIso } from '../../../shared/domain/dates'
import { changedFields } from '../../../shared/domain/fieldChanges'
import { recordAudit } from '../db/repos/auditRepo'
import * as repo from '../db/repos/contactsRepo'
import type { ContactRow } from '../db/repos/contactsRepo'
import { insertStageChange } from '../db/repos/stagesRepo'
import type { ContactsTable, Database } from '../db/schema'

/**
 * The row-level writes every contact change goes through (a cell edit, a bulk stage, a paste,
 * an undo), so each one keeps the search key, the stage history and the audit log in step.
 * Callers run them inside their transaction.
 */

/** A validated patch as table columns: `birth` becomes birth date + year, purposes JSON. */
export function patchToColumns(patch: ContactPatch): Updateable<ContactsTable> {
  const { birth, consentPurposes, ...rest } = patch
  const columns: Updateable<ContactsTable> = { ...rest }
  if (birth !== undefined) Object.assign(columns, birth)
  if (consentPurposes !== undefined) columns.consentPurposes = JSON.stringify(consentPurposes)
  return columns
}

export interface AppliedChange {
  after: ContactRow
  /** Column → value before the change, for the undo log; empty when nothing changed. */
  before: Record<string, unknown>
  stageHistoryId: string | null
}

/**
 * Writes changed columns of one person; records audit and, for a new stage, its history
 * (not when undoing: the undo removes the line the change had added instead). `batchId`
 * ties the audit line to the bulk action it is part of.
 */
export async function applyColumns(
  trx: Kysely<Database>,
  userName: string,
  before: ContactRow,
  columns: Updateable<ContactsTable>,
  options: { stageNote?: string | null; stageHistory?: boolean; batchId?: string | null; action?: 'update' | 'undo' } = {},
): Promise<AppliedChange> {
  const changes = changedFields(before, columns)
  if (Object.keys(changes).length === 0) return { after: before, before: {}, stageHistoryId: null }
  const now = new Date().toISOString()
  const after = { ...before, ...columns, updatedAt: now } as ContactRow
  await repo.updateContact(trx, before.id, { ...columns, searchKey: contactSearchKey(after), updatedAt: now })
  let stageHistoryId: string | null = null
  if (changes.stage && options.stageHistory !== false) {
    stageHistoryId = uuidv7()
    await insertStageChange(trx, {
      id: stageHistoryId,
      contactId: before.id,
      stage: after.stage,
      changedOn: todayIso(),
      note: options.stageNote ?? null,
      createdAt: now,
    })
  }
  await recordAudit(trx, [
    {
      userName,
      action: options.action ?? 'update',
      entity: 'contact',
      entityId: before.id,
      changes,
      batchId: options.batchId ?? null,
    },
  ])
  const previous = Object.fromEntries(Object.entries(changes).map(([field, [old]]) => [field, old]))
  return { after, before: previous, stageHistoryId }
}

/** Inserts a new person (stage つかむ unless given) with its first stage-history line. */
export async function insertNewContact(
  trx: Kysely<Database>,
  userName: string,
  fields: ContactPatch & { familyName: string | null },
  batchId: string | null = null,
): Promise<string> {
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
  await repo.insertContact(trx, row)
  await insertStageChange(trx, {
    id: uuidv7(),
    contactId: row.id,
    stage: row.stage ?? 'tsukamu',
    changedOn: todayIso(),
    note: '登録',
    createdAt: now,
  })
  await recordAudit(trx, [{ userName, action: 'create', entity: 'contact', entityId: row.id, batchId }])
  return row.id
}

/** Soft delete or restore; returns the ids that actually changed state (each audited, in `batchId`). */
export async function setDeletedRows(
  trx: Kysely<Database>,
  userName: string,
  ids: string[],
  deleted: boolean,
  batchId: string | null = null,
): Promise<string[]> {
  const changedIds = await repo.setContactsDeleted(trx, ids, deleted ? new Date().toISOString() : null)
  await recordAudit(
    trx,
    changedIds.map((id) => ({ userName, action: deleted ? 'delete' : 'restore', entity: 'contact', entityId: id, batchId })),
  )
  return changedIds
}
