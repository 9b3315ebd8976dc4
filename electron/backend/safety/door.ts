import type {
  BackupInfo,
  FileBackupResult,
  FileRestoreResult,
  RestoreResult,
  SafetyStatus,
} from '../../../shared/contract/safety'

/**
 * What the safety handlers reach through the context: the open flow (backend.ts) implements
 * it, because unlocking and restoring close and reopen the database under the dispatcher.
 */
export interface SafetyDoor {
  status(): SafetyStatus
  unlock(passphrase: string): Promise<SafetyStatus>
  listBackups(): BackupInfo[]
  restore(backupId: string, passphrase?: string): Promise<RestoreResult>
  restoreFromFile(fileId: string, passphrase?: string): Promise<FileRestoreResult>
  backupNow(): Promise<BackupInfo>
  backupToFile(fileId: string): Promise<FileBackupResult>
  setPassphrase(current: string | undefined, next: string | null): Promise<SafetyStatus>
  removePlainBackups(): { removed: number; status: SafetyStatus }
}
