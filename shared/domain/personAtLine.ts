/**
 * 監査ログ names each visit or enrollment line by the person of that record *at the time of the
 * line*, not its person now: after 「参加者を変更」 the visit's 登録 line still recorded the first
 * person, and naming the second there would rewrite history.
 */

/** A line of one record that recorded its person (`changes.contactId` = [before, after]). */
export interface PersonMark {
  id: string
  at: string
  before: string | null
  after: string | null
}

/** Lines in the log's own order: time, then id (UUIDv7, so later ids are later lines). */
const earlier = (a: { at: string; id: string }, b: { at: string; id: string }) => a.at < b.at || (a.at === b.at && a.id < b.id)

/**
 * The person a line is about. A line that recorded its person names them (for a move, the person
 * the record went to; the line shows where it came from itself). Any other line (a date changed)
 * names whom the last earlier mark left the record with, or, before any mark, whom the first
 * later mark found there; with no marks at all (a record older than its log), `current`.
 *
 * @param marks the record's marks, in any order
 */
export function personAtLine(
  marks: readonly PersonMark[],
  line: { id: string; at: string },
  current: string | null,
): string | null {
  const own = marks.find((m) => m.id === line.id)
  if (own) return own.after ?? own.before
  let before: PersonMark | undefined
  let after: PersonMark | undefined
  for (const m of marks) {
    if (earlier(m, line)) {
      if (!before || earlier(before, m)) before = m
    } else if (!after || earlier(m, after)) after = m
  }
  if (before) return before.after ?? before.before
  if (after) return after.before ?? after.after
  return current
}

/** The two people of a line that moved its record from one person to another; null otherwise. */
export function movedBetween(changes: readonly { field: string; before: unknown; after: unknown }[]) {
  const c = changes.find((x) => x.field === 'contactId')
  return c && typeof c.before === 'string' && typeof c.after === 'string' && c.before !== c.after
    ? { from: c.before, to: c.after }
    : null
}
