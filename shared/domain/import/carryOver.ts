/**
 * Carrying a coordinator's work on the review screen (a row fixed in place, a row's own
 * new/merge/skip choice) over to a new reading of the same file: after 「もう一度読み込む」, or
 * when the file is read again with another encoding, sheet, header row or mapping.
 *
 * A row's work is kept only where the new reading has the same line with the same raw cells as
 * the file said when the work was done: then the fix or choice is about the very same data.
 * Where the line now says something else (the file was edited, or another encoding turned the
 * text into something different) the work is dropped, never applied to data it was not made for.
 */

/** What the file said on a line when the work was done (the raw cells, before any fix). */
export interface RowSource {
  line: number
  cells: readonly string[]
}

export interface CarriedWork<T> extends RowSource {
  work: T
}

/** A row of the new reading: its position (index) there, its line and raw cells. */
export interface ReadRow extends RowSource {
  index: number
}

export interface CarryOutcome<T> {
  /** The work, at the row's position in the new reading. */
  kept: { index: number; line: number; work: T }[]
  /** Work whose line is gone or says something else now. */
  dropped: CarriedWork<T>[]
}

/** Cells compared as the file holds them; a reader that pads a short row with '' changes nothing. */
const comparable = (cells: readonly string[]): string[] => {
  let end = cells.length
  while (end > 0 && cells[end - 1] === '') end--
  return cells.slice(0, end)
}

export const sameCells = (a: readonly string[], b: readonly string[]): boolean => {
  const x = comparable(a)
  const y = comparable(b)
  return x.length === y.length && x.every((cell, i) => cell === y[i])
}

/**
 * Matches each piece of work to the new reading's row on the same line with the same raw cells.
 * `fits` can refuse work the new row cannot take although its cells are the same (a merge into
 * a person who is no longer among the row's candidates).
 */
export function carryOver<T, R extends ReadRow = ReadRow>(
  carried: readonly CarriedWork<T>[],
  rows: readonly R[],
  fits: (work: T, row: R) => boolean = () => true,
): CarryOutcome<T> {
  const byLine = new Map(rows.map((row) => [row.line, row]))
  const outcome: CarryOutcome<T> = { kept: [], dropped: [] }
  for (const item of carried) {
    const row = byLine.get(item.line)
    if (row && sameCells(row.cells, item.cells) && fits(item.work, row))
      outcome.kept.push({ index: row.index, line: row.line, work: item.work })
    else outcome.dropped.push(item)
  }
  return outcome
}
