/**
 * Erasures (匿名化, 完全に削除) recorded after a backup, and which of them a restore of that
 * backup applies again. A restore carries the audit lines written after the backup into the
 * restored database; without re-applying the erasures they record, the restored copy would
 * hold again the name and contact details of someone who asked to be erased (APPI 消去).
 */

/** An audit line about a person, as stored: `changes` is the JSON text of the line (or null). */
export interface ErasureAuditLine {
  action: string
  entityId: string
  changes: string | null
}

export type ErasureKind = 'anonymize' | 'delete'

/** How a person stands in the restored copy; absent from the map = not in the copy. */
export interface PersonInCopy {
  anonymized: boolean
}

export interface Erasure {
  contactId: string
  kind: ErasureKind
}

/**
 * What an audit line erased: 'anonymize' for 匿名化, 'delete' for 完全に削除 (the delete line
 * whose `permanent` went false → true); null for anything else, such as moving someone to the
 * trash (a delete without `permanent`), which keeps their data and is brought back with the copy.
 */
export function erasureOf(line: ErasureAuditLine): ErasureKind | null {
  if (line.action === 'anonymize') return 'anonymize'
  if (line.action !== 'delete' || !line.changes) return null
  try {
    const changes = JSON.parse(line.changes) as Record<string, unknown>
    const permanent = changes.permanent
    return Array.isArray(permanent) && permanent[1] === true ? 'delete' : null
  } catch {
    return null
  }
}

/**
 * The erasures to apply again to a restored copy, one per person (a deletion wins over an
 * anonymization of the same person), in the order first recorded. Skipped: people the copy does
 * not hold (added after the backup, or already deleted in it) and, for 匿名化, people already
 * anonymized in the copy, so restoring the same backup twice applies nothing twice.
 */
export function erasuresToReapply(lines: readonly ErasureAuditLine[], copy: ReadonlyMap<string, PersonInCopy>): Erasure[] {
  const byPerson = new Map<string, ErasureKind>()
  for (const line of lines) {
    const kind = erasureOf(line)
    if (!kind) continue
    if (byPerson.get(line.entityId) !== 'delete') byPerson.set(line.entityId, kind)
  }
  const out: Erasure[] = []
  for (const [contactId, kind] of byPerson) {
    const person = copy.get(contactId)
    if (!person) continue
    if (kind === 'anonymize' && person.anonymized) continue
    out.push({ contactId, kind })
  }
  return out
}

/** The people erasures name, for looking up how they stand in a copy. */
export function erasedPeople(lines: readonly ErasureAuditLine[]): string[] {
  return [...new Set(lines.filter((l) => erasureOf(l) !== null).map((l) => l.entityId))]
}
