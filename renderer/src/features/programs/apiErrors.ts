import type { ApiError } from '../../../../shared/contract/errors'

/** Field → message from a refused call's issues (the last path element names the field). */
export function fieldErrors(error: unknown): Record<string, string> {
  const issues = (error as ApiError | undefined)?.details?.issues ?? []
  const out: Record<string, string> = {}
  for (const issue of issues) {
    const field = String(issue.path[issue.path.length - 1] ?? '')
    if (field && !out[field]) out[field] = issue.message
  }
  return out
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
