import type { FieldChanges } from '../../../shared/domain/fieldChanges'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { recordAudit, recordAuditCarrying } from '../db/repos/auditRepo'
import type { AuditEntry, AuditSource } from '../db/repos/auditRepo'
import { erasuresMissing, reapplyErasures } from '../privacy/reapplyErasures'

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
 * Why nothing was carried over although the replaced file was healthy: its log could not be
 * read or copied. The erasures it records were then not applied again either.
 */
export const auditCarryFailed =
  'なし（元のデータベースの監査ログを引き継げなかったため。バックアップの後の匿名化・完全な削除も再適用されていません）'

/** What a restore did with the erasures (匿名化, 完全に削除) recorded after its copy was made. */
export interface ErasuresOutcome {
  /** People anonymized or deleted again. */
  reapplied: number
  /** People the user chose to bring back with the copy (a mistaken deletion undone). */
  broughtBack: number
}

/**
 * The restore's line, written into the restored database once it is open (the app's and the
 * CLI's restore alike), in the same transaction as the audit lines the replaced database had
 * and the backup has not: the data goes back to the backup's time, the record of who did what
 * does not. Nor do the erasures those lines record: someone anonymized or deleted for good
 * after the backup is erased again in the restored copy, unless `bringBackErased` (restoring
 * the before-delete backup of a mistaken deletion is how it is undone). `replaced` is the
 * healthy replaced database's copy (its before-restore backup); null when it was damaged, and
 * the line says nothing could be carried over. A copy that cannot be read after all still lets
 * the restore be logged, saying so.
 */
export async function recordRestoreLine(
  ctx: { db: Kysely<Database>; userName: string },
  facts: Record<string, string>,
  replaced: AuditSource | null,
  options: { bringBackErased?: boolean } = {},
): Promise<ErasuresOutcome> {
  const outcome: ErasuresOutcome = { reapplied: 0, broughtBack: 0 }
  if (replaced) {
    try {
      await recordAuditCarrying(ctx.db, replaced, async (trx, carry) => {
        const erasures = await erasuresMissing(trx, 'replaced', 'main', 'main')
        const erased = options.bringBackErased ? [] : await reapplyErasures(trx, erasures, ctx.userName)
        outcome.reapplied = erased.length
        outcome.broughtBack = options.bringBackErased ? erasures.length : 0
        // After the erasures: scrubbing the person's trails must not blank the carried lines
        // (a 完全に削除 line keeps its `permanent` flag for the next restore to find).
        const carried = await carry()
        return [...erased, safetyLine(ctx.userName, 'restore', { ...facts, auditCarried: carriedText(carried, outcome) })]
      })
      return outcome
    } catch (error) {
      console.error('[safety] the audit log of the replaced database could not be carried over', error)
      // Nothing of that transaction was written, the erasures included: the line says both, so
      // that whoever reads 監査ログ knows to check the people erased after the backup.
      await recordSafetyAudit(ctx, 'restore', { ...facts, auditCarried: auditCarryFailed })
      return { reapplied: 0, broughtBack: 0 }
    }
  }
  await recordSafetyAudit(ctx, 'restore', { ...facts, auditCarried: auditNotCarried })
  return outcome
}

/** 「3件、再適用した匿名化・削除 2人」: the carried lines, and what became of the erasures they record. */
export function carriedText(carried: number, outcome: ErasuresOutcome): string {
  if (outcome.reapplied > 0) return `${carried}件、再適用した匿名化・削除 ${outcome.reapplied}人`
  if (outcome.broughtBack > 0) return `${carried}件、再適用しなかった（復元で戻した）匿名化・削除 ${outcome.broughtBack}人`
  return `${carried}件`
}

/** What a passphrase change did, in the words the audit screen shows. */
export function passphraseChange(wasEncrypted: boolean, next: string | null): string {
  if (next === null) return '解除（暗号化なし）'
  return wasEncrypted ? '変更' : '設定（暗号化）'
}
