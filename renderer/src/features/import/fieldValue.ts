import type { TFunction } from 'i18next'
import { municipalityByCode, prefectureByCode } from '../../../../shared/domain/localGov'
import { personDraftFields } from '../../../../shared/domain/import/personRow'
import type { PersonDraft } from '../../../../shared/domain/import/personRow'
import type { Contact } from '../../../../shared/contract/contacts'

/** A person field a merge can take from the file (the comparison lists them in personDraftFields' order). */
export type MergeableField = keyof PersonDraft

/** A stored or incoming value as a person reads it: names for codes, labels for genders. */
export function showValue(field: MergeableField, value: unknown, t: TFunction): string {
  if (value === null || value === undefined || value === '') return ''
  if (field === 'prefectureCode') return prefectureByCode(String(value))?.name ?? String(value)
  if (field === 'municipalityCode') return municipalityByCode(String(value))?.name ?? String(value)
  if (field === 'gender') return t(`vocab.gender.${String(value)}` as 'vocab.gender.male')
  return String(value)
}

/** A stored person's values in the shape of an import row's, for the backend's merge rules. */
export const storedDraft = (contact: Contact): PersonDraft =>
  Object.fromEntries(
    personDraftFields.map((f) => [f, (contact as unknown as Record<string, unknown>)[f] ?? null]),
  ) as unknown as PersonDraft
