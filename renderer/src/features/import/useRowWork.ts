import { useCallback, useEffect, useRef, useState } from 'react'
import type { ImportFixRowResult, ImportPreview, ImportPreviewRow } from '../../../../shared/contract/imports'
import { carryOver } from '../../../../shared/domain/import/carryOver'
import type { CarriedWork, RowSource } from '../../../../shared/domain/import/carryOver'
import { api } from '../../api/client'
import type { Decisions, ImportSource, RowDecision } from './importState'

/** What the coordinator did to one row on the review screen: fixed its cells, chose for it. */
interface RowWork {
  fix?: string[]
  decision?: RowDecision
}

/** How the work of the last reading fared on the new one (null until a reading carries some). */
export interface CarryNotice {
  kept: number
  dropped: number
  /** The lines whose work could not be kept. */
  lines: number[]
}

const ROWS_PER_CALL = 1000

/** The new reading's rows up to the last line that has work (rows come in line order). */
async function rowsUpTo(previewId: string, lastLine: number): Promise<ImportPreviewRow[]> {
  const rows: ImportPreviewRow[] = []
  for (let offset = 0; ; offset += ROWS_PER_CALL) {
    const page = await api.call('import.previewRows', { previewId, offset, limit: ROWS_PER_CALL, filter: 'all' })
    rows.push(...page.rows)
    const last = page.rows.at(-1)
    if (!last || last.line >= lastLine || offset + ROWS_PER_CALL >= page.total) return rows
  }
}

/** A merge into a person is kept only while that person is still one of the row's candidates. */
const takes = (decision: RowDecision | undefined, row: ImportPreviewRow) =>
  !decision?.targetId || row.duplicates.some((d) => d.contactId === decision.targetId)

/**
 * The row choices (new/merge/skip) and the rows fixed in place, for the preview being shown, and
 * their way onto the next reading of the same file (「もう一度読み込む」, another encoding, sheet,
 * header row or mapping): kept where the line's raw cells are unchanged (shared carryOver),
 * dropped where they changed, and counted both ways for the screen to say.
 */
export function useRowWork(
  source: ImportSource | null,
  preview: ImportPreview | null,
  fixed: (counts: ImportPreview['counts']) => void,
) {
  const [decisions, setDecisions] = useState<Decisions>({})
  const [notice, setNotice] = useState<CarryNotice | null>(null)
  const [carrying, setCarrying] = useState(false)
  // Per row index of the reading shown: the line and raw cells as the file had them, and the fix.
  const raw = useRef<Record<number, RowSource>>({})
  const fixes = useRef<Record<number, string[]>>({})
  const decided = useRef(decisions)
  decided.current = decisions
  const reading = useRef<{ previewId: string; source: ImportSource | null; kind: string } | null>(null)

  const previewId = preview?.previewId
  useEffect(() => {
    // No preview (reading, or a reading that failed): the work waits for the next one.
    if (!preview) return
    const before = reading.current
    reading.current = { previewId: preview.previewId, source, kind: preview.kind }
    const work: CarriedWork<RowWork>[] = Object.entries(raw.current).flatMap(([key, at]) => {
      const index = Number(key)
      const item = { fix: fixes.current[index], decision: decided.current[index] }
      return item.fix || item.decision ? [{ ...at, work: item }] : []
    })
    raw.current = {}
    fixes.current = {}
    setDecisions({})
    setNotice(null)
    // Work belongs to one file and one kind; only a contacts reading can take fixes.
    if (!before || before.source !== source || before.kind !== preview.kind || work.length === 0) return
    let current = true
    setCarrying(true)
    void carry(preview.previewId, work).finally(() => current && setCarrying(false))
    return () => {
      current = false
    }

    async function carry(id: string, items: CarriedWork<RowWork>[]) {
      let outcome
      try {
        const rows = await rowsUpTo(id, Math.max(...items.map((w) => w.line)))
        outcome = carryOver(items, rows, (w, row) => w.fix !== undefined || takes(w.decision, row))
      } catch {
        outcome = { kept: [], dropped: items }
      }
      const lines = outcome.dropped.map((w) => w.line)
      const chosen: Decisions = {}
      let counts: ImportPreview['counts'] | null = null
      for (const { index, line, work: w } of outcome.kept) {
        const at = items.find((item) => item.line === line)!
        if (w.fix) {
          try {
            const result = await api.call('import.fixRow', { previewId: id, index, cells: w.fix })
            if (!current) return
            counts = result.counts
            fixes.current[index] = result.row.cells
            // A choice made after the fix was about the fixed row: its candidates must still be there.
            if (w.decision && !takes(w.decision, result.row)) lines.push(line)
            else if (w.decision) chosen[index] = w.decision
          } catch {
            lines.push(line)
            continue
          }
        } else if (w.decision) chosen[index] = w.decision
        raw.current[index] = { line, cells: at.cells }
      }
      if (!current) return
      if (counts) fixed(counts)
      setDecisions(chosen)
      lines.sort((a, b) => a - b)
      setNotice({ kept: items.length - lines.length, dropped: lines.length, lines })
    }
    // Only a new reading (previewId) moves the work; source and kind are read as they are then.
  }, [previewId])

  /** The row's own choice (null: back to the bulk choice). */
  const decide = useCallback((row: ImportPreviewRow, decision: RowDecision | null) => {
    raw.current[row.index] ??= { line: row.line, cells: row.cells }
    setDecisions((d) => {
      const next = { ...d }
      if (decision) next[row.index] = decision
      else delete next[row.index]
      return next
    })
  }, [])

  /** A row fixed in place: `before` is the row as shown when its editor opened. */
  const fixedRow = useCallback(
    (before: ImportPreviewRow, result: ImportFixRowResult) => {
      raw.current[before.index] ??= { line: before.line, cells: before.cells }
      fixes.current[before.index] = result.row.cells
      fixed(result.counts)
    },
    [fixed],
  )

  return { decisions, decide, fixedRow, notice, carrying }
}
