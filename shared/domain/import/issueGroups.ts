import type { CellIssue } from './personRow'

/** One message repeated on many rows of a file: said once, with how many rows and which. */
export interface IssueGroup {
  severity: CellIssue['severity']
  column: number
  message: string
  /** Rows of the file with this very message in this column. */
  rows: number
  /** The first few of their line numbers, in file order (「2, 3, 5行目など」). */
  lines: number[]
}

/**
 * From this many rows on, the same message is one line of the issue list: a sign-in sheet
 * naming a program not yet registered repeats 「…は登録されていません」 on every row, and 300
 * identical lines hide the one thing to do. One or two rows still read best row by row.
 */
export const GROUP_FROM_ROWS = 3
const LINES_SHOWN = 5

/** The key a row's issue is grouped by: the same severity, column and words. */
export const issueKey = (issue: CellIssue): string => `${issue.severity}\u0000${issue.column}\u0000${issue.message}`

/**
 * The messages of a whole file that repeat on GROUP_FROM_ROWS rows or more, errors first, then
 * the most repeated. Each row counts once per message (a row does not say the same thing twice).
 */
export function repeatedIssues(
  rows: readonly { line: number; read: { issues: readonly CellIssue[] } }[],
  from = GROUP_FROM_ROWS,
): IssueGroup[] {
  const groups = new Map<string, IssueGroup>()
  for (const row of rows) {
    for (const key of new Set(row.read.issues.map(issueKey))) {
      let group = groups.get(key)
      if (!group) {
        const issue = row.read.issues.find((i) => issueKey(i) === key)!
        groups.set(key, (group = { severity: issue.severity, column: issue.column, message: issue.message, rows: 0, lines: [] }))
      }
      group.rows++
      if (group.lines.length < LINES_SHOWN) group.lines.push(row.line)
    }
  }
  return [...groups.values()]
    .filter((g) => g.rows >= from)
    .sort((a, b) => (a.severity === b.severity ? b.rows - a.rows : a.severity === 'error' ? -1 : 1))
}
