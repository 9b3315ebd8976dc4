import { useEffect, useState } from 'react'
import type { IssueGroup } from '../../../../shared/domain/import/issueGroups'
import { api } from '../../api/client'

/**
 * The whole file's repeated messages (import.issueGroups), read again after each fix in place
 * (`revision`). Not available (a stale preview): none, and every issue is listed row by row.
 */
export function useIssueGroups(previewId: string, revision: number): IssueGroup[] {
  const [state, setState] = useState<{ previewId: string; groups: IssueGroup[] } | null>(null)
  useEffect(() => {
    let current = true
    api.call('import.issueGroups', { previewId }).then(
      (groups) => current && setState({ previewId, groups }),
      () => current && setState({ previewId, groups: [] }),
    )
    return () => {
      current = false
    }
  }, [previewId, revision])
  return state?.previewId === previewId ? state.groups : []
}
