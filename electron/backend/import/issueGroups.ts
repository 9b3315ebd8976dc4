import { repeatedIssues } from '../../../shared/domain/import/issueGroups'
import type { IssueGroup } from '../../../shared/domain/import/issueGroups'
import type { BackendContext } from '../context'
import { findPreview } from './contactsImport'
import { findKindPreview, isKindPreview } from './kindsImport'

/**
 * import.issueGroups: the messages of the whole previewed file that repeat on many rows (the
 * review screen pages its rows, so it cannot count them itself). Read from the preview as it is
 * now: a row fixed in place is counted as fixed.
 */
export function previewIssueGroups(ctx: BackendContext, previewId: string): IssueGroup[] {
  const { rows } = isKindPreview(ctx, previewId) ? findKindPreview(ctx, previewId) : findPreview(ctx, previewId)
  return repeatedIssues(rows)
}
