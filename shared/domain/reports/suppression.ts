/**
 * Small-number suppression for published tables (exports only; the screen shows exact numbers).
 *
 * Primary: a count from 1 to k−1 is shown as "k未満" (0 stays 0: an empty cell identifies no one).
 * Secondary: a line (a breakdown with its shown total) must not let anyone work a hidden count back
 * out. A reader knows each primary cell lies in [1, k−1], each secondary cell in [0, ∞), and that
 * the hidden cells add up to total − (shown cells). While some hidden cell has only one possible
 * value under those facts, the smallest shown cell (nonzero first) is hidden too; if every cell is
 * hidden and one is still determined, the line's total is hidden as well.
 */
export type CellState = 'shown' | 'primary' | 'secondary'

export interface SuppressedCell {
  value: number
  state: CellState
}

export interface SuppressedLine {
  cells: SuppressedCell[]
  total: SuppressedCell
}

export function isPrimary(value: number, k: number): boolean {
  return value >= 1 && value < k
}

/** Hidden cells whose value is fixed by the line total (the reader's interval reasoning). */
export function determinedCells(line: SuppressedLine, k: number): number[] {
  if (line.total.state !== 'shown') return []
  const hidden = line.cells.map((c, i) => ({ ...c, i })).filter((c) => c.state !== 'shown')
  if (hidden.length === 0) return []
  const shownSum = line.cells.reduce((s, c) => s + (c.state === 'shown' ? c.value : 0), 0)
  const rest = line.total.value - shownSum
  const lo = (c: SuppressedCell) => (c.state === 'primary' ? 1 : 0)
  const hi = (c: SuppressedCell) => (c.state === 'primary' ? k - 1 : Infinity)
  const sumLo = hidden.reduce((s, c) => s + lo(c), 0)
  const sumHi = hidden.reduce((s, c) => s + hi(c), 0)
  return hidden
    .filter((c) => {
      const min = Math.max(lo(c), rest - (sumHi - hi(c)))
      const max = Math.min(hi(c), rest - (sumLo - lo(c)))
      return min >= max
    })
    .map((c) => c.i)
}

export function suppressLine(values: readonly number[], total: number, k: number): SuppressedLine {
  const line: SuppressedLine = {
    cells: values.map((value) => ({ value, state: isPrimary(value, k) ? 'primary' : 'shown' })),
    total: { value: total, state: isPrimary(total, k) ? 'primary' : 'shown' },
  }
  if (k <= 1) return line
  while (determinedCells(line, k).length > 0) {
    const candidates = line.cells
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => c.state === 'shown')
      .sort((a, b) => (a.c.value === 0 ? 1 : 0) - (b.c.value === 0 ? 1 : 0) || a.c.value - b.c.value || a.i - b.i)
    if (candidates.length === 0) {
      line.total = { value: total, state: 'secondary' }
      break
    }
    line.cells[candidates[0].i].state = 'secondary'
  }
  return line
}

/** A single figure with no breakdown (e.g. 新規): primary suppression only. */
export function suppressValue(value: number, k: number): SuppressedCell {
  return { value, state: k > 1 && isPrimary(value, k) ? 'primary' : 'shown' }
}

/** What an export writes for a cell: the number, "k未満", or "秘匿". */
export function displayCell(cell: SuppressedCell, k: number): number | string {
  if (cell.state === 'primary') return `${k}未満`
  if (cell.state === 'secondary') return '秘匿'
  return cell.value
}

/** No suppression (--no-suppress, or k ≤ 1): every cell shown. */
export function unsuppressedLine(values: readonly number[], total: number): SuppressedLine {
  return { cells: values.map((value) => ({ value, state: 'shown' })), total: { value: total, state: 'shown' } }
}
