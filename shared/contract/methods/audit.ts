import { z } from 'zod'
import type { Page } from '../listQuery'
import type { AuditEntry } from '../participantRecords'
import { auditActions } from '../../domain/vocabulary'
import { id } from '../schemaHelpers'
import { method } from './define'

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}/, '日付は YYYY-MM-DD の形式で指定してください')

/**
 * The audit log (監査ログ), newest first. `from`/`to` are inclusive days (or ISO timestamps);
 * `batchId` keeps the lines of one import or bulk action. All filters combine (AND).
 */
export const auditMethods = {
  'audit.list': method<Page<AuditEntry>>()(
    z
      .object({
        entity: z
          .string()
          .regex(/^[a-z_]{1,40}$/, '対象の種類が正しくありません')
          .optional(),
        entityId: id.optional(),
        /** Lines about one person: their own, and those of their visits and enrollments. */
        personId: id.optional(),
        action: z.enum(auditActions.codes).optional(),
        batchId: id.optional(),
        from: day.optional(),
        to: day.optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .strict(),
  ),
} as const
