import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { suppressLinked } from '../../shared/domain/reports/suppression'
import type { LinkedLine, SuppressedCell } from '../../shared/domain/reports/suppression'
import { publishedFigures } from '../../shared/domain/reports/published'
import type { FiscalYearReport } from '../../shared/domain/reports/types'

/**
 * A two-level table as a reader sees it: areas made of prefectures, and the grand total. The
 * reader tries every split of the hidden prefectures that agrees with every shown number and
 * label, in the area table, the prefecture table and the total, and collects the values each
 * hidden cell can take.
 */
function possibleValues(
  areas: number[][],
  cells: ReadonlyMap<string, SuppressedCell>,
  k: number,
  cap: number,
): Map<string, Set<number>> {
  const prefectureIds = areas.flatMap((ps, a) => ps.map((_, p) => `p${a}.${p}`))
  const fits = (id: string, value: number) => {
    const c = cells.get(id)!
    if (c.state === 'shown') return c.value === value
    // 1…k−1 would read 「k未満」: a 「秘匿」 cell is 0 or at least k.
    return c.state === 'primary' ? value >= 1 && value < k : value === 0 || value >= k
  }
  const options = new Map<string, Set<number>>([...cells.keys()].map((id) => [id, new Set<number>()]))
  const values = new Map<string, number>()
  const walk = (i: number) => {
    if (i === prefectureIds.length) {
      const areaSums = areas.map((ps, a) => ps.reduce((s, _, p) => s + values.get(`p${a}.${p}`)!, 0))
      const total = areaSums.reduce((s, v) => s + v, 0)
      if (!areaSums.every((v, a) => fits(`a${a}`, v)) || !fits('total', total)) return
      for (const [id, v] of values) options.get(id)!.add(v)
      areaSums.forEach((v, a) => options.get(`a${a}`)!.add(v))
      options.get('total')!.add(total)
      return
    }
    const id = prefectureIds[i]!
    for (let v = 0; v <= cap; v++) {
      if (!fits(id, v)) continue
      values.set(id, v)
      walk(i + 1)
    }
  }
  walk(0)
  return options
}

function suppressAreas(areas: number[][], k: number) {
  const values = new Map<string, number>()
  const lines: LinkedLine[] = []
  areas.forEach((ps, a) => {
    ps.forEach((v, p) => values.set(`p${a}.${p}`, v))
    values.set(
      `a${a}`,
      ps.reduce((s, v) => s + v, 0),
    )
    lines.push({ cells: ps.map((_, p) => `p${a}.${p}`), total: `a${a}` })
  })
  values.set(
    'total',
    areas.flat().reduce((s, v) => s + v, 0),
  )
  lines.push({ cells: areas.map((_, a) => `a${a}`), total: 'total' })
  lines.push({ cells: areas.flatMap((ps, a) => ps.map((_, p) => `p${a}.${p}`)), total: 'total' })
  return suppressLinked(values, lines, k)
}

