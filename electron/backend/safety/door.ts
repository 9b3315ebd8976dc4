import type {
  BackupInfo,
  FileBackupResult,
  FileRestoreResult,
  RestorePreview,
  RestoreResult,
  SafetyStatus,
} from '../../../shared/contract/safety'

/** `bringBackErased`: keep the people erased after the copy was made as the copy has them. */
export interface RestoreOptions {
  bringBackErased?: boolean | undefined
}

/**
 * What the safety handlers reach through the context: the open flow (backend.ts) implements
 * it, because unlocking and restoring close and reopen the database under the dispatcher.
 */
export interface SafetyDoor {
  status(): SafetyStatus
  unlock(passphrase: string): Promise<SafetyStatus>
  listBackups(): BackupInfo[]
  restore(backupId: string, passphrase?: string, options?: RestoreOptions): Promise<RestoreResult>
  restorePreview(backupId: string, passphrase?: string): Promise<RestorePreview>
  restoreFromFile(fileId: string, passphrase?: string, options?: RestoreOptions): Promise<FileRestoreResult>
  backupNow(): Promise<BackupInfo>
  backupToFile(fileId: string): Promise<FileBackupResult>
  setPassphrase(current: string | undefined, next: string | null): Promise<SafetyStatus>
  removePlainBackups(): { removed: number; status: SafetyStatus }
}
