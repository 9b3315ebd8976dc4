import { describe, expect, it } from 'vitest'
import { readPersonRow } from '../../shared/domain/import/personRow'
import type { ImportField } from '../../shared/domain/import/headers'
import { storedValueDiffers, storedValueOf } from '../../shared/domain/import/storedValue'

describe('what a column becomes (shown beside the cell in the review)', () => {
  const mapping: ImportField[] = ['fullName', 'fullKana', 'birth', 'phone', 'address', 'gender', 'age', 'ignore']
  const cells = ['浜田　一郎', 'ﾊﾏﾀﾞ ｲﾁﾛｳ', 'S60.4.1', '０９０ー００１１ー２２３３', '島根県浜田市殿町1', '男', '', 'x']
  const { draft } = readPersonRow(cells, mapping, '2026-12-02')
  const shown = mapping.map((f) => storedValueOf(f, draft))

  it('gives the normalized value of every mapped column', () => {
    expect(shown).toEqual([
      '浜田 一郎',
      'ハマダ イチロウ',
      '1985-04-01',
      '090-0011-2233',
      '島根県 浜田市',
      '男性',
      '1985-04-01',
      '',
    ])
  })

  it('differs from the cell only where the reading changed something', () => {
    expect(cells.map((c, i) => storedValueDiffers(c, shown[i]!))).toEqual([true, true, true, true, true, true, false, false])
    expect(storedValueDiffers(' 090-0011-2233 ', '090-0011-2233')).toBe(false)
    expect(storedValueDiffers('abc', '')).toBe(false)
  })

  it('an age alone becomes a birth year', () => {
    const aged = readPersonRow(['試験 花子', '34'], ['fullName', 'age'], '2026-12-02').draft
    expect(storedValueOf('age', aged)).toMatch(/^19\d\d年生まれ$/)
  })
})
