import type { Kysely } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { FieldChanges } from '../../../../shared/domain/fieldChanges'
import type { AuditActionCode } from '../../../../shared/domain/vocabulary'
import type { Database } from '../schema'

/** The CHECK of audit_log.action (migrations 0001 and 0011) allows exactly these. */
export type AuditAction = AuditActionCode

export type { FieldChanges }

export interface AuditEntry {
  userName: string
  action: AuditAction
  entity: string
  entityId: string | null
  changes?: FieldChanges | null
  batchId?: string | null
}

/** Call inside the same transaction as the change, so the log and the data never disagree. */
export async function recordAudit(db: Kysely<Database>, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return
  const at = new Date().toISOString()
  for (let i = 0; i < entries.length; i += 500) {
    await db
      .insertInto('auditLog')
      .values(
        entries.slice(i, i + 500).map((e) => ({
          id: uuidv7(),
          at,
          userName: e.userName,
          action: e.action,
          entity: e.entity,
          entityId: e.entityId,
          changes: e.changes ? JSON.stringify(e.changes) : null,
          batchId: e.batchId ?? null,
        })),
      )
      .execute()
  }
}
