/**
 * Who applies to each program, who is confirmed, withdraws or completes, and who attends
 * which session. Programs are simulated in date order, so alumni of earlier cohorts can come
 * back as mentors, and a person's first program decides which region they are drawn to.
 * Only attendance creates a visit; applications never do.
 */
import type { EnrollmentRole, EnrollmentStatus, ProgramCategory } from '../../../shared/domain/vocabulary'
import { asOfDay, officeMs } from './calendar'
import { demoUuidv7 } from './ids'
import type { Person } from './people'
import { regions } from './places'
import type { PlannedProgram, PlannedSession } from './programPlan'
import type { Rng } from './random'
import { MODE_ONLINE, MODE_ONSITE } from './visitBuffer'
import type { VisitBuffer } from './visitBuffer'

export interface PlannedEnrollment {
  id: string
  person: number
  program: number
  status: EnrollmentStatus
  role: EnrollmentRole
  appliedDay: number
  confirmedDay: number
  completedDay: number
  withdrawnDay: number
  notes: string | null
  createdMs: number
  updatedMs: number
}

const SHARES: Record<ProgramCategory, readonly [recruit: number, returning: number]> = {
  course: [0.5, 0.3],
  internship: [0.5, 0.3],
  working_holiday: [0.5, 0.3],
  side_job: [0.45, 0.35],
  study_tour: [0.5, 0.3],
  other: [0.45, 0.3],
  event: [0.35, 0.35],
  online: [0.4, 0.3],
  volunteer: [0.25, 0.5],
}
/** Programs people join whatever region they are drawn to. */
const OPEN_TO_ALL = new Set<ProgramCategory>(['event', 'online'])
/** Programs a resident of the region would also join. */
const LOCAL_FRIENDLY = new Set<ProgramCategory>(['event', 'online', 'volunteer'])

const TOKYO_AREA = new Set(['11', '12', '13', '14'])
const OSAKA_AREA = new Set(['26', '27', '28', '29'])

function upperBound(days: Int32Array, day: number): number {
  let lo = 0
  let hi = days.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (days[mid] <= day) lo = mid + 1
    else hi = mid
  }
  return lo
}

export interface EnrollmentResult {
  enrollments: PlannedEnrollment[]
  /** For tags: people who completed a course, and who enrolled in side-job programs. */
  completedCourse: Set<number>
  sideJob: Set<number>
  volunteerSessions: Int32Array
}

