import type { ImportPreview, ImportPreviewRow } from '../../../../shared/contract/imports'
import { defaultAction, personMatch } from '../../../../shared/domain/import/dedupe'
import type { Decisions, DuplicateAction } from './importState'

export interface CommitSummary {
  created: number
  merged: number
  skipped: number
  errors: number
}

type Candidate = ImportPreviewRow['duplicates'][number]

/**
 * The commit as the backend will play it (contactsCommit), row by row in file order: each
 * duplicate row's match that is a person (personMatch: an earlier row that writes no one, by an
 * error or a skip, is passed over), and the counts the button promises.
 */
export interface CommitPlan {
  summary: CommitSummary
  /** A duplicate row's match that is a person; undefined when none is (it is then created). */
  best: ReadonlyMap<number, Candidate | undefined>
}

/** The action a row will get: its own choice, else what the backend does by default (defaultAction). */
export function actionOf(
  row: ImportPreviewRow,
  decisions: Decisions,
  bulk: DuplicateAction,
  best: Candidate | undefined,
): DuplicateAction {
  return decisions[row.index]?.action ?? defaultAction(best, bulk)
}

/**
 * Who a merge of this row goes into, by the backend's rule (contactsCommit): the chosen stored
 * person, else the best match (the plan's), which may be an earlier row of the file.
 */
export function mergeTargetOf(
  decision: { targetId?: string } | undefined,
  best: Candidate | undefined,
): { contactId: string } | { row: number } | null {
  if (decision?.targetId) return { contactId: decision.targetId }
  if (best?.contactId) return { contactId: best.contactId }
  return best?.row !== undefined ? { row: best.row } : null
}

export function planCommit(
  preview: ImportPreview,
  duplicateRows: ImportPreviewRow[],
  decisions: Decisions,
  bulk: DuplicateAction,
): CommitPlan {
  const summary: CommitSummary = { created: 0, merged: 0, skipped: 0, errors: preview.counts.errors }
  const best = new Map<number, Candidate | undefined>()
  const okDuplicates = duplicateRows.filter((r) => r.ok).sort((a, b) => a.index - b.index)
  const duplicateIndexes = new Set(duplicateRows.map((r) => r.index))
  // Rows without a candidate are created unless the user chose to skip them.
  const skippedPlain = Object.entries(decisions).filter(
    ([index, d]) => d.action === 'skip' && !duplicateIndexes.has(Number(index)),
  ).length
  summary.created = preview.counts.ok - okDuplicates.length - skippedPlain
  summary.skipped = skippedPlain
  // Earlier rows named as candidates: those with an error are marked so by the backend.
  const errorRows = new Set(duplicateRows.flatMap((r) => r.duplicates.filter((d) => d.rowError).map((d) => d.row!)))
  const people = new Set<number>()
  const isPerson = (index: number) =>
    duplicateIndexes.has(index) ? people.has(index) : !errorRows.has(index) && decisions[index]?.action !== 'skip'
  for (const row of okDuplicates) {
    const match = personMatch(row.duplicates, isPerson)
    best.set(row.index, match)
    const action = actionOf(row, decisions, bulk, match)
    if (action === 'skip') {
      summary.skipped++
      continue
    }
    if (action === 'merge' && mergeTargetOf(decisions[row.index], match)) summary.merged++
    else summary.created++
    people.add(row.index)
  }
  return { summary, best }
}
