import { describe, expect, it } from 'vitest'
import { reportJson } from '../../shared/domain/reports/reportJson'
import type { FiscalYearReport } from '../../shared/domain/reports/types'

describe('the report as JSON text', () => {
  // Only the parts reportJson treats specially; the rest passes through JSON.stringify as is.
  const report = {
    fiscalYear: 2025,
    byPrefecture: { '13': 5, '47': 1, '01': 2, 不明: 3, '04': 1 },
    byMonth: { '2025-04': 1, '2026-03': 2 },
    scope: { programIds: ['p1'], programNames: ['東京'] },
  } as unknown as FiscalYearReport

  it('lists prefectures in code order, 01 北海道 first and 不明 last (not 13 before 01)', () => {
    const text = reportJson(report)
    const keys = [...text.matchAll(/^ {4}"([^"]+)": \d+/gm)].map((m) => m[1]).filter((k) => !k.startsWith('20'))
    expect(keys).toEqual(['01', '04', '13', '47', '不明'])
    // A plain JSON.stringify would not: the reason this exists.
    expect(Object.keys(JSON.parse(JSON.stringify(report)).byPrefecture)[0]).toBe('13')
  })

  it('changes nothing else: the same values and key names, two-space indented, one trailing newline', () => {
    const text = reportJson(report)
    expect(JSON.parse(text)).toEqual(report)
    expect(text.endsWith('}\n')).toBe(true)
    expect(text).toContain('\n  "fiscalYear": 2025,')
    expect(text).not.toContain('\u2060')
  })
})