export function simulateEnrollments(
  rng: Rng,
  people: Person[],
  programs: PlannedProgram[],
  visits: VisitBuffer,
  maxAttendance: number,
): EnrollmentResult {
  const regDays = Int32Array.from(people, (p) => p.regDay)
  const regionPools: number[][] = regions.map(() => [])
  const inPool = new Uint8Array(people.length * regions.length)
  const addToPool = (person: number, region: number) => {
    const k = person * regions.length + region
    if (inPool[k]) return
    inPool[k] = 1
    regionPools[region].push(person)
  }
  const locals: number[][] = regions.map(() => [])
  for (const p of people) {
    if (p.localRegion >= 0) locals[p.localRegion].push(p.index)
    else if (p.region >= 0) addToPool(p.index, p.region)
  }
  const alumni = new Map<string, { person: number; day: number }[]>()

  // How many people apply to each program, and from that how much attendance to expect, so
  // that attendance stays within the visit budget (the rest are standalone visits).
  const wanted = programs.map((p) => Math.max(2, Math.round(p.capacity * p.template.demand * (0.8 + rng.next() * 0.4))))
  let expected = 0
  programs.forEach((p, i) => {
    const past = p.sessions.filter((s) => s.day < asOfDay).length
    if (p.status !== 'cancelled') expected += Math.min(p.capacity, wanted[i]) * 0.9 * past * p.template.attendance
  })
  const scale = expected > maxAttendance ? maxAttendance / expected : 1

  const enrollments: PlannedEnrollment[] = []
  const completedCourse = new Set<number>()
  const sideJob = new Set<number>()
  const volunteerSessions = new Int32Array(people.length)

  for (const program of programs) {
    if (program.appStart > asOfDay) continue // still being planned: nobody has applied yet
    const t = program.template
    const region = program.region
    const chosen = new Set<number>()
    const lastApplyDay = Math.min(program.appEnd, asOfDay)
    const hiAll = upperBound(regDays, lastApplyDay)
    const recruitLo = upperBound(regDays, program.appStart - 31)
    const [recruitShare, returnShare] = SHARES[program.category]
    const fits = (person: Person): boolean => {
      if (person.deletedDay >= 0 || chosen.has(person.index)) return false
      if (person.localRegion >= 0) return person.localRegion === region && LOCAL_FRIENDLY.has(program.category) && rng.chance(0.5)
      if (t.basis && person.basis && person.basis !== t.basis && !rng.chance(0.5)) return false
      return person.region === -1 || person.region === region || rng.chance(OPEN_TO_ALL.has(program.category) ? 0.5 : 0.2)
    }

    // Learners (and volunteers): new recruits, returning people of the region, anyone.
    const target =
      program.appEnd > asOfDay
        ? Math.round((wanted[program.index] * (asOfDay - program.appStart)) / Math.max(1, program.appEnd - program.appStart))
        : wanted[program.index]
    const pool = regionPools[region]
    for (let attempt = 0; chosen.size < target && attempt < target * 30 && hiAll > 0; attempt++) {
      const u = rng.next()
      let candidate: Person
      if (u < recruitShare && recruitLo < hiAll) {
        candidate = people[rng.int(recruitLo, hiAll - 1)]
      } else if (u < recruitShare + returnShare && pool.length > 0) {
        candidate = people[rng.pick(pool)]
        if (candidate.regDay > lastApplyDay || !rng.chance(0.15 + candidate.engagement)) continue
      } else {
        candidate = people[rng.int(0, hiAll - 1)]
        if (!rng.chance(0.1 + candidate.engagement * 0.9)) continue
      }
      if (fits(candidate)) chosen.add(candidate.index)
    }
    const learners = [...chosen]
    const learnerRole: EnrollmentRole = program.category === 'volunteer' ? 'volunteer' : 'learner'

    // Mentors from earlier cohorts, lecturers and staff from the region.
    const roles: { person: number; role: EnrollmentRole }[] = []
    const pickRole = (role: EnrollmentRole, candidates: readonly number[], ok: (p: Person) => boolean) => {
      for (let attempt = 0; attempt < 20 && candidates.length > 0; attempt++) {
        const person = people[rng.pick(candidates)]
        if (person.regDay <= program.appStart && !chosen.has(person.index) && person.deletedDay < 0 && ok(person)) {
          chosen.add(person.index)
          roles.push({ person: person.index, role })
          return
        }
      }
    }
    const cohort = (alumni.get(t.key) ?? []).filter((a) => a.day < program.appStart).map((a) => a.person)
    for (let i = 0; i < (t.mentors ?? 0); i++) {
      pickRole(
        'mentor',
        cohort.length > 0 ? cohort : pool,
        (p) => p.localRegion < 0 && p.engagement >= (cohort.length > 0 ? 0.2 : 0.6),
      )
    }
    for (let i = 0; i < (t.lecturers ?? 0); i++) {
      if (locals[region].length > 0 && rng.chance(0.7)) pickRole('lecturer', locals[region], () => true)
      else pickRole('lecturer', pool, (p) => p.engagement >= 0.6)
    }
    for (let i = 0; i < (t.staff ?? 0); i++) pickRole('staff', locals[region], () => true)

    // Statuses.
    const cancelled = program.status === 'cancelled'
    const cancelDay = program.startDay - rng.int(2, 5)
    const shuffled = rng.shuffled(learners)
    const planned: PlannedEnrollment[] = []
    shuffled.forEach((personIndex, rank) => {
      const person = people[personIndex]
      const appliedDay = rng.int(
        Math.max(program.appStart, person.regDay),
        Math.max(Math.max(program.appStart, person.regDay), lastApplyDay),
      )
      const e = blankEnrollment(personIndex, program.index, learnerRole, appliedDay)
      const selected = rank < program.capacity
      const confirmDay = t.completes ? Math.min(program.appEnd + rng.int(1, 5), program.startDay - 1) : appliedDay
      if (cancelled) {
        if (selected && confirmDay <= cancelDay) e.confirmedDay = confirmDay
        e.status = 'withdrawn'
        e.withdrawnDay = Math.max(cancelDay, appliedDay)
        e.notes = '事業中止のため'
      } else if (!selected) {
        e.notes = t.completes ? '選考の結果、次回のご案内' : 'キャンセル待ち'
      } else if (confirmDay <= asOfDay) {
        e.status = 'confirmed'
        e.confirmedDay = confirmDay
        if (rng.chance(t.completes ? 0.08 : 0.12)) {
          const withdrawnDay = rng.int(confirmDay, Math.max(confirmDay, program.startDay - 1))
          if (withdrawnDay <= asOfDay) {
            e.status = 'withdrawn'
            e.withdrawnDay = withdrawnDay
            if (rng.chance(0.4)) e.notes = rng.pick(['仕事の都合', '体調不良のため', '家庭の事情', '日程が合わなくなったため'])
          }
        }
      }
      planned.push(e)
    })
    for (const { person, role } of roles) {
      const e = blankEnrollment(person, program.index, role, program.appStart)
      if (cancelled) {
        e.status = 'withdrawn'
        e.withdrawnDay = cancelDay
        e.notes = '事業中止のため'
      } else {
        e.status = 'confirmed'
        e.confirmedDay = program.appStart
      }
      planned.push(e)
    }

    // Attendance: every past session, for everyone confirmed who is not running it.
    const pastSessions = cancelled ? [] : program.sessions.filter((s) => s.day < asOfDay)
    const attended = new Int32Array(planned.length)
    planned.forEach((e, k) => {
      if (e.status !== 'confirmed' || e.role === 'staff') return
      const person = people[e.person]
      if (e.role === 'lecturer' && person.localRegion === region) return
      const factor = e.role === 'mentor' ? 0.75 : e.role === 'lecturer' ? 0.4 : 1
      const p = Math.min(0.99, t.attendance * (0.85 + 0.3 * person.engagement) * factor * scale)
      for (const s of pastSessions) {
        if (!rng.chance(p)) continue
        attended[k]++
        recordAttendance(rng, visits, person, program, s, e.role)
      }
      if (e.role === 'volunteer' || program.category === 'volunteer') volunteerSessions[e.person] += attended[k]
    })

    // 修了 for those who took part in most sessions, once the program is over.
    const needed = Math.max(1, Math.ceil(pastSessions.length * 0.6 * scale))
    planned.forEach((e, k) => {
      if (e.status !== 'confirmed') return
      if (program.category === 'side_job') sideJob.add(e.person)
      if (e.role !== 'learner' || !t.completes || program.status !== 'finished' || attended[k] < needed) return
      e.status = 'completed'
      e.completedDay = Math.min(program.endDay + rng.int(0, 10), asOfDay)
      if (!alumni.has(t.key)) alumni.set(t.key, [])
      alumni.get(t.key)!.push({ person: e.person, day: e.completedDay })
      if (program.category === 'course') completedCourse.add(e.person)
    })

    for (const e of planned) {
      const person = people[e.person]
      if (person.localRegion < 0) {
        if (person.region === -1) person.region = region
        if (e.status !== 'withdrawn' && e.status !== 'applied') addToPool(e.person, region)
      }
      const lastDay = Math.max(e.appliedDay, e.confirmedDay, e.completedDay, e.withdrawnDay)
      e.createdMs = Math.max(officeMs(e.appliedDay, rng.next()), person.createdMs + rng.int(60_000, 600_000))
      e.id = demoUuidv7(rng, e.createdMs)
      e.updatedMs = lastDay === e.appliedDay ? e.createdMs : officeMs(lastDay, rng.next())
      enrollments.push(e)
    }
  }
  return { enrollments, completedCourse, sideJob, volunteerSessions }
}

