import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ageBandAt } from '../../shared/domain/reports/ageBand'
import { ageOn } from '../../shared/domain/dates'
import { determinedCells, displayCell, suppressLine } from '../../shared/domain/reports/suppression'
import type { SuppressedCell } from '../../shared/domain/reports/suppression'
import { continuingWindowStart } from '../../shared/domain/reports/window'
import { reportDefinitions } from '../../shared/domain/reports/definitions'
import { defaultReportRules } from '../../shared/domain/reports/types'
import { rulesFromSettings } from '../../shared/domain/reports/rules'

describe('age band at April 1 of the fiscal year', () => {
  it('counts a birthday on April 1 as already reached, April 2 as not yet', () => {
    expect(ageBandAt('2004-04-01', 2024, 2024)).toBe('20代') // turns 20 on 2024-04-01
    expect(ageBandAt('2004-04-02', 2004, 2024)).toBe('〜19') // still 19 on 2024-04-01
  })
  it('handles leap-day births and the 70+ band', () => {
    expect(ageBandAt('2000-02-29', 2000, 2024)).toBe('20代')
    expect(ageBandAt('1955-03-31', 1955, 2024)).toBe('60代') // 69 on 2024-04-01
    expect(ageBandAt('1954-03-31', 1954, 2024)).toBe('70代以上')
  })
  it('assumes a July 1 birthday when only the year is known, and 不明 when nothing is', () => {
    expect(ageBandAt(null, 1994, 2024)).toBe('20代') // 29 on 2024-04-01
    expect(ageBandAt(null, 1995, 2024)).toBe('20代') // 28
    expect(ageBandAt(null, 1984, 2024)).toBe('30代') // 39
    expect(ageBandAt(null, null, 2024)).toBe('不明')
  })
})

describe('age band agrees with ageOn (dates.ts) for every kind of birth', () => {
  it('matches the decade of ageOn on April 1 (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1920-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }),
        fc.boolean(),
        fc.integer({ min: 2000, max: 2030 }),
        (date, onlyYear, fy) => {
          const iso = date.toISOString().slice(0, 10)
          const birth = onlyYear ? { birthDate: null, birthYear: Number(iso.slice(0, 4)) } : { birthDate: iso, birthYear: null }
          const age = ageOn(birth, `${fy}-04-01`)
          const expected = age === null ? '不明' : age < 20 ? '〜19' : age >= 70 ? '70代以上' : `${Math.floor(age / 10) * 10}代`
          expect(ageBandAt(birth.birthDate, birth.birthYear, fy)).toBe(expected)
        },
      ),
      { numRuns: 3000 },
    )
  })
})

describe('continuing-rule window', () => {
  it('ends on March 31 of the fiscal year', () => {
    expect(continuingWindowStart(2024, 12)).toBe('2024-04-01')
    expect(continuingWindowStart(2024, 24)).toBe('2023-04-01')
    expect(continuingWindowStart(2024, 6)).toBe('2024-10-01')
    expect(continuingWindowStart(2024, 15)).toBe('2024-01-01')
    expect(continuingWindowStart(2019, 1)).toBe('2020-03-01')
  })
})

describe('definitions', () => {
  it('print the year in 和暦 and 西暦, the continuing rule and the 移住 text actually used', () => {
    const rules = {
      ...defaultReportRules,
      continuingMinInvolvements: 5,
      continuingIncludesOnline: false,
      movedInDefinition: '県外から転入し5年以上住む意思のある人',
    }
    const text = reportDefinitions(2019, rules, { programIds: [], fundingSource: null }, [])
      .map((d) => `${d.term}:${d.text}`)
      .join('\n')
    expect(text).toContain('令和元年度（2019年度）')
    expect(text).toContain('2019-04-01〜2020-03-31')
    expect(text).toContain('5件以上')
    expect(text).toContain('オンラインを含まない')
    expect(text).toContain('県外から転入し5年以上住む意思のある人')
    expect(text).toContain('削除')
    // Erasure requests: anonymized people stay counted, people deleted for good do not.
    expect(text).toContain('匿名化した人も数える')
    expect(text).toContain('完全に削除した人は、過去の年度も含めて数えない')
  })
  it('stored settings fall back field by field', () => {
    expect(rulesFromSettings({ continuingMinInvolvements: 4, suppressionK: 'x' })).toEqual({
      ...defaultReportRules,
      continuingMinInvolvements: 4,
    })
    expect(rulesFromSettings(undefined)).toEqual(defaultReportRules)
  })
})

