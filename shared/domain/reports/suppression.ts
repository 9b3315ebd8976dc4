/**
 * Small-number suppression for published tables (exports only; the screen shows exact numbers).
 *
 * Primary: a count from 1 to k−1 is shown as "k未満" (0 stays 0: an empty cell identifies no one).
 * Secondary: a line (cells that add up to a total) must not let anyone work a hidden count back
 * out. Lines share cells: a prefecture is a cell of the national line and of its area's line,
 * whose total is the area's cell in another table; a program's anonymous headcount is the total
 * of its sessions. A reader knows each shown value, that each primary cell lies in [1, k−1] and
 * each secondary cell is 0 or at least k (1 to k−1 would read 「k未満」) and no bigger than the
 * rule below lets it be (choiceCeiling), and every line's sum. From these the reader narrows each hidden
 * value line by line until nothing changes; while some hidden value is pinned to one number, the
 * smallest shown cell (nonzero first) of a line holding it is hidden too, or, if all its cells
 * are hidden, the line's total.
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

/** Cells (named by id) that add up to `total` (an id too); ids link lines across tables. */
export interface LinkedLine {
  cells: readonly string[]
  total: string
}

export function isPrimary(value: number, k: number): boolean {
  return value >= 1 && value < k
}

type Bounds = readonly [number, number]

function ownBounds(id: string, cells: ReadonlyMap<string, SuppressedCell>, lines: readonly LinkedLine[], k: number): Bounds {
  const cell = cells.get(id)!
  if (cell.state === 'shown') return [cell.value, cell.value]
  return cell.state === 'primary' ? [1, k - 1] : [0, choiceCeiling(id, cells, lines)]
}

/**
 * What the choice rule (nextToHide) tells a reader who knows it: a secondary cell was the
 * smallest shown cell of one of its lines when it was hidden, the first of equals. So it is at
 * most every cell of that line still shown after it, and below those shown before it. Without
 * this, 2, 5, 5, 40 = 52 with k = 3 hid one 5 and gave the 2 away: the hidden pair adds to 7,
 * the hidden 5 can be no more than the shown 5, and the 3未満 cell must then be 2.
 * A total may have been hidden as a total (no smaller cell left): nothing is known of it.
 */
function choiceCeiling(id: string, cells: ReadonlyMap<string, SuppressedCell>, lines: readonly LinkedLine[]): number {
  let ceiling = -Infinity
  for (const line of lines) {
    if (line.total === id) return Infinity
    const at = line.cells.indexOf(id)
    if (at < 0) continue
    let lineCeiling = Infinity
    line.cells.forEach((other, j) => {
      const { state, value } = cells.get(other)!
      if (state === 'shown' && value > 0) lineCeiling = Math.min(lineCeiling, j < at ? value - 1 : value)
    })
    ceiling = Math.max(ceiling, lineCeiling)
  }
  return ceiling === -Infinity ? Infinity : ceiling
}

/** What a reader can narrow each value to (see the file comment). */
function readerBounds(cells: ReadonlyMap<string, SuppressedCell>, lines: readonly LinkedLine[], k: number) {
  const bounds = new Map<string, Bounds>([...cells.keys()].map((id) => [id, ownBounds(id, cells, lines, k)]))
  const narrow = (id: string, lo: number, hi: number): boolean => {
    // A shown value is what it is (a line that does not add up must not move it).
    if (cells.get(id)!.state === 'shown') return false
    const [oldLo, oldHi] = bounds.get(id)!
    let next: Bounds = [Math.max(oldLo, lo), Math.min(oldHi, hi)]
    // A secondary cell is never 1…k−1: the bounds skip that gap.
    if (cells.get(id)!.state === 'secondary')
      next = [next[0] > 0 && next[0] < k ? k : next[0], next[1] > 0 && next[1] < k ? 0 : next[1]]
    if (next[0] === oldLo && next[1] === oldHi) return false
    bounds.set(id, next)
    return true
  }
  // Each pass only narrows; the cap stops a slow creep (never seen on a report's lines).
  for (let pass = 0, changed = true; changed && pass < 1000; pass++) {
    changed = false
    for (const line of lines) {
      const cellBounds = line.cells.map((id) => bounds.get(id)!)
      const sumLo = cellBounds.reduce((s, b) => s + b[0], 0)
      // Upper bounds may be Infinity: kept apart, so "the others' sum" never computes ∞ − ∞.
      const finiteHi = cellBounds.reduce((s, b) => s + (b[1] === Infinity ? 0 : b[1]), 0)
      const infinite = cellBounds.filter((b) => b[1] === Infinity).length
      const [totalLo, totalHi] = bounds.get(line.total)!
      changed = narrow(line.total, sumLo, infinite > 0 ? Infinity : finiteHi) || changed
      line.cells.forEach((id, i) => {
        const [lo, hi] = cellBounds[i]!
        const othersHi = infinite - (hi === Infinity ? 1 : 0) > 0 ? Infinity : finiteHi - (hi === Infinity ? 0 : hi)
        // This cell = total − the others.
        changed = narrow(id, totalLo - othersHi, totalHi - (sumLo - lo)) || changed
      })
    }
  }
  return bounds
}

