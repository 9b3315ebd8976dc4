import { z } from 'zod'
import type { BackupInfo, FileBackupResult, FileRestoreResult, RestorePreview, RestoreResult, SafetyStatus } from '../safety'
import { method } from './define'

const none = z.object({}).strict()
const passphrase = z.string().min(1, 'パスフレーズを入力してください').max(1024)
/** A backup's file name inside the backup folder: no separators, so no path can be chosen. */
const backupId = z
  .string()
  .max(300)
  .regex(/^[^/\\\0]+\.db$/, 'バックアップの指定が正しくありません')
  .refine((s) => s !== '..' && !s.startsWith('.'), 'バックアップの指定が正しくありません')
/**
 * Restore also the people anonymized or deleted for good after the copy was made (undoing a
 * mistaken deletion with its before-delete backup). Left out: they are erased again.
 */
const bringBackErased = z.boolean().optional()
/** A file granted by a save/open dialog (desktop) or by the browser door's transfer (serve). */
const fileId = z.string().min(1).max(100)

/**
 * Integrity, backups and encryption. The five marked "door" answer in every state of the open
 * flow (open, locked, damaged); every other method of the contract answers DB_LOCKED or
 * DB_CORRUPT until the database is open.
 */
export const safetyMethods = {
  /** door */
  'safety.status': method<SafetyStatus>()(none),
  /** door: the passphrase of an encrypted database; a wrong one changes nothing. */
  'safety.unlock': method<SafetyStatus>()(z.object({ passphrase }).strict()),
  /** door */
  'safety.listBackups': method<BackupInfo[]>()(none),
  /** door: replaces the database with a verified backup; the current file is kept aside. */
  'safety.restore': method<RestoreResult>()(z.object({ backupId, passphrase: passphrase.optional(), bringBackErased }).strict()),
  /**
   * Before a restore: how many people the backup holds who were anonymized or deleted for good
   * after it was made (the restore erases them again unless brought back).
   */
  'safety.restorePreview': method<RestorePreview>()(z.object({ backupId, passphrase: passphrase.optional() }).strict()),
  /**
   * door: replaces the database with a copy the user chose (a USB stick), checked exactly as
   * `kakehashi restore --from` checks it; the current file is kept aside.
   */
  'safety.restoreFromFile': method<FileRestoreResult>()(
    z.object({ fileId, passphrase: passphrase.optional(), bringBackErased }).strict(),
  ),
  'safety.backupNow': method<BackupInfo>()(none),
  /** A verified backup written to a file the user chose (as `kakehashi backup --out`). */
  'safety.backupToFile': method<FileBackupResult>()(z.object({ fileId }).strict()),
  /** Removes the unencrypted backups of an encrypted database (those taken before encrypting). */
  'safety.removePlainBackups': method<{ removed: number; status: SafetyStatus }>()(none),
  /** Sets, changes (`current` required) or removes (`next: null`) the passphrase. */
  'safety.setPassphrase': method<SafetyStatus>()(
    z.object({ current: passphrase.optional(), next: passphrase.nullable() }).strict(),
  ),
} as const

export const doorMethodNames: readonly string[] = [
  'safety.status',
  'safety.unlock',
  'safety.listBackups',
  'safety.restore',
  'safety.restoreFromFile',
]
