/**
 * An enrollment (申込・参加登録) keeps the day it reached each status: 応募 → 参加確定 → 修了 / 辞退.
 * Each is written the first time the status is reached, so going back and forth keeps the
 * original day.
 */
import type { EnrollmentStatus } from './vocabulary'

/** The date field that records when an enrollment reached each status. */
export const statusDateField = {
  applied: 'appliedOn',
  confirmed: 'confirmedOn',
  completed: 'completedOn',
  withdrawn: 'withdrawnOn',
} as const satisfies Record<EnrollmentStatus, string>

export type EnrollmentDates = { [F in (typeof statusDateField)[EnrollmentStatus]]: string | null } & { createdAt: string }

/** When the enrollment last moved (where a timeline places it): its latest status day, else the day it was entered. */
export function lastStatusDate(e: EnrollmentDates): string {
  const dates = [e.appliedOn, e.confirmedOn, e.completedOn, e.withdrawnOn].filter((d): d is string => d !== null)
  return dates.sort().at(-1) ?? e.createdAt.slice(0, 10)
}
