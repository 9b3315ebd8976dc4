/**
 * Lays programs and their sessions out over the fiscal years: FY2023–FY2025 in full, and a
 * few FY2026 programs that are finished, running or still being planned on AS_OF.
 */
import type { FundingSource, MicModelType, ProgramCategory, ProgramStatus, SessionMode } from '../../../shared/domain/vocabulary'
import { fiscalYearOf } from '../../../shared/domain/dates'
import { asOfDay, dayInFiscalYear, fiscalYearDays, isoOf, jstMs, officeMs } from './calendar'
import { demoUuidv7 } from './ids'
import { fictionalFullName } from './names'
import { cityVenues, regionByKey, regions } from './places'
import { grantNameOf, programTemplates } from './programs'
import type { ProgramTemplate, SessionSpec } from './programs'
import type { Rng } from './random'

export const CORE_YEARS = [2023, 2024, 2025] as const
export const CURRENT_YEAR = 2026

export interface PlannedSession {
  index: number
  id: string
  program: number
  day: number
  /** Days on site (1 for an evening talk, 3 for 2泊3日). */
  days: number
  startsAt: string
  endsAt: string
  place: string
  municipalityCode: string
  mode: SessionMode
  venue: SessionSpec['venue']
  anonymousHeadcount: number
  notes: string
  createdMs: number
}

export interface PlannedProgram {
  index: number
  id: string
  template: ProgramTemplate
  /** Index into `regions` of the program's own region. */
  region: number
  municipalityCodes: string[]
  name: string
  fiscalYear: number
  category: ProgramCategory
  fundingSource: FundingSource
  grantName: string | null
  micModelType: MicModelType | null
  status: ProgramStatus
  startDay: number
  endDay: number
  capacity: number
  fee: number | null
  coordinator: string
  description: string
  createdMs: number
  updatedMs: number
  /** Applications are taken from appStart to appEnd. */
  appStart: number
  appEnd: number
  sessions: PlannedSession[]
}

/** Order in which FY2026 programs are added: one finished, some running, some planned. */
const CURRENT_YEAR_ORDER = [
  'awashima-wh',
  'hamada-academy',
  'online-salon',
  'odate-fan',
  'tono-fukugyo',
  'saijo-fan',
  'miyoshi-salon',
]

/** Which templates run in a fiscal year, in order; annual ones first, the others rotate. */
function templatesForYear(fy: number, count: number): { template: ProgramTemplate; instance: number }[] {
  const annual = programTemplates.filter((t) => t.annual)
  const rotating = programTemplates.filter((t) => !t.annual)
  const shift = ((fy - 2023) * 5) % rotating.length
  const ordered =
    fy === CURRENT_YEAR
      ? [
          ...CURRENT_YEAR_ORDER.map((k) => programTemplates.find((t) => t.key === k)!),
          ...rotating,
          ...annual.filter((t) => !CURRENT_YEAR_ORDER.includes(t.key)),
        ]
      : [...annual, ...rotating.slice(shift), ...rotating.slice(0, shift)]
  const out: { template: ProgramTemplate; instance: number }[] = []
  for (let i = 0; i < count; i++)
    out.push({ template: ordered[i % ordered.length], instance: Math.floor(i / ordered.length) + 1 })
  return out
}

function dayOfWeek(day: number): number {
  return (((day + 4) % 7) + 7) % 7 // 1970-01-01 was a Thursday; 0 = Sunday
}

/** 12月29日–1月3日: offices are closed and nobody schedules sessions. */
function isNewYearHoliday(day: number): boolean {
  const md = isoOf(day).slice(5)
  return md >= '12-29' || md <= '01-03'
}

function nextWeekday(day: number, weekday: number): number {
  return day + ((weekday - dayOfWeek(day) + 7) % 7)
}

export function planPrograms(rng: Rng, count: number): PlannedProgram[] {
  const current = count >= 8 ? Math.max(1, Math.round(count * 0.1)) : 0
  const core = count - current
  const perYear = CORE_YEARS.map((_, i) => Math.floor(core / 3) + (i < core % 3 ? 1 : 0)).reverse()
  const coordinators = regions.map(() => fictionalFullName(rng))

  const drafts: { fy: number; template: ProgramTemplate; instance: number }[] = []
  CORE_YEARS.forEach((fy, i) => {
    for (const t of templatesForYear(fy, perYear[i])) drafts.push({ fy, ...t })
  })
  for (const t of templatesForYear(CURRENT_YEAR, current)) drafts.push({ fy: CURRENT_YEAR, ...t })

  let cancelledOne = false
  const programs: PlannedProgram[] = []
  const sessionsSoFar = { n: 0 }
  for (const draft of drafts) {
    const program = planProgram(rng, draft.fy, draft.template, draft.instance, programs.length, sessionsSoFar, coordinators)
    // A typhoon cancels one FY2024 study tour (and, at scale, a few others).
    const cancel =
      program.endDay < asOfDay &&
      program.category === 'study_tour' &&
      ((!cancelledOne && program.fiscalYear === 2024) || rng.chance(0.02))
    if (cancel) {
      cancelledOne = true
      program.status = 'cancelled'
      for (const s of program.sessions) s.notes = `${s.notes}（台風接近のため中止）`
    }
    programs.push(program)
  }
  programs.sort((a, b) => a.startDay - b.startDay || a.index - b.index)
  programs.forEach((p, i) => {
    p.index = i
    for (const s of p.sessions) s.program = i
  })
  let sessionIndex = 0
  for (const p of programs) for (const s of p.sessions) s.index = sessionIndex++
  return programs
}

