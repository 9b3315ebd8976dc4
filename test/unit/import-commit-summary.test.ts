import { describe, expect, it } from 'vitest'
import type { ImportPreview, ImportPreviewRow } from '../../shared/contract/imports'
import { mergeTargetOf, planCommit } from '../../renderer/src/features/import/commitSummary'
import type { Decisions, DuplicateAction } from '../../renderer/src/features/import/importState'

const commitSummary = (p: ImportPreview, rows: ImportPreviewRow[], decisions: Decisions, bulk: DuplicateAction) =>
  planCommit(p, rows, decisions, bulk).summary

const row = (index: number, duplicates: ImportPreviewRow['duplicates'], ok = true) =>
  ({ index, line: index + 2, cells: [], draft: {}, issues: [], ok, duplicates }) as unknown as ImportPreviewRow
const inDb = [{ contactId: 'c1', name: '浜田 一郎', score: 100, reasons: [] }]
const preview = { counts: { rows: 6, ok: 5, errors: 1, warnings: 0, duplicates: 3 } } as ImportPreview

describe('what the commit button promises', () => {
  // Rows 0–1 plain, 2 and 3 match a stored person, 4 matches row 0 of the file, 5 has an error.
  const duplicates = [row(2, inDb), row(3, inDb), row(4, [{ row: 0, name: 'x', score: 90, reasons: [] }])]

  it('counts the bulk choice for rows without their own', () => {
    expect(commitSummary(preview, duplicates, {}, 'merge')).toEqual({ created: 2, merged: 3, skipped: 0, errors: 1 })
    expect(commitSummary(preview, duplicates, {}, 'skip')).toEqual({ created: 2, merged: 0, skipped: 3, errors: 1 })
    expect(commitSummary(preview, duplicates, {}, 'new')).toEqual({ created: 5, merged: 0, skipped: 0, errors: 1 })
  })

  it('a row choice beats the bulk choice, and a plain row can be skipped', () => {
    const decisions = { 1: { action: 'skip' as const }, 2: { action: 'new' as const }, 3: { action: 'skip' as const } }
    expect(commitSummary(preview, duplicates, decisions, 'merge')).toEqual({ created: 2, merged: 1, skipped: 2, errors: 1 })
  })

  it('a merge into an earlier row of the file that is skipped creates a new person instead', () => {
    const dupOfDup = [row(2, inDb), row(3, [{ row: 2, name: 'x', score: 90, reasons: [] }])]
    const p = { counts: { ...preview.counts, ok: 4, duplicates: 2 } } as ImportPreview
    expect(commitSummary(p, dupOfDup, { 2: { action: 'skip' } }, 'merge')).toEqual({
      created: 3,
      merged: 0,
      skipped: 1,
      errors: 1,
    })
  })
  it('a repeat of a row with an error is created, and its own repeat merges into it', () => {
    // Row 0 has an error (marked by the backend); rows 1 and 2 repeat it, row 2 also repeats row 1.
    const fromError = { row: 0, name: 'x', score: 100, reasons: [], rowError: true as const }
    const rows = [row(1, [fromError]), row(2, [fromError, { row: 1, name: 'x', score: 100, reasons: [] }])]
    const p = { counts: { rows: 3, ok: 2, errors: 1, warnings: 0, duplicates: 2 } } as ImportPreview
    const plan = planCommit(p, rows, {}, 'merge')
    expect(plan.summary).toEqual({ created: 1, merged: 1, skipped: 0, errors: 1 })
    expect(plan.best.get(1)).toBeUndefined()
    expect(plan.best.get(2)).toMatchObject({ row: 1 })
    // Row 1 skipped: row 2 has no one left to merge into and is created.
    expect(planCommit(p, rows, { 1: { action: 'skip' } }, 'merge').summary).toEqual({
      created: 1,
      merged: 0,
      skipped: 1,
      errors: 1,
    })
  })
})

describe('who a merge goes into, as the compare panel shows it', () => {
  const earlierThenStored = row(5, [
    { row: 1, name: '見本 花子', score: 100, reasons: [] },
    { contactId: 'c1', name: '見本 花子', score: 95, reasons: [] },
  ])
  it('the best candidate, even an earlier row of the file, unless a stored person is chosen', () => {
    expect(mergeTargetOf(undefined, earlierThenStored.duplicates[0])).toEqual({ row: 1 })
    expect(mergeTargetOf({ targetId: 'c1' }, earlierThenStored.duplicates[0])).toEqual({ contactId: 'c1' })
    expect(mergeTargetOf(undefined, inDb[0])).toEqual({ contactId: 'c1' })
    expect(mergeTargetOf(undefined, undefined)).toBeNull()
  })
})
