/** Field → [before, after]: what one line of the audit log (監査ログ) records about a change. */
export type FieldChanges = Record<string, [unknown, unknown]>

/**
 * The fields `values` would change on `before`, each as [before, after]. A field written with
 * the value it already has is no change, so saving a form unchanged writes no audit line and
 * emits no data.changed. Values are compared with ===: callers pass columns as stored (strings,
 * numbers, null), and a list such as a program's municipalities is compared by its caller.
 */
export function changedFields(before: object, values: object): FieldChanges {
  const changes: FieldChanges = {}
  for (const [field, after] of Object.entries(values)) {
    const old = (before as Record<string, unknown>)[field]
    if (old !== after) changes[field] = [old, after]
  }
  return changes
}
