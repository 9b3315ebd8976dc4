import type { Dashboard } from '../../../shared/contract/methods/dashboard'
import { fiscalYearAsOf, fiscalYearMonths, fiscalYearOf, fiscalYearRange, todayIso } from '../../../shared/domain/dates'
import { FOLLOW_UP, followUpWindow } from '../../../shared/domain/followUp'
import { addDays, jstInstant, jstParts } from '../../../shared/domain/sessionSeries'
import type { SessionMode } from '../../../shared/domain/vocabulary'
import type { BackendContext } from '../context'
import * as repo from '../db/repos/dashboardRepo'
import { upcomingSessions } from '../db/repos/sessionsRepo'

export async function dashboard(ctx: BackendContext, fiscalYear?: number, today = todayIso()): Promise<Dashboard> {
  const fy = fiscalYear ?? fiscalYearOf(today)
  const { start, end } = fiscalYearRange(fy)
  const asOf = fiscalYearAsOf(fy, today)
  const sqlite = ctx.handle.sqlite
  const year = repo.yearFigures(sqlite, fy)
  const months = fiscalYearMonths(fy)
  const byMonth = new Map(repo.monthFigures(sqlite, months[0], months[11]).map((m) => [m.month, m]))
  const { activeFrom, cutoff } = followUpWindow(asOf)
  const followUp = repo.followUp(sqlite, activeFrom, cutoff, asOf, FOLLOW_UP.minVisits, FOLLOW_UP.listed)
  const upcoming = await upcomingSessions(ctx.db, jstInstant(today, '00:00'), 6)
  return {
    fiscalYear: fy,
    asOf,
    uniquePeople: year.people,
    newPeople: repo.newPeople(sqlite, fy),
    totalInvolvements: year.total,
    onsite: year.total - year.online,
    online: year.online,
    nights: year.nights,
    onlineShare: year.total === 0 ? 0 : year.online / year.total,
    anonymousHeadcount: repo.anonymousHeadcount(sqlite, jstInstant(start, '00:00'), jstInstant(addDays(end, 1), '00:00')),
    months: months.map((month) => byMonth.get(month) ?? { month, onsite: 0, online: 0 }),
    upcomingSessions: upcoming.map((s) => {
      const local = jstParts(s.startsAt)
      return {
        id: s.id,
        programId: s.programId,
        programName: s.programName,
        date: local.date,
        time: local.time,
        place: s.place,
        mode: s.mode as SessionMode,
        expected: s.expected,
      }
    }),
    followUp: { ...followUp, cutoff },
  }
}