function planProgram(
  rng: Rng,
  fy: number,
  template: ProgramTemplate,
  instance: number,
  index: number,
  sessionsSoFar: { n: number },
  coordinators: string[],
): PlannedProgram {
  const region = regions.indexOf(regionByKey(template.regions[0]))
  let firstDay: number
  if (instance === 1) {
    const [month, from, to] = template.start
    firstDay = dayInFiscalYear(fy, month, rng.int(from, to))
  } else {
    const { start } = fiscalYearDays(fy)
    firstDay = rng.int(start + 9, dayInFiscalYear(fy, 1, 31))
  }
  const specs = template.sessions
  const sessions: PlannedSession[] = []
  const tokyoPlace = rng.pick(cityVenues.tokyo.places)
  const osakaPlace = rng.pick(cityVenues.osaka.places)
  const regionPlace = rng.pick(regions[region].venues)
  let previous = -Infinity
  for (const spec of specs) {
    let day = firstDay + spec.offset
    const days = spec.days ?? 1
    // People from the cities come on weekends; online talks are on weekday evenings.
    if (spec.venue === 'online') day = nextWeekday(day, rng.pick([2, 3, 4]))
    else if (spec.venue !== 'region' || days <= 2) day = nextWeekday(day, 6)
    else if (days <= 4) day = nextWeekday(day, 5)
    if (isNewYearHoliday(day)) day += 7
    if (day <= previous) day = previous + 1
    previous = day + days - 1
    const startMs = jstMs(day, Math.floor(spec.hour), Math.round((spec.hour % 1) * 60))
    const endHour = spec.hour + spec.hours
    const endMs = jstMs(day + days - 1, Math.floor(endHour), Math.round((endHour % 1) * 60))
    const venueInfo =
      spec.venue === 'tokyo'
        ? { code: cityVenues.tokyo.municipality.code, place: tokyoPlace }
        : spec.venue === 'osaka'
          ? { code: cityVenues.osaka.municipality.code, place: osakaPlace }
          : spec.venue === 'region'
            ? { code: regions[region].municipality.code, place: regionPlace }
            : { code: regions[region].municipality.code, place: 'オンライン（Zoom）' }
    const place = spec.mode === 'hybrid' ? `${venueInfo.place}＋オンライン配信` : venueInfo.place
    const headcount = template.headcount && day < asOfDay ? rng.int(template.headcount[0], template.headcount[1]) : 0
    sessions.push({
      index: sessionsSoFar.n++,
      id: '',
      program: index,
      day,
      days,
      startsAt: new Date(startMs).toISOString(),
      endsAt: new Date(endMs).toISOString(),
      place,
      municipalityCode: venueInfo.code,
      mode: spec.mode,
      venue: spec.venue,
      anonymousHeadcount: headcount,
      notes: spec.title,
      createdMs: 0,
    })
  }
  const startDay = sessions[0].day
  const endDay = sessions[sessions.length - 1].day + sessions[sessions.length - 1].days - 1
  const selective = template.completes
  const appEnd = startDay - (selective ? rng.int(10, 21) : rng.int(1, 7))
  const appStart = appEnd - rng.int(selective ? 40 : 25, selective ? 70 : 45)
  // Entered some weeks before applications open, and never after the demo's "today".
  const createdMs = officeMs(Math.min(appStart - rng.int(14, 45), asOfDay - rng.int(1, 20)), rng.next())
  const id = demoUuidv7(rng, createdMs)
  for (const s of sessions) {
    s.createdMs = createdMs + rng.int(60_000, 3_600_000)
    s.id = demoUuidv7(rng, s.createdMs)
  }
  const status: ProgramStatus = endDay < asOfDay ? 'finished' : appStart <= asOfDay ? 'open' : 'planned'
  const lastTouch = Math.min(status === 'finished' ? endDay + rng.int(7, 30) : asOfDay - rng.int(0, 20), asOfDay)
  const name = template.title(fy, fy - template.firstYear + 1) + (instance > 1 ? `（第${instance}回）` : '')
  const fiscalYear = fiscalYearOf(isoOf(startDay))
  return {
    index,
    id,
    template,
    region,
    municipalityCodes: template.regions.map((k) => regionByKey(k).municipality.code),
    name,
    fiscalYear,
    category: template.category,
    fundingSource: template.funding,
    grantName: grantNameOf(template.funding, fiscalYear),
    micModelType: template.mic ?? null,
    status,
    startDay,
    endDay,
    capacity: rng.int(template.capacity[0], template.capacity[1]),
    fee: template.fee,
    coordinator: coordinators[region],
    description: template.description,
    createdMs,
    updatedMs: Math.max(createdMs, officeMs(lastTouch, rng.next())),
    appStart,
    appEnd,
    sessions,
  }
}