describe('suppression across linked tables', () => {
  it('an area total shown beside its prefectures does not give a hidden prefecture away', () => {
    // 東京圏: 埼玉 2, 千葉 10, 東京 20, 神奈川 8 = 40; その他: 北海道 30, 島根 12.
    const cells = suppressAreas(
      [
        [2, 10, 20, 8],
        [30, 12],
      ],
      3,
    )
    expect(cells.get('p0.0')!.state).toBe('primary')
    // Something else of 東京圏 is hidden, or 東京圏 itself: 埼玉 is not 40 − 10 − 20 − 8.
    const others = ['p0.1', 'p0.2', 'p0.3', 'a0'].filter((id) => cells.get(id)!.state !== 'shown')
    expect(others.length).toBeGreaterThan(0)
    expect(
      possibleValues(
        [
          [2, 10, 20, 8],
          [30, 12],
        ],
        cells,
        3,
        45,
      ).get('p0.0')!.size,
    ).toBeGreaterThan(1)
  })

  it('leaves no hidden cell with one possible value, unless the labels alone fix it (property)', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.array(fc.nat({ max: 5 }), { minLength: 1, maxLength: 3 }), { minLength: 2, maxLength: 3 })
          .filter((areas) => areas.flat().length <= 5),
        fc.integer({ min: 2, max: 4 }),
        (areas, k) => {
          const cells = suppressAreas(areas, k)
          for (const [id, c] of cells) if (c.state === 'shown') expect(c.value === 0 || c.value >= k, id).toBe(true)
          const cap = 7
          const seen = possibleValues(areas, cells, k, cap)
          const hideAll = new Map(
            [...cells].map(([id, c]) => [id, c.state === 'shown' ? { ...c, state: 'secondary' as const } : c]),
          )
          const blind = possibleValues(areas, hideAll, k, cap)
          for (const [id, c] of cells) {
            if (c.state === 'shown' || blind.get(id)!.size <= 1) continue
            expect(seen.get(id)!.size, `${id} of ${JSON.stringify(areas)}, k=${k}`).toBeGreaterThan(1)
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('published figures of a report', () => {
  const report = (over: Partial<FiscalYearReport>): FiscalYearReport =>
    ({
      uniquePeople: 0,
      totalInvolvements: 0,
      newPeople: 0,
      continuingPeople: 0,
      returningPeople: 0,
      onsiteVisits: 0,
      onlineInvolvements: 0,
      totalNights: 0,
      movedIn: 0,
      anonymousHeadcount: 0,
      byPrefecture: {},
      byArea: { 東京圏: 0, 名古屋圏: 0, 大阪圏: 0, その他: 0, 不明: 0 },
      byAgeBand: {},
      byGender: {},
      byRoots: {},
      byBasis: {},
      byMonth: {},
      stagesAtYearEnd: {},
      programs: [],
      stageTransitions: [],
      ...over,
    }) as FiscalYearReport

  it('hide more of 東京圏 when one of its prefectures is small, in the prefecture table and the area table alike', () => {
    const r = report({
      uniquePeople: 52,
      // Alone, the prefecture table would hide 北海道 (5, its smallest) and leave 東京圏 open.
      byPrefecture: { '11': 2, '12': 10, '13': 20, '14': 8, '01': 5, '32': 7 },
      byArea: { 東京圏: 40, 名古屋圏: 0, 大阪圏: 0, その他: 12, 不明: 0 },
    })
    const { breakdowns } = publishedFigures(r, 3)
    const prefecture = Object.fromEntries(breakdowns.byPrefecture.keys.map((key, i) => [key, breakdowns.byPrefecture.values[i]]))
    const area = Object.fromEntries(breakdowns.byArea.keys.map((key, i) => [key, breakdowns.byArea.values[i]]))
    expect(prefecture['11']).toBe('3未満')
    const tokyoArea = [prefecture['12'], prefecture['13'], prefecture['14'], area['東京圏']]
    expect(tokyoArea.some((v) => typeof v === 'string')).toBe(true)
    // Exact numbers when not suppressing.
    expect(publishedFigures(r, null).breakdowns.byPrefecture.values).toEqual([5, 2, 10, 20, 8, 7])
  })

  it('hide a change into 移住済 that 移住 minus the others would give away', () => {
    const r = report({
      movedIn: 5,
      stageTransitions: [
        { from: 'tsunagaru', to: 'moved_in', count: 3 },
        { from: 'unagasu', to: 'moved_in', count: 2 },
        { from: 'tsukamu', to: 'atatameru', count: 7 },
      ],
    })
    const { transitions, summary } = publishedFigures(r, 3)
    expect(transitions[1]).toBe('3未満')
    expect([transitions[0], summary.movedIn].some((v) => typeof v === 'string')).toBe(true)
    expect(transitions[2]).toBe(7)
  })

  it('a 「秘匿」 is never 1 or 2, so 1 + 3 = 4 hides the total too (else 秘匿 = 3 and 3未満 = 1)', () => {
    const r = report({
      uniquePeople: 4,
      byGender: { female: 1, male: 3, other: 0, no_answer: 0, 不明: 0 } as FiscalYearReport['byGender'],
    })
    const { breakdowns, summary } = publishedFigures(r, 3)
    expect(breakdowns.byGender.values.slice(0, 2)).toEqual(['3未満', '秘匿'])
    expect(summary.uniquePeople).toBe('秘匿')
    // A 0 is never hidden: it would still be 0 (2 + 2 = 4 over 「3未満」 twice gives nothing more away).
    const twoAndTwo = publishedFigures(
      report({
        uniquePeople: 4,
        byGender: { female: 2, male: 2, other: 0, no_answer: 0, 不明: 0 } as FiscalYearReport['byGender'],
      }),
      3,
    )
    expect(twoAndTwo.breakdowns.byGender.values).toEqual(['3未満', '3未満', 0, 0, 0])
  })

  it("hide another session's headcount when one is small and the program's total is shown", () => {
    const session = (anonymousHeadcount: number) => ({
      date: '2025-05-01',
      place: null,
      mode: 'onsite' as const,
      anonymousHeadcount,
    })
    const program = (id: string, name: string, headcounts: number[]) => ({
      id,
      name,
      fundingSource: null,
      sessions: headcounts.map(session),
      applicants: 0,
      confirmed: 0,
      completed: 0,
      uniquePeople: 0,
      totalInvolvements: 0,
      anonymousHeadcount: headcounts.reduce((s, n) => s + n, 0),
    })
    const r = report({
      anonymousHeadcount: 40,
      programs: [program('p1', '草刈りツアー', [2, 10, 8]), program('p2', '稲刈り', [20])],
    })
    const { sessions, programs, summary } = publishedFigures(r, 3)
    expect(sessions[0]![0]).toBe('3未満')
    expect([...sessions[0]!.slice(1), programs[0]!.anonymousHeadcount].some((v) => typeof v === 'string')).toBe(true)
    // Hiding the first program's total would be given away by 40 − 20: the summary's line sees to it.
    if (typeof programs[0]!.anonymousHeadcount === 'string')
      expect([programs[1]!.anonymousHeadcount, summary.anonymousHeadcount].some((v) => typeof v === 'string')).toBe(true)
  })
})
