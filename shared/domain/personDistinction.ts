import type { Contact } from '../contract/contacts'
import { municipalityByCode, prefectureByCode } from './localGov'

type Person = Pick<
  Contact,
  'familyKana' | 'givenKana' | 'birthYear' | 'birthDate' | 'prefectureCode' | 'municipalityCode' | 'email' | 'phone'
>

/** '1990年生まれ' from the birth year, or the year of the birth date; '' when neither is known. */
function birthText(p: Person): string {
  const year = p.birthYear ?? (p.birthDate ? Number(p.birthDate.slice(0, 4)) : null)
  return year ? `${year}年生まれ` : ''
}

/** '長野県松本市', or the prefecture alone; '' when no place is known. */
function placeText(p: Person): string {
  const m = p.municipalityCode ? municipalityByCode(p.municipalityCode) : undefined
  if (m) return `${m.prefectureName}${m.name}`
  return (p.prefectureCode && prefectureByCode(p.prefectureCode)?.name) || ''
}

/**
 * What a person picker shows beside a name and its reading, so that two people of the same
 * name can be told apart: birth year, where they live, and an e-mail (or phone).
 */
export function personDetails(p: Person): string {
  return [birthText(p), placeText(p), p.email ?? p.phone ?? ''].filter(Boolean).join('・')
}

/**
 * The shortest thing that tells a person from a namesake, for a list of chosen people:
 * birth year and place when known, else the e-mail or phone, else the reading; '' if none.
 */
export function namesakeDetail(p: Person): string {
  const known = [birthText(p), placeText(p)].filter(Boolean).join('・')
  return known || p.email || p.phone || [p.familyKana, p.givenKana].filter(Boolean).join(' ')
}
