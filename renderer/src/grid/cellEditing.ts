import { ApiError } from '../../../shared/contract/errors'

/**
 * The message to show next to a refused edit: the field's own message when the backend
 * names one (INVALID_ARGS → details.issues), otherwise the error's general message.
 */
export function editErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const issue = error.details?.issues?.[0]
    return issue?.message ?? error.message
  }
  return error instanceof Error ? error.message : String(error)
}

/**
 * A typed cell value as the backend expects it: trimmed text, '' meaning "clear" (null).
 * Select editors use '' for their empty choice too.
 */
export function cellInput(value: unknown): string | null {
  if (value === null || value === undefined) return null
  const text = String(value).trim()
  return text === '' ? null : text
}
