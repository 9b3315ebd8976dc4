import type { ImportPreviewRow } from '../../../../shared/contract/imports'
import type { CsvCell } from '../../../../shared/domain/csv'

export interface IssueReportLabels {
  header: [line: string, kind: string, column: string, value: string, message: string]
  error: string
  warning: string
  wholeRow: string
  columnN: (n: number) => string
}

/**
 * The rows of the downloadable error list: one line per problem, errors of a row before its
 * warnings, rows in file order — so it can be fixed in Excel line by line.
 */
export function issueReportRows(
  rows: readonly ImportPreviewRow[],
  headers: readonly string[],
  labels: IssueReportLabels,
): CsvCell[][] {
  const out: CsvCell[][] = [labels.header]
  for (const row of [...rows].sort((a, b) => a.index - b.index)) {
    const issues = [...row.issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))
    for (const issue of issues) {
      const column = issue.column < 0 ? labels.wholeRow : headers[issue.column]?.trim() || labels.columnN(issue.column + 1)
      out.push([
        row.line,
        issue.severity === 'error' ? labels.error : labels.warning,
        column,
        issue.column < 0 ? '' : (row.cells[issue.column] ?? ''),
        issue.message,
      ])
    }
  }
  return out
}
