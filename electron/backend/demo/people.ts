/**
 * Demo people (参加者): who they are and when they were first registered. What they do
 * (enrollments, visits, stages) is decided later by the simulation and written back here.
 */
import type { GenderCode, RootsCode, StageCode, BasisCode } from '../../../shared/domain/vocabulary'
import { asOfDay, dayOf, isoOf, monthOf, officeMs } from './calendar'
import { demoUuidv7 } from './ids'
import { pickFamilyName, pickGivenName } from './names'
import { drawResidence, fictionalAddress, fictionalPostalCode, regionPull, regions } from './places'
import {
  AGE_BANDS,
  GENDERS,
  ROOTS,
  affiliationFor,
  basisFor,
  consentFor,
  emailFor,
  firstContactFor,
  isStudent,
  noteFor,
  occupationFor,
  phoneFor,
} from './profiles'
import { Weighted } from './random'
import type { Rng } from './random'

export interface Person {
  index: number
  id: string
  regDay: number
  createdMs: number
  updatedMs: number
  familyName: string
  givenName: string
  familyKana: string | null
  givenKana: string | null
  email: string | null
  phone: string | null
  postalCode: string | null
  prefectureCode: string | null
  municipalityCode: string | null
  address: string | null
  birthDate: string | null
  birthYear: number | null
  gender: GenderCode | null
  occupation: string | null
  affiliation: string | null
  roots: RootsCode | null
  basis: BasisCode | null
  firstContact: string | null
  consentDate: string | null
  consentMethod: string | null
  consentPurposes: string
  notes: string | null
  stage: StageCode
  deletedDay: number
  /** Day the person moved into their region (移住), or −1. */
  moveDay: number
  // --- simulation state ---
  /** 0–1: how likely this person is to come back. Most people are low. */
  engagement: number
  /** Region (index into `regions`) the person is drawn to; −1 until their first program decides it. */
  region: number
  /** Region the person lives in, or −1. */
  localRegion: number
  student: boolean
}

