import { genders } from '../vocabulary'
import { municipalityByCode, prefectureByCode } from '../localGov'
import type { ImportField } from './headers'
import type { PersonDraft } from './personRow'

const joined = (...parts: (string | null)[]) => parts.filter((p) => p !== null && p !== '').join(' ')

/**
 * What a mapped column becomes in the person record, as the app will show it: the review
 * screen puts it beside the cell when it differs (ﾔﾏﾀﾞ → ヤマダ, S60.4.1 → 1985-04-01,
 * 住所 → 島根県 浜田市), so nothing is saved that the user did not see.
 */
export function storedValueOf(field: ImportField, draft: PersonDraft): string {
  switch (field) {
    case 'fullName':
      return joined(draft.familyName, draft.givenName)
    case 'fullKana':
      return joined(draft.familyKana, draft.givenKana)
    // The address is kept as written; what it adds is the place it was recognized as.
    case 'address':
    case 'prefecture':
    case 'municipality':
      return placeOf(draft)
    case 'birth':
    case 'age':
      return draft.birthDate ?? (draft.birthYear !== null ? `${draft.birthYear}年生まれ` : '')
    case 'gender':
      return draft.gender ? genders.labels[draft.gender] : ''
    case 'ignore':
      return ''
    default:
      return draft[field] ?? ''
  }
}

function placeOf(draft: PersonDraft): string {
  const municipality = draft.municipalityCode ? municipalityByCode(draft.municipalityCode) : undefined
  if (municipality) return `${municipality.prefectureName} ${municipality.name}`
  return (draft.prefectureCode && prefectureByCode(draft.prefectureCode)?.name) || ''
}

/**
 * Whether to show the stored value beside the cell: it says something the cell does not
 * (beyond spaces around it). An empty cell added nothing (another column filled the field).
 */
export function storedValueDiffers(cell: string, stored: string): boolean {
  return cell.trim() !== '' && stored !== '' && stored !== cell.trim()
}
