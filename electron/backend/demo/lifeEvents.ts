/**
 * Two things that happen to a few people: some ask to be removed (APPI; soft-deleted, chosen
 * among people who never enrolled), and some of the engaged ones move to their region (移住).
 */
import { asOfDay } from './calendar'
import type { PlannedEnrollment } from './enrollments'
import type { Person } from './people'
import type { Rng } from './random'
import type { VisitBuffer } from './visitBuffer'

export function chooseDeletions(rng: Rng, people: Person[], enrollments: PlannedEnrollment[]): void {
  const enrolled = new Uint8Array(people.length)
  for (const e of enrollments) enrolled[e.person] = 1
  const eligible = people.filter((p) => !enrolled[p.index] && p.localRegion < 0 && asOfDay - p.regDay > 60)
  const count = Math.min(eligible.length, Math.max(1, Math.round(people.length * 0.002)))
  for (const p of rng.sample(eligible, count)) p.deletedDay = rng.int(p.regDay + 30, asOfDay - 1)
}

/**
 * Movers: engaged people who took part at least twice in their region's programs move there
 * some months after they first came. Return visits stop at the move (they are residents now).
 */
export function chooseMoves(rng: Rng, people: Person[], attendance: VisitBuffer): void {
  const count = new Int32Array(people.length)
  const first = new Int32Array(people.length).fill(-1)
  for (let i = 0; i < attendance.length; i++) {
    const p = attendance.person[i]
    count[p]++
    if (first[p] < 0 || attendance.day[i] < first[p]) first[p] = attendance.day[i]
  }
  for (const p of people) {
    if (p.localRegion >= 0 || p.region < 0 || p.deletedDay >= 0 || count[p.index] < 2 || p.engagement < 0.5) continue
    const earliest = first[p.index] + 240
    if (earliest < asOfDay - 30 && rng.chance(0.12)) p.moveDay = rng.int(earliest, asOfDay - 30)
  }
}