/** Registrations per month: older lists imported, then steady growth, busier in recruiting seasons. */
function registrationMonths(): Weighted<number> {
  const months: number[] = []
  const weights: number[] = []
  for (let day = dayOf('2021-04-01'); day <= asOfDay;) {
    const iso = isoOf(day)
    const year = Number(iso.slice(0, 4))
    const month = monthOf(day)
    const fy = month >= 4 ? year : year - 1
    const yearly = fy <= 2022 ? 0.45 : fy === 2023 ? 0.9 : fy === 2024 ? 1 : fy === 2025 ? 1.1 : 1
    const seasonal = month === 6 || month === 7 ? 1.35 : month === 10 || month === 11 ? 1.2 : month === 1 || month === 2 ? 1.1 : 1
    months.push(day)
    weights.push(yearly * seasonal)
    const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`
    day = dayOf(next)
  }
  return new Weighted(months, weights)
}

const ENGAGEMENT = Weighted.of<readonly [number, number]>([
  [[0, 0.15], 58],
  [[0.3, 0.55], 27],
  [[0.6, 0.85], 12],
  [[0.9, 1], 3],
])

export function createPeople(rng: Rng, count: number): Person[] {
  const months = registrationMonths()
  const regDays: number[] = []
  for (let i = 0; i < count; i++) {
    const first = months.draw(rng)
    const last = Math.min(dayOf(nextMonthStart(first)) - 1, asOfDay)
    regDays.push(rng.int(first, last))
  }
  regDays.sort((a, b) => a - b)

  const people: Person[] = []
  for (let i = 0; i < count; i++) {
    const regDay = regDays[i]
    const createdMs = officeMs(regDay, rng.next())
    const duplicateOf = i > 50 && rng.chance(0.006) ? people[rng.int(0, i - 1)] : undefined
    const person = duplicateOf ? registerAgain(rng, duplicateOf, i, regDay, createdMs) : createPerson(rng, i, regDay, createdMs)
    people.push(person)
  }
  return people
}

function nextMonthStart(day: number): string {
  const iso = isoOf(day)
  const year = Number(iso.slice(0, 4))
  const month = Number(iso.slice(5, 7))
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`
}

/** Born on or before this day ⇒ 18 or older on AS_OF. */
const ADULT_BORN_BY = `${Number(isoOf(asOfDay).slice(0, 4)) - 18}${isoOf(asOfDay).slice(4)}`

function createPerson(rng: Rng, index: number, regDay: number, createdMs: number): Person {
  const residence = drawResidence(rng)
  const local = residence.localRegion !== null
  const [lo, hi] = AGE_BANDS.draw(rng)
  const age = rng.int(lo, hi)
  let birthYear = 2026 - age - (rng.chance(0.6) ? 0 : 1)
  const gender = GENDERS.draw(rng)
  const family = pickFamilyName(rng)
  const given = pickGivenName(rng, gender === 'female' ? 'female' : gender === 'male' ? 'male' : 'any', birthYear)
  const occupation = occupationFor(rng, age, local)
  const student = isStudent(occupation)
  const roots = local ? (rng.chance(0.6) ? 'born' : rng.chance(0.5) ? 'former_resident' : 'none') : ROOTS.draw(rng)
  const hasRoots = roots !== null && roots !== 'none'
  const localRegion = residence.localRegion ?? -1
  const region = local ? localRegion : hasRoots ? regionPull.draw(rng) : -1
  const consent = consentFor(rng)
  const [elo, ehi] = ENGAGEMENT.draw(rng)
  const engagement = Math.min(1, (elo + rng.next() * (ehi - elo)) * (hasRoots ? 1.25 : 1))
  const noKana = rng.chance(0.02)
  const birthKind = rng.next()
  let birthDate = birthKind < 0.68 ? isoOf(rng.int(dayOf(`${birthYear}-01-01`), dayOf(`${birthYear}-12-31`))) : null
  if (birthDate !== null && birthDate > ADULT_BORN_BY) {
    birthYear -= 1 // nobody under 18 in the demo
    birthDate = `${birthYear}${birthDate.slice(4).replace('-02-29', '-02-28')}`
  }
  const hasAddress = rng.chance(local ? 0.9 : 0.7)
  const hasMunicipality = hasAddress || rng.chance(0.6)
  const hasPrefecture = hasMunicipality || rng.chance(0.5)
  const muni = residence.municipality
  return {
    index,
    id: demoUuidv7(rng, createdMs),
    regDay,
    createdMs,
    updatedMs: createdMs,
    familyName: family.kanji,
    givenName: given.kanji,
    familyKana: noKana ? null : family.kana,
    givenKana: noKana ? null : given.kana,
    email: rng.chance(local ? 0.45 : 0.8) ? emailFor(rng, family.romaji, given.romaji, birthYear) : null,
    phone: rng.chance(local ? 0.85 : 0.6) ? phoneFor(rng) : null,
    postalCode: hasAddress ? fictionalPostalCode(rng, muni.prefectureCode) : null,
    prefectureCode: hasPrefecture ? muni.prefectureCode : null,
    municipalityCode: hasMunicipality ? muni.code : null,
    address: hasAddress ? fictionalAddress(rng, local && !muni.name.endsWith('市')) : null,
    birthDate,
    birthYear: birthDate !== null || birthKind < 0.85 ? birthYear : null,
    gender,
    occupation,
    affiliation: affiliationFor(rng, occupation, muni.name),
    roots,
    basis: basisFor(rng, occupation),
    firstContact: firstContactFor(rng, roots, student, local),
    consentDate: consent ? isoOf(regDay) : null,
    consentMethod: consent?.method ?? null,
    consentPurposes: JSON.stringify(consent?.purposes ?? []),
    notes: noteFor(rng, region >= 0 ? regions[region].label : null),
    stage: 'tsukamu',
    deletedDay: -1,
    moveDay: -1,
    engagement,
    region,
    localRegion,
    student,
  }
}

/**
 * The same human registered a second time through another channel (a form at an event after
 * an earlier newsletter sign-up): what coordinators have to find and merge.
 */
function registerAgain(rng: Rng, original: Person, index: number, regDay: number, createdMs: number): Person {
  const fresh = createPerson(rng, index, regDay, createdMs)
  const keepEmail = original.email !== null && rng.chance(0.7)
  const withKana = rng.chance(0.8) // a paper sign-in sheet often has no フリガナ
  return {
    ...fresh,
    familyName: original.familyName,
    givenName: original.givenName,
    familyKana: withKana ? original.familyKana : null,
    givenKana: withKana ? original.givenKana : null,
    email: keepEmail ? original.email : fresh.email,
    phone: !keepEmail || rng.chance(0.5) ? original.phone : null,
    birthDate: original.birthDate,
    birthYear: original.birthYear,
    gender: original.gender,
    prefectureCode: original.prefectureCode,
    municipalityCode: original.municipalityCode,
    postalCode: original.postalCode,
    address: original.address,
    roots: original.roots,
    region: original.region,
    localRegion: original.localRegion,
    engagement: Math.min(fresh.engagement, 0.3),
    occupation: original.occupation,
    affiliation: original.affiliation,
    student: original.student,
    notes: null,
  }
}

/** Residence after 移住: the person now lives in the region they were involved with. */
export function moveIn(rng: Rng, person: Person, region: number): void {
  const m = regions[region].municipality
  person.prefectureCode = m.prefectureCode
  person.municipalityCode = m.code
  person.postalCode = fictionalPostalCode(rng, m.prefectureCode)
  person.address = fictionalAddress(rng, !m.name.endsWith('市'))
}
