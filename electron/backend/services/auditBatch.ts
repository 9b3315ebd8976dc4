import { uuidv7 } from 'uuidv7'

/**
 * The batch id for one user action's audit lines (issue 7: each line says which batch it
 * belongs to). An action that touches several records shares one id, so the log can show
 * everything one bulk edit did and nothing else; a change to a single record is its own story
 * and gets none. Imports and pastes have their own ids (the import batch, the paste).
 */
export function batchIdFor(records: number): string | null {
  return records > 1 ? uuidv7() : null
}