/**
 * The values each cell of a line can take, given the shown values, the labels and the rule that
 * picks a 「秘匿」 cell (the smallest shown cell, the first of equals: so it is no bigger than a
 * shown cell after it and smaller than one before it). Capped.
 */
function possibleValues(cells: SuppressedCell[], total: SuppressedCell, k: number, cap: number): Set<number>[] {
  const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i)
  const byRule = (v: number, at: number) =>
    cells.every((o, j) => o.state !== 'shown' || o.value === 0 || (j < at ? v < o.value : v <= o.value))
  const domain = (c: SuppressedCell, at = -1) =>
    c.state === 'shown'
      ? [c.value]
      : c.state === 'primary'
        ? range(1, k - 1)
        : [0, ...range(k, cap)].filter((v) => at < 0 || byRule(v, at))
  const totals = new Set(domain(total))
  return cells.map((c, i) => {
    let sums = new Set([0])
    cells.forEach((o, j) => {
      if (j === i) return
      const next = new Set<number>()
      for (const s of sums) for (const v of domain(o, j)) if (s + v <= cap) next.add(s + v)
      sums = next
    })
    return new Set(domain(c, i).filter((v) => [...sums].some((s) => totals.has(s + v))))
  })
}

describe('small-number suppression of a breakdown line', () => {
  it('shows 1 and 2 as "3未満", keeps 0, and hides a second cell so the first cannot be subtracted out', () => {
    const line = suppressLine([10, 1, 0, 7], 18, 3)
    expect(line.cells.map((c) => displayCell(c, 3))).toEqual([10, '3未満', 0, '秘匿'])
    expect(line.total.state).toBe('shown')
  })

  it('never shows 1…k−1 and never leaves a hidden cell that the total pins down (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 12 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 2, max: 5 }), (values, k) => {
        const total = values.reduce((a, b) => a + b, 0)
        const line = suppressLine(values, total, k)
        const shown = [...line.cells, line.total].filter((c) => c.state === 'shown').map((c) => c.value)
        for (const v of shown) expect(v === 0 || v >= k).toBe(true)
        // Brute force: every hidden cell has two or more values that agree with what is shown
        // (a 「秘匿」 cell is 0 or ≥ k), unless it has one even with every cell hidden: then the
        // labels alone give it away (k = 2, where 「2未満」 is 1; or a total of 2 over two 「3未満」).
        const hideAll = (c: SuppressedCell): SuppressedCell => (c.state === 'shown' ? { ...c, state: 'secondary' } : c)
        const seen = possibleValues(line.cells, line.total, k, total + k)
        const blind = possibleValues(line.cells.map(hideAll), hideAll(line.total), k, total + k)
        line.cells.forEach((c, i) => {
          if (c.state !== 'shown' && blind[i]!.size > 1)
            expect(seen[i]!.size, `cell ${i} of ${JSON.stringify(values)}, k=${k}`).toBeGreaterThan(1)
        })
      }),
      { numRuns: 2000 },
    )
  })

  it('does not give a 「3未満」 cell away to a reader who knows which cell the rule hides next', () => {
    // Hiding one 5 left 3未満, 秘匿, 5, 40 = 52: the hidden pair is 7, the 秘匿 cell is at most the
    // shown 5, so it is 5 and the first cell is 2.
    const line = suppressLine([2, 5, 5, 40], 52, 3)
    expect(line.cells.map((c) => displayCell(c, 3))).toEqual(['3未満', '秘匿', '秘匿', 40])
    expect(determinedCells(line, 3)).toEqual([])
    const leaky = { cells: [...line.cells.slice(0, 2), { value: 5, state: 'shown' as const }, line.cells[3]!], total: line.total }
    expect(determinedCells(leaky, 3)).toEqual([0, 1])
  })

  it('hides the total too when even hiding every cell would give them away (3 people, one each)', () => {
    const line = suppressLine([1, 1, 1], 3, 3)
    expect(line.cells.every((c) => c.state === 'primary')).toBe(true)
    expect(line.total.state).toBe('secondary')
  })
})
