import type { TFunction } from 'i18next'
import type { AuditEntry } from '../../../../shared/contract/participantRecords'

/**
 * How a batch reads on screen: an import by its file (what the coordinator remembers), any
 * other bulk action by the last 8 characters of its id (a UUIDv7 starts with the time, so
 * batches made close together share their first characters). Null for a single change.
 */
export function batchLabel(t: TFunction, entry: Pick<AuditEntry, 'batchId' | 'importFileName'>): string | null {
  if (!entry.batchId) return null
  if (entry.importFileName) return t('audit.batchImport', { file: entry.importFileName })
  return t('audit.batchBulk', { id: entry.batchId.slice(-8) })
}
