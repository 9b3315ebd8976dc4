import { describe, expect, it } from 'vitest'
import { countsByFiscalYear } from '../../shared/domain/involvementCounts'
import { addMonths } from '../../shared/domain/dates'
import { defaultStageRule, describeStageRule, evaluateStageRule, stageRuleOf } from '../../shared/domain/stageSuggestion'
import type { Involvement } from '../../shared/domain/stageSuggestion'

const v = (visitDate: string, mode: 'onsite' | 'online' = 'onsite', programId: string | null = 'p'): Involvement => ({
  visitDate,
  mode,
  programId,
})

describe('stage suggestion rule', () => {
  const today = '2026-11-20'

  it('fires at 3 involvements within 12 months for someone before つながる', () => {
    const visits = [v('2026-01-10'), v('2026-05-02'), v('2026-11-01')]
    expect(evaluateStageRule(defaultStageRule, 'atatameru', visits, today)).toEqual({
      from: 'atatameru',
      to: 'tsunagaru',
      count: 3,
      since: '2025-11-20',
      windowMonths: 12,
    })
  })

  it('does not fire below the threshold, outside the window, or for people already there', () => {
    expect(evaluateStageRule(defaultStageRule, 'tsukamu', [v('2026-01-10'), v('2026-05-02')], today)).toBeNull()
    expect(evaluateStageRule(defaultStageRule, 'tsukamu', [v('2025-11-19'), v('2026-05-02'), v('2026-06-02')], today)).toBeNull()
    expect(
      evaluateStageRule(defaultStageRule, 'tsunagaru', [v('2026-01-10'), v('2026-05-02'), v('2026-11-01')], today),
    ).toBeNull()
    expect(evaluateStageRule(defaultStageRule, 'moved_in', [v('2026-01-10'), v('2026-05-02'), v('2026-11-01')], today)).toBeNull()
    // Planned (future) visits do not count yet.
    expect(evaluateStageRule(defaultStageRule, 'tsukamu', [v('2026-01-10'), v('2026-05-02'), v('2026-12-01')], today)).toBeNull()
  })

  it('is configurable: online and standalone involvements can be left out, the rule switched off', () => {
    const visits = [v('2026-01-10', 'online'), v('2026-05-02'), v('2026-11-01', 'onsite', null)]
    expect(evaluateStageRule(defaultStageRule, 'tsukamu', visits, today)?.count).toBe(3)
    expect(evaluateStageRule({ ...defaultStageRule, includeOnline: false }, 'tsukamu', visits, today)).toBeNull()
    expect(evaluateStageRule({ ...defaultStageRule, includeStandalone: false }, 'tsukamu', visits, today)).toBeNull()
    expect(evaluateStageRule({ ...defaultStageRule, enabled: false }, 'tsukamu', visits, today)).toBeNull()
    expect(
      evaluateStageRule(
        { ...defaultStageRule, minInvolvements: 2, windowMonths: 7, toStage: 'unagasu' },
        'tsukamu',
        visits,
        today,
      ),
    ).toMatchObject({
      to: 'unagasu',
      count: 2,
      since: '2026-04-20',
    })
  })

  it('describes itself in Japanese', () => {
    expect(describeStageRule(defaultStageRule)).toBe(
      '12か月以内に3回以上の関わり（オンラインを含む、プログラム外の訪問を含む）で「つながる」を提案',
    )
  })

  it('adds months, clamping to the end of a month', () => {
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28')
    expect(addMonths('2026-01-15', -12)).toBe('2025-01-15')
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28')
  })
})

describe('involvement counts per fiscal year', () => {
  it('counts visits, modes, nights and programs per 年度, newest first', () => {
    expect(
      countsByFiscalYear([
        { visitDate: '2025-03-31', mode: 'onsite', nights: 1, programId: 'a' },
        { visitDate: '2025-04-01', mode: 'online', nights: 0, programId: 'a' },
        { visitDate: '2026-02-01', mode: 'onsite', nights: 2, programId: 'b' },
        { visitDate: '2026-03-01', mode: 'onsite', nights: 0, programId: null },
      ]),
    ).toEqual([
      { fiscalYear: 2025, involvements: 3, onsite: 2, online: 1, nights: 2, programs: 2 },
      { fiscalYear: 2024, involvements: 1, onsite: 1, online: 0, nights: 1, programs: 1 },
    ])
  })
})

describe('the stored stage rule', () => {
  it('is laid over the defaults: a rule saved with fewer fields reads whole', () => {
    expect(stageRuleOf({ minInvolvements: 5, includeOnline: false })).toEqual({
      ...defaultStageRule,
      minInvolvements: 5,
      includeOnline: false,
    })
  })

  it('nothing stored, or something that is not a rule, is the default rule', () => {
    expect(stageRuleOf(undefined)).toEqual(defaultStageRule)
    expect(stageRuleOf(null)).toEqual(defaultStageRule)
    expect(stageRuleOf('3回で')).toEqual(defaultStageRule)
  })

  it('a stage code no longer known falls back to the default stage', () => {
    expect(stageRuleOf({ toStage: 'kakeru', windowMonths: 6 })).toEqual({ ...defaultStageRule, windowMonths: 6 })
  })
})
