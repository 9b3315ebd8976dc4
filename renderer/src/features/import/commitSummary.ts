import type { ImportPreview, ImportPreviewRow } from '../../../../shared/contract/imports'
import { defaultAction } from '../../../../shared/domain/import/dedupe'
import type { Decisions, DuplicateAction } from './importState'

export interface CommitSummary {
  created: number
  merged: number
  skipped: number
  errors: number
}

/** The action a row will get: its own choice, else what the backend does by default (defaultAction). */
export function actionOf(row: ImportPreviewRow, decisions: Decisions, bulk: DuplicateAction): DuplicateAction {
  return decisions[row.index]?.action ?? defaultAction(row.duplicates[0], bulk)
}

/**
 * Who a merge of this row goes into, by the backend's rule (contactsCommit): the chosen stored
 * person, else the best candidate, which may be an earlier row of the file.
 */
export function mergeTargetOf(
  row: ImportPreviewRow,
  decision: { targetId?: string } | undefined,
): { contactId: string } | { row: number } | null {
  if (decision?.targetId) return { contactId: decision.targetId }
  const best = row.duplicates[0]
  if (best?.contactId) return { contactId: best.contactId }
  return best?.row !== undefined ? { row: best.row } : null
}

/**
 * What pressing "import" will do, as the backend will count it. A merge whose only candidate is
 * an earlier row of the file that is not being created becomes a new person there too.
 */
export function commitSummary(
  preview: ImportPreview,
  duplicateRows: ImportPreviewRow[],
  decisions: Decisions,
  bulk: DuplicateAction,
): CommitSummary {
  const summary: CommitSummary = { created: 0, merged: 0, skipped: 0, errors: preview.counts.errors }
  const created = new Set<number>()
  const okDuplicates = duplicateRows.filter((r) => r.ok)
  const byIndex = new Map(okDuplicates.map((r) => [r.index, r]))
  // Rows without a candidate are created unless the user chose to skip them.
  const skippedPlain = Object.entries(decisions).filter(
    ([index, d]) => d.action === 'skip' && !duplicateRows.some((r) => r.index === Number(index)),
  ).length
  summary.created = preview.counts.ok - okDuplicates.length - skippedPlain
  summary.skipped = skippedPlain
  for (const row of [...okDuplicates].sort((a, b) => a.index - b.index)) {
    const action = actionOf(row, decisions, bulk)
    if (action === 'skip') summary.skipped++
    else if (action === 'merge' && mergeTargetExists(row, decisions, created, byIndex)) summary.merged++
    else {
      summary.created++
      created.add(row.index)
    }
  }
  return summary
}

function mergeTargetExists(
  row: ImportPreviewRow,
  decisions: Decisions,
  created: Set<number>,
  duplicateRowsByIndex: Map<number, ImportPreviewRow>,
): boolean {
  const target = mergeTargetOf(row, decisions[row.index])
  if (!target) return false
  if ('contactId' in target) return true
  // The earlier row was created unless it is itself a skipped or merged duplicate.
  return created.has(target.row) || !duplicateRowsByIndex.has(target.row)
}