/** Hidden cells whose value the reader can pin down from what is shown. */
export function pinnedCells(cells: ReadonlyMap<string, SuppressedCell>, lines: readonly LinkedLine[], k: number): string[] {
  const bounds = readerBounds(cells, lines, k)
  return [...cells].filter(([id, c]) => c.state !== 'shown' && bounds.get(id)![0] >= bounds.get(id)![1]).map(([id]) => id)
}

/**
 * The cell to hide next in `line`: its smallest shown cell, else its total. Never a 0: a hidden
 * 0 in a line too small to hold k more is still 0, and gives its neighbours away all the same.
 */
function nextToHide(cells: ReadonlyMap<string, SuppressedCell>, line: LinkedLine): string | null {
  const shown = line.cells
    .map((id, i) => ({ id, i, value: cells.get(id)!.value }))
    .filter(({ id, value }) => cells.get(id)!.state === 'shown' && value > 0)
    .sort((a, b) => a.value - b.value || a.i - b.i)
  if (shown.length > 0) return shown[0]!.id
  return cells.get(line.total)!.state === 'shown' ? line.total : null
}

/**
 * Primary and secondary suppression over linked lines. `values` names every cell of every line;
 * lines earlier in the list are the first place a pinned cell is protected (list the narrow
 * lines, such as an area's prefectures, before the wide ones they add up to).
 */
export function suppressLinked(
  values: ReadonlyMap<string, number>,
  lines: readonly LinkedLine[],
  k: number,
): Map<string, SuppressedCell> {
  const cells = new Map<string, SuppressedCell>(
    [...values].map(([id, value]) => [id, { value, state: isPrimary(value, k) ? 'primary' : 'shown' }]),
  )
  if (k <= 1) return cells
  // Cells pinned even with every cell hidden are given away by their labels alone (a total of 2
  // split into two 「3未満」 cells is 1 + 1; with k = 2, 「2未満」 is 1): hiding more cannot help.
  const allHidden = new Map([...cells].map(([id, c]) => [id, c.state === 'shown' ? { ...c, state: 'secondary' as const } : c]))
  const unavoidable = new Set(pinnedCells(allHidden, lines, k))
  for (;;) {
    const pinned = new Set(pinnedCells(cells, lines, k).filter((id) => !unavoidable.has(id)))
    const target = lines
      .filter((l) => [...l.cells, l.total].some((id) => pinned.has(id)))
      .map((l) => nextToHide(cells, l))
      .find(Boolean)
    if (!target) return cells
    cells.set(target, { value: cells.get(target)!.value, state: 'secondary' })
  }
}

/** One line (a breakdown and its total) suppressed on its own. */
export function suppressLine(values: readonly number[], total: number, k: number): SuppressedLine {
  const ids = values.map((_, i) => String(i))
  const cells = suppressLinked(
    new Map([...values.map((v, i) => [String(i), v] as const), ['total', total]]),
    [{ cells: ids, total: 'total' }],
    k,
  )
  return { cells: ids.map((id) => cells.get(id)!), total: cells.get('total')! }
}

/** Hidden cells of one line that its total pins down. */
export function determinedCells(line: SuppressedLine, k: number): number[] {
  const ids = line.cells.map((_, i) => String(i))
  const cells = new Map([...line.cells.map((c, i) => [String(i), c] as const), ['total', line.total]])
  return pinnedCells(cells, [{ cells: ids, total: 'total' }], k)
    .filter((id) => id !== 'total')
    .map(Number)
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
