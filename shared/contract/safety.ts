/** Backups, integrity and encryption as the UI sees them (shared/contract/methods/safety.ts). */

/** Why a backup was taken; `before-vN` is the one taken before migrating to schema version N. */
export type BackupReason =
  'daily' | 'manual' | 'before-import' | 'before-delete' | 'before-restore' | 'before-passphrase' | `before-v${number}`

export interface BackupInfo {
  /** The file name in the backup folder; what `safety.restore` takes. */
  id: string
  reason: BackupReason
  createdAt: string
  sizeBytes: number
  schemaVersion: number
  /** Live people and visits in the backup, so the user can tell backups apart. */
  counts: { contacts: number; visits: number }
  encrypted: boolean
  /** Re-opened and checked after writing. */
  verified: boolean
  /** The database's file name without .db (several databases can share a backup folder). */
  database?: string
}

/**
 * Where the open flow stands. `locked`: encrypted, waiting for the passphrase. `damaged`: the
 * file failed its integrity check and is never written to; only restoring is offered.
 */
export type DatabaseState = 'open' | 'locked' | 'damaged'

export interface SafetyStatus {
  state: DatabaseState
  databaseName: string
  /** Japanese description of the damage (damaged state only). */
  problem: string | null
  /** SQLite's own (English, technical) words about the damage, for support; not for the reader. */
  problemDetail: string | null
  encrypted: boolean
  backupDir: string
  lastBackup: BackupInfo | null
  backupCount: number
  /**
   * Backups without encryption while the database is encrypted (taken before it was): readable
   * by whoever finds the laptop, until removed (safety.removePlainBackups). 0 when not encrypted.
   */
  plainBackupCount: number
  /** When the last full-page check (quick_check) passed. */
  lastFullCheckAt: string | null
}

/**
 * What a restore did with the people anonymized (匿名化) or deleted for good (完全に削除) after
 * its copy was made: erased again (the default), or brought back when the user chose so.
 */
export interface RestoredErasures {
  reapplied: number
  broughtBack: number
}

export interface RestoreResult {
  status: SafetyStatus
  restored: BackupInfo
  /** Where the replaced file was kept: a backup (healthy) or the damaged file set aside. */
  previousKeptAt: string
  erasures: RestoredErasures
}

/** Asked before a restore (`safety.restorePreview`). */
export interface RestorePreview {
  /**
   * People the backup still holds who were anonymized or deleted for good after it was made:
   * the restore erases them again unless the user brings them back. null when the backup
   * cannot be read with today's passphrase (its own is asked for when restoring).
   */
  erasedSince: number | null
}

/** A verified backup written to a file the user chose (`safety.backupToFile`). */
export interface FileBackupResult {
  /** The file's base name, for display. */
  name: string
  createdAt: string
  sizeBytes: number
  schemaVersion: number
  counts: { contacts: number; visits: number }
  encrypted: boolean
}

/** A restore from a file the user chose (`safety.restoreFromFile`). */
export interface FileRestoreResult {
  status: SafetyStatus
  /** What was restored: the file's base name and what it held. */
  restored: { name: string; schemaVersion: number; counts: { contacts: number; visits: number }; encrypted: boolean }
  /** Where the replaced file was kept: a backup (healthy) or the damaged file set aside. */
  previousKeptAt: string
  erasures: RestoredErasures
}
