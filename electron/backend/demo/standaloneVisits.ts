/**
 * Involvement outside any program: coming back for a festival, helping on a farm, a
 * consultation at the 関係案内所, an online meeting about a side job. These are what make
 * some people "continuously involved" (3+ times a year) in the reports.
 */
import { asOfDay, monthOf, officeMs } from './calendar'
import type { Person } from './people'
import { regionPull, regions } from './places'
import { Weighted } from './random'
import type { Rng } from './random'
import { MODE_ONLINE, MODE_ONSITE } from './visitBuffer'
import type { VisitBuffer } from './visitBuffer'

interface Purpose {
  name: string
  online: boolean
  nights: readonly [number, number]
  /** Months when it happens; empty = any time. */
  months: readonly number[]
  weight: (p: Person) => number
}

const rootsWeight = (p: Person) => (p.roots === 'born' || p.roots === 'relatives' || p.roots === 'former_resident' ? 1 : 0)

const PURPOSES: readonly Purpose[] = [
  { name: '祭りの手伝い', online: false, nights: [1, 2], months: [7, 8, 10], weight: (p) => (p.basis === 'work' ? 0.6 : 1.2) },
  { name: '関係案内所での相談', online: false, nights: [0, 1], months: [], weight: () => 1 },
  { name: 'オンライン相談', online: true, nights: [0, 0], months: [], weight: () => 1 },
  {
    name: '農作業の手伝い',
    online: false,
    nights: [1, 2],
    months: [4, 5, 6, 9, 10, 11],
    weight: (p) => (p.basis === 'fan' ? 1.2 : 0.4),
  },
  { name: '地域の清掃活動', online: false, nights: [0, 1], months: [5, 6, 10, 11], weight: () => 0.4 },
  { name: '地域イベントへの参加', online: false, nights: [0, 2], months: [], weight: () => 0.8 },
  { name: 'オンライン交流会への参加', online: true, nights: [0, 0], months: [], weight: () => 0.9 },
  { name: '空き家見学', online: false, nights: [1, 1], months: [], weight: (p) => (p.engagement >= 0.6 ? 0.6 : 0.1) },
  {
    name: '副業の打ち合わせ（オンライン）',
    online: true,
    nights: [0, 0],
    months: [],
    weight: (p) => (p.basis === 'work' ? 1.5 : 0),
  },
  { name: '副業の現地作業', online: false, nights: [1, 2], months: [], weight: (p) => (p.basis === 'work' ? 0.8 : 0) },
  { name: '帰省時の地域活動', online: false, nights: [2, 4], months: [1, 5, 8, 12], weight: (p) => rootsWeight(p) * 2 },
  {
    name: 'ふるさと納税返礼品の生産者訪問',
    online: false,
    nights: [1, 1],
    months: [],
    weight: (p) => (p.roots === 'furusato_donor' ? 1 : 0),
  },
]

function personWeight(p: Person, attendance: number): number {
  if (p.localRegion >= 0 || p.deletedDay >= 0) return 0
  const roots = p.roots && p.roots !== 'none' ? (p.roots === 'born' || p.roots === 'relatives' ? 2 : 1.5) : 1
  if (p.engagement < 0.3 && attendance < 2 && roots === 1) return 0
  return p.engagement * p.engagement * (1 + Math.min(attendance, 10) * 0.25) * roots
}

