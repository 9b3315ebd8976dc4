import type { FieldChanges } from '../../../shared/domain/fieldChanges'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { recordAudit } from '../db/repos/auditRepo'

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
  const changes: FieldChanges = {}
  for (const [field, value] of Object.entries(facts)) changes[field] = [null, value]
  await recordAudit(ctx.db, [{ userName: ctx.userName, action, entity: 'database', entityId: null, changes }])
}

/** What a passphrase change did, in the words the audit screen shows. */
export function passphraseChange(wasEncrypted: boolean, next: string | null): string {
  if (next === null) return '解除（暗号化なし）'
  return wasEncrypted ? '変更' : '設定（暗号化）'
}
