import { describe, expect, it } from 'vitest'
import { carryOver, sameCells } from '../../shared/domain/import/carryOver'

const row = (index: number, line: number, cells: string[]) => ({ index, line, cells })

describe('carryOver', () => {
  it('keeps work on a line whose raw cells are unchanged, at the row’s new position', () => {
    const carried = [{ line: 3, cells: ['隠岐 港', 'minato@example'], work: { fix: ['隠岐 港', 'minato@example.jp'] } }]
    // Read with another header row: line 3 is now the first data row.
    const outcome = carryOver(carried, [row(0, 3, ['隠岐 港', 'minato@example']), row(1, 4, ['海士 凪', ''])])
    expect(outcome.kept).toEqual([{ index: 0, line: 3, work: { fix: ['隠岐 港', 'minato@example.jp'] } }])
    expect(outcome.dropped).toEqual([])
  })

  it('drops work whose line now says something else, or is gone', () => {
    const changed = { line: 2, cells: ['隠岐 港'], work: 'skip' }
    const gone = { line: 9, cells: ['知夫 渚'], work: 'new' }
    const kept = { line: 3, cells: ['海士 凪'], work: 'merge' }
    // Read as Shift_JIS, UTF-8 text turns into other characters on line 2.
    const outcome = carryOver([changed, gone, kept], [row(0, 2, ['髫蟯 貂ｯ']), row(1, 3, ['海士 凪'])])
    expect(outcome.kept).toEqual([{ index: 1, line: 3, work: 'merge' }])
    expect(outcome.dropped).toEqual([changed, gone])
  })

  it('drops work the new row cannot take although its cells are the same', () => {
    const carried = [{ line: 2, cells: ['隠岐 港'], work: { targetId: 'a' } }]
    const outcome = carryOver(carried, [row(0, 2, ['隠岐 港'])], (work, r) => r.index === 0 && work.targetId === 'b')
    expect(outcome.kept).toEqual([])
    expect(outcome.dropped).toEqual(carried)
  })
})

describe('sameCells', () => {
  it('ignores empty cells a reader pads a short row with, and nothing else', () => {
    expect(sameCells(['a', 'b'], ['a', 'b', '', ''])).toBe(true)
    expect(sameCells(['a', '', 'b'], ['a', 'b'])).toBe(false)
    expect(sameCells(['a '], ['a'])).toBe(false)
  })
})
