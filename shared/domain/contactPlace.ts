import type { ContactPatch } from '../contract/contacts'

/**
 * Keeps 都道府県 and 市区町村 in agreement (a municipality code starts with its prefecture's
 * two digits): a municipality sets the prefecture; a prefecture changed on its own clears a
 * municipality of another prefecture (`currentMunicipality` is the one already saved).
 */
export function alignPlace<P extends ContactPatch>(patch: P, currentMunicipality: string | null = null): P {
  const { prefectureCode, municipalityCode } = patch
  if (typeof municipalityCode === 'string') return { ...patch, prefectureCode: municipalityCode.slice(0, 2) }
  if (prefectureCode === undefined || municipalityCode !== undefined) return patch
  if (currentMunicipality !== null && currentMunicipality.slice(0, 2) !== prefectureCode)
    return { ...patch, municipalityCode: null }
  return patch
}
