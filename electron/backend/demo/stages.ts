/**
 * 関係の段階 over time, from what each person actually did: registered (つかむ), first took
 * part (あたためる), acted — a third involvement or a completed program (うながす), kept
 * coming back or became a mentor (つながる), and for a few, moved in (移住済).
 * Coordinators record changes some days late, and now and then not at all.
 */
import type { StageCode } from '../../../shared/domain/vocabulary'
import { asOfDay, officeMs } from './calendar'
import type { PlannedEnrollment } from './enrollments'
import { demoUuidv7 } from './ids'
import { moveIn } from './people'
import type { Person } from './people'
import type { PlannedProgram } from './programPlan'
import type { Rng } from './random'
import { MODE_ONSITE } from './visitBuffer'
import type { VisitBuffer } from './visitBuffer'

export interface StageChange {
  id: string
  person: number
  stage: StageCode
  day: number
  note: string | null
  createdMs: number
}

export function deriveStages(
  rng: Rng,
  people: Person[],
  visits: VisitBuffer,
  enrollments: PlannedEnrollment[],
  programs: PlannedProgram[],
): StageChange[] {
  const completion = new Int32Array(people.length).fill(-1)
  const mentoring = new Int32Array(people.length).fill(-1)
  for (const e of enrollments) {
    if (e.status === 'completed' && (completion[e.person] < 0 || e.completedDay < completion[e.person]))
      completion[e.person] = e.completedDay
    if ((e.role === 'mentor' || e.role === 'lecturer') && e.status === 'confirmed' && people[e.person].localRegion < 0) {
      const day = programs[e.program].startDay
      if (day < asOfDay && (mentoring[e.person] < 0 || day < mentoring[e.person])) mentoring[e.person] = day
    }
  }
  const { start, order } = visits.byPerson(people.length)
  const changes: StageChange[] = []

  for (const person of people) {
    const rows: { stage: StageCode; day: number; note: string | null }[] = [
      { stage: 'tsukamu', day: person.regDay, note: '登録' },
    ]
    const from = start[person.index]
    // A mover's relationship ends in 移住済: what they do afterwards, they do as a resident.
    const until = person.moveDay >= 0 ? person.moveDay : asOfDay + 1
    let to = start[person.index + 1]
    while (to > from && visits.day[order[to - 1]] >= until) to--
    const neverUpdated = person.moveDay < 0 && rng.chance(0.04)
    const add = (stage: StageCode, trigger: number, note: string, maxLag: number): boolean => {
      const day = Math.max(trigger + rng.int(0, maxLag), rows[rows.length - 1].day + 1)
      if (day > asOfDay || day >= until) return false
      rows.push({ stage, day, note })
      return true
    }
    if (to > from && !neverUpdated) {
      // うながす: the third time on site, or a completed program; つながる: twelve involvements,
      // at least four of them on site outside any program (they come back on their own).
      let third = -1
      let connected = -1
      let onsite = 0
      let ownVisits = 0
      for (let k = from; k < to; k++) {
        const v = order[k]
        if (visits.mode[v] === MODE_ONSITE) onsite++
        if (visits.session[v] < 0 && visits.mode[v] === MODE_ONSITE) ownVisits++
        if (onsite === 3 && third < 0) third = visits.day[v]
        if (connected < 0 && k - from + 1 >= 12 && ownVisits >= 4) connected = visits.day[v]
      }
      const acted = [third, completion[person.index]].filter((d) => d >= 0 && d < until)
      const connectedDays = [connected, mentoring[person.index]].filter((d) => d >= 0 && d < until)
      if (add('atatameru', visits.day[order[from]], '初めての参加', 14) && acted.length > 0) {
        if (
          add('unagasu', Math.min(...acted), completion[person.index] >= 0 ? 'プログラム修了' : '現地での活動が3回目', 21) &&
          connectedDays.length > 0
        ) {
          const isMentor = mentoring[person.index] >= 0 && mentoring[person.index] <= Math.max(connected, 0)
          add('tsunagaru', Math.min(...connectedDays), isMentor ? 'メンターとして参加' : '継続的に関わっている', 30)
        }
      }
    }
    if (person.moveDay >= 0 && person.moveDay > rows[rows.length - 1].day) {
      rows.push({ stage: 'moved_in', day: person.moveDay, note: '移住（転入）' })
      moveIn(rng, person, person.region)
      person.localRegion = person.region
    }
    for (const row of rows) {
      const createdMs = row.day === person.regDay ? person.createdMs : officeMs(row.day, rng.next())
      changes.push({
        id: demoUuidv7(rng, createdMs),
        person: person.index,
        stage: row.stage,
        day: row.day,
        note: row.note,
        createdMs,
      })
      person.updatedMs = Math.max(person.updatedMs, createdMs)
    }
    person.stage = rows[rows.length - 1].stage
  }
  return changes
}
