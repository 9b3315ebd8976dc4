import { ApiError } from '../../../shared/contract/errors'
import type { BackendContext } from '../context'
import { runTransactionJob } from '../jobs/transactionJob'
import type { TransactionWork } from '../jobs/transactionJob'
import { backupBesideTransaction } from '../safety/takeBackup'
import type { CommitOptions, RowDecision } from './contactsCommit'
import { assertPreviewCurrent, importsChanged } from './previewStore'

/** What every kind of preview has that its commit needs. */
interface CommittablePreview {
  previewId: string
  rows: readonly { index: number; line: number; duplicates?: readonly { contactId?: string }[] }[]
  headers: readonly string[]
  mapping: readonly string[]
  source: { fileName: string }
}

/** Previews whose commit is running now (any kind). */
const committing = new WeakSet<object>()

/** Whether this preview's commit is running (import.fixRow must not change a row under it). */
export const isCommitting = (preview: object): boolean => committing.has(preview)

/**
 * What every import's commit does around its writer: once per preview (two windows or a double
 * click must not write it twice), ONE transaction job with progress and cancel, and a verified
 * backup of the state before it (an import is the one change that can touch thousands of
 * people), written beside the job and finished before it commits. A cancel
 * or a failure leaves the database as it was and keeps the preview for another try.
 */
export async function commitOnce<T>(
  ctx: BackendContext,
  preview: CommittablePreview,
  request: { onDuplicate: CommitOptions['onDuplicate']; decisions: Record<string, RowDecision>; jobId?: string },
  write: (options: CommitOptions) => TransactionWork<T>,
): Promise<T> {
  if (committing.has(preview)) throw ApiError.from('CONFLICT', {}, 'この取り込みはすでに実行中です。')
  refuseTargetsNotCandidates(preview, request.decisions)
  committing.add(preview)
  try {
    const options: CommitOptions = {
      onDuplicate: request.onDuplicate,
      decisions: Object.fromEntries(Object.entries(request.decisions).map(([row, decision]) => [Number(row), decision])),
      userName: ctx.userName,
      // Recorded with the batch: which column went where, by header (列N for a blank one).
      mapping: Object.fromEntries(preview.headers.map((h, i) => [h || `列${i + 1}`, preview.mapping[i] ?? 'ignore'])),
    }
    const job = {
      jobId: request.jobId,
      total: preview.rows.length,
      label: preview.source.fileName,
      beside: () => backupBesideTransaction(ctx, 'before-import'),
    }
    const result = await runTransactionJob(ctx, job, () => {
      // Checked inside the job, once no other import can commit before this one.
      assertPreviewCurrent(ctx, preview)
      return write(options)
    })
    importsChanged(ctx)
    return result
  } finally {
    committing.delete(preview)
  }
}

/**
 * A chosen merge target must be one of the row's candidates now. A choice made before the row
 * was fixed in place could name someone the fixed row no longer matches, and would fill that
 * person's blanks from another person's row.
 */
function refuseTargetsNotCandidates(preview: CommittablePreview, decisions: Record<string, RowDecision>): void {
  for (const [index, decision] of Object.entries(decisions)) {
    if (!decision.targetId) continue
    const row = preview.rows.find((r) => r.index === Number(index))
    if (row?.duplicates?.some((d) => d.contactId === decision.targetId)) continue
    throw ApiError.from(
      'INVALID_ARGS',
      { row: Number(index), targetId: decision.targetId },
      `${row ? `${row.line}行目` : `${Number(index) + 1}件目の行`}の統合先は、この行の重複の候補にありません。確認画面で選び直してください。`,
    )
  }
}
