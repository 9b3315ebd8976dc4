import { describe, expect, it } from 'vitest'
import type { ImportPreview, ImportPreviewRow } from '../../shared/contract/imports'
import { commitSummary, mergeTargetOf } from '../../renderer/src/features/import/commitSummary'

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
})

describe('who a merge goes into, as the compare panel shows it', () => {
  const earlierThenStored = row(5, [
    { row: 1, name: '見本 花子', score: 100, reasons: [] },
    { contactId: 'c1', name: '見本 花子', score: 95, reasons: [] },
  ])
  it('the best candidate, even an earlier row of the file, unless a stored person is chosen', () => {
    expect(mergeTargetOf(earlierThenStored, undefined)).toEqual({ row: 1 })
    expect(mergeTargetOf(earlierThenStored, { targetId: 'c1' })).toEqual({ contactId: 'c1' })
    expect(mergeTargetOf(row(2, inDb), undefined)).toEqual({ contactId: 'c1' })
    expect(mergeTargetOf(row(0, []), undefined)).toBeNull()
  })
})