function blankEnrollment(person: number, program: number, role: EnrollmentRole, appliedDay: number): PlannedEnrollment {
  return {
    id: '',
    person,
    program,
    status: 'applied',
    role,
    appliedDay,
    confirmedDay: -1,
    completedDay: -1,
    withdrawnDay: -1,
    notes: null,
    createdMs: 0,
    updatedMs: 0,
  }
}

const ROLE_PURPOSE: Partial<Record<EnrollmentRole, string>> = { mentor: 'メンターとして参加', lecturer: '講師として登壇' }

function recordAttendance(
  rng: Rng,
  visits: VisitBuffer,
  person: Person,
  program: PlannedProgram,
  s: PlannedSession,
  role: EnrollmentRole,
): void {
  const pref = person.prefectureCode ?? ''
  const local = person.localRegion === program.region
  let onsite = s.mode === 'onsite'
  if (s.mode === 'hybrid') {
    const near =
      s.venue === 'region'
        ? local
        : s.venue === 'tokyo'
          ? TOKYO_AREA.has(pref)
          : s.venue === 'osaka'
            ? OSAKA_AREA.has(pref)
            : false
    onsite = rng.chance(near ? 0.75 : 0.2)
  }
  let nights = 0
  if (onsite && s.venue === 'region' && !local) {
    nights = s.days > 1 ? s.days - 1 : rng.chance(0.5) ? 1 : 0
  }
  const lastDay = s.day + s.days - 1
  visits.push({
    person: person.index,
    session: s.index,
    program: program.index,
    day: s.day,
    mode: onsite ? MODE_ONSITE : MODE_ONLINE,
    nights,
    municipalityCode: onsite ? s.municipalityCode : regions[program.region].municipality.code,
    purpose: ROLE_PURPOSE[role] ?? program.template.purpose,
    createdMs: officeMs(Math.min(lastDay + rng.int(0, 10), asOfDay), rng.next()),
  })
}
