import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { FiscalYearReport } from '../../shared/domain/reports/types'
import { REPORT_RULES_KEY } from '../../electron/backend/services/reports'
import { writeSetting } from '../../electron/backend/db/repos/settingsRepo'
import { datasetArb, loadDataset } from './reports/dataset'
import { naiveReport } from './reports/naive'
import { freshBackend } from './tempDb'

const nonZero = (m: Record<string, number>) => Object.fromEntries(Object.entries(m).filter(([, v]) => v !== 0))
const sum = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0)

function comparable(r: FiscalYearReport) {
  return {
    uniquePeople: r.uniquePeople,
    totalInvolvements: r.totalInvolvements,
    newPeople: r.newPeople,
    continuingPeople: r.continuingPeople,
    returningPeople: r.returningPeople,
    onsiteVisits: r.onsiteVisits,
    onlineInvolvements: r.onlineInvolvements,
    totalNights: r.totalNights,
    movedIn: r.movedIn,
    anonymousHeadcount: r.anonymousHeadcount,
    byPrefecture: nonZero(r.byPrefecture),
    byArea: nonZero(r.byArea),
    byAgeBand: nonZero(r.byAgeBand),
    byGender: nonZero(r.byGender),
    byRoots: nonZero(r.byRoots),
    byBasis: nonZero(r.byBasis),
    byMonth: nonZero(r.byMonth),
    stagesAtYearEnd: nonZero(r.stagesAtYearEnd),
    transitions: r.stageTransitions.flatMap((t) => Array<string>(t.count).fill(`${t.from ?? ''}>${t.to}`)).sort(),
    programs: r.programs
      .map((p) => ({
        id: p.id,
        applicants: p.applicants,
        confirmed: p.confirmed,
        completed: p.completed,
        uniquePeople: p.uniquePeople,
        totalInvolvements: p.totalInvolvements,
        sessions: p.sessions.length,
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  }
}

describe('fiscal-year report against a naive implementation', () => {
  it('agrees on every figure and every breakdown for random small datasets', async () => {
    const backend = await freshBackend()
    const { sqlite } = backend.context.handle
    await fc.assert(
      fc.asyncProperty(
        datasetArb,
        fc.constantFrom(2019, 2023, 2024),
        fc.record({
          n: fc.integer({ min: 1, max: 4 }),
          windowMonths: fc.constantFrom(12, 6, 24, 18),
          includeOnline: fc.boolean(),
        }),
        fc.nat(),
        fc.constantFrom('all', 'programs', 'funding', 'both'),
        async (ds, fy, rules, pickSeed, scopeKind) => {
          loadDataset(sqlite, ds)
          await writeSetting(backend.context.db, REPORT_RULES_KEY, {
            continuingMinInvolvements: rules.n,
            continuingWindowMonths: rules.windowMonths,
            continuingIncludesOnline: rules.includeOnline,
          })
          const programIds =
            (scopeKind === 'programs' || scopeKind === 'both') && ds.programs.length > 0
              ? ds.programs.filter((_, i) => (pickSeed >> i) % 2 === 0 || i === pickSeed % ds.programs.length).map((p) => p.id)
              : []
          const fundingSource = scopeKind === 'funding' || scopeKind === 'both' ? 'mic_kankei' : null
          const report = await backend.client.call('reports.fiscalYear', { fiscalYear: fy, programIds, fundingSource })
          const expected = naiveReport(ds, fy, rules, { programIds, fundingSource })
          expect(comparable(report)).toEqual(expected)
          // Totals equal the sum of every breakdown.
          for (const b of [
            report.byPrefecture,
            report.byArea,
            report.byAgeBand,
            report.byGender,
            report.byRoots,
            report.byBasis,
            report.stagesAtYearEnd,
          ])
            expect(sum(b)).toBe(report.uniquePeople)
          expect(sum(report.byMonth)).toBe(report.totalInvolvements)
          expect(report.onsiteVisits + report.onlineInvolvements).toBe(report.totalInvolvements)
        },
      ),
      { numRuns: 150 },
    )
  }, 120_000)
})
