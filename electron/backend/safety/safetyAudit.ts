import type { FieldChanges } from '../../../shared/domain/fieldChanges'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { recordAudit, recordAuditCarrying } from '../db/repos/auditRepo'
import type { AuditEntry, AuditSource } from '../db/repos/auditRepo'

/**
 * An audit line for a safety action on the whole database (a restore, a passphrase change):
 * entity 'database', no entity id, only what happened and from which copy, never personal data
 * nor a passphrase. `facts` become the line's "after" values.
 */
export async function recordSafetyAudit(
  ctx: { db: Kysely<Database>; userName: string },
  action: 'restore' | 'update',
  facts: Record<string, string>,
): Promise<void> {
  await recordAudit(ctx.db, [safetyLine(ctx.userName, action, facts)])
}

function safetyLine(userName: string, action: 'restore' | 'update', facts: Record<string, string>): AuditEntry {
  const changes: FieldChanges = {}
  for (const [field, value] of Object.entries(facts)) changes[field] = [null, value]
  return { userName, action, entity: 'database', entityId: null, changes }
}

/** Why nothing was carried over: the replaced file was damaged (set aside unread). */
export const auditNotCarried = 'なし（元のデータベースが破損していて読めないため）'

/**
 * The restore's line, written into the restored database once it is open (the app's and the
 * CLI's restore alike), in the same transaction as the audit lines the replaced database had
 * and the backup has not: the data goes back to the backup's time, the record of who did what
 * does not. `replaced` is the healthy replaced database's copy (its before-restore backup);
 * null when it was damaged, and the line says nothing could be carried over. A copy that
 * cannot be read after all still lets the restore be logged, saying so.
 */
export async function recordRestoreLine(
  ctx: { db: Kysely<Database>; userName: string },
  facts: Record<string, string>,
  replaced: AuditSource | null,
): Promise<void> {
  if (replaced) {
    try {
      await recordAuditCarrying(ctx.db, replaced, (carried) =>
        safetyLine(ctx.userName, 'restore', { ...facts, auditCarried: `${carried}件` }),
      )
      return
    } catch (error) {
      console.error('[safety] the audit log of the replaced database could not be carried over', error)
      await recordSafetyAudit(ctx, 'restore', { ...facts, auditCarried: 'なし（元のデータベースを読めなかったため）' })
      return
    }
  }
  await recordSafetyAudit(ctx, 'restore', { ...facts, auditCarried: auditNotCarried })
}

/** What a passphrase change did, in the words the audit screen shows. */
export function passphraseChange(wasEncrypted: boolean, next: string | null): string {
  if (next === null) return '解除（暗号化なし）'
  return wasEncrypted ? '変更' : '設定（暗号化）'
}