export function addStandaloneVisits(rng: Rng, people: Person[], visits: VisitBuffer, total: number): void {
  if (total <= 0) return
  const attendanceCount = new Int32Array(people.length)
  const firstAttendance = new Int32Array(people.length).fill(-1)
  for (let i = 0; i < visits.length; i++) {
    const p = visits.person[i]
    attendanceCount[p]++
    if (firstAttendance[p] < 0 || visits.day[i] < firstAttendance[p]) firstAttendance[p] = visits.day[i]
  }

  // Who comes back, and from when: after their first program, or from registration for people with roots.
  const candidates: number[] = []
  const weights: number[] = []
  const fromDay = new Int32Array(people.length)
  const untilDay = new Int32Array(people.length)
  for (const p of people) {
    const w = personWeight(p, attendanceCount[p.index])
    const from = firstAttendance[p.index] >= 0 ? firstAttendance[p.index] + 7 : p.regDay + 14
    fromDay[p.index] = from
    untilDay[p.index] = p.moveDay >= 0 ? p.moveDay - 1 : asOfDay - 1
    if (w > 0 && untilDay[p.index] - from >= 30) {
      candidates.push(p.index)
      weights.push(w * Math.min(1, (untilDay[p.index] - from) / 365))
    }
  }
  if (candidates.length === 0) return
  const table = new Weighted(candidates, weights)
  const purposeTables = new Map<number, Weighted<Purpose>>()
  const purposeTable = (p: Person) => {
    const key =
      (p.basis === 'work' ? 1 : 0) +
      (p.basis === 'fan' ? 2 : 0) +
      rootsWeight(p) * 4 +
      (p.roots === 'furusato_donor' ? 8 : 0) +
      (p.engagement >= 0.6 ? 16 : 0)
    let t = purposeTables.get(key)
    if (!t) {
      t = new Weighted(
        PURPOSES,
        PURPOSES.map((x) => x.weight(p)),
      )
      purposeTables.set(key, t)
    }
    return t
  }

  // Counts in proportion to weight, then single draws for the remainder.
  const counts = new Int32Array(people.length)
  let assigned = 0
  candidates.forEach((person, i) => {
    const share = (total * weights[i]) / table.total
    const cap = Math.floor((untilDay[person] - fromDay[person]) / 4)
    const n = Math.min(cap, Math.floor(share) + (rng.next() < share % 1 ? 1 : 0))
    counts[person] = n
    assigned += n
  })
  for (let guard = 0; assigned > total && guard < total * 4; guard++) {
    const person = table.draw(rng)
    if (counts[person] > 0) {
      counts[person]--
      assigned--
    }
  }
  for (let guard = 0; assigned < total && guard < total * 4; guard++) {
    const person = table.draw(rng)
    if (counts[person] < Math.floor((untilDay[person] - fromDay[person]) / 4)) {
      counts[person]++
      assigned++
    }
  }

  // Session days count as busy too, so nobody is in two places on one day.
  const attendance = visits.byPerson(people.length)
  const attendanceDays = (person: number, into: Set<number>) => {
    for (let k = attendance.start[person]; k < attendance.start[person + 1]; k++) into.add(visits.day[attendance.order[k]])
  }
  let made = 0
  const generate = (person: Person, n: number, days: Set<number>) => {
    if (person.region < 0) person.region = regionPull.draw(rng)
    const region = regions[person.region].municipality.code
    const from = fromDay[person.index]
    const until = untilDay[person.index]
    const purposes = purposeTable(person)
    for (let k = 0; k < n; k++) {
      const purpose = purposes.draw(rng)
      let day = -1
      for (let attempt = 0; attempt < 60; attempt++) {
        const d = rng.int(from, until)
        if (days.has(d)) continue
        if (purpose.months.length > 0 && attempt < 3 && !purpose.months.includes(monthOf(d))) continue
        day = d
        break
      }
      if (day < 0) continue
      days.add(day)
      visits.push({
        person: person.index,
        session: -1,
        program: -1,
        day,
        mode: purpose.online ? MODE_ONLINE : MODE_ONSITE,
        nights: purpose.online ? 0 : rng.int(purpose.nights[0], purpose.nights[1]),
        municipalityCode: region,
        purpose: purpose.name,
        createdMs: officeMs(Math.min(day + rng.int(0, 14), asOfDay), rng.next()),
      })
      made++
    }
  }
  for (const person of candidates) {
    if (counts[person] === 0) continue
    const days = new Set<number>()
    attendanceDays(person, days)
    generate(people[person], counts[person], days)
  }
  // A crowded calendar can leave one or two missing: add them one by one, checking every visit.
  for (let guard = 0; made < total && guard < 1000; guard++) {
    const person = table.draw(rng)
    const days = new Set<number>()
    for (let i = 0; i < visits.length; i++) if (visits.person[i] === person) days.add(visits.day[i])
    generate(people[person], 1, days)
  }
}
