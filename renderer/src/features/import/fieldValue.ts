import type { TFunction } from 'i18next'
import { municipalityByCode, prefectureByCode } from '../../../../shared/domain/localGov'
import { personDraftFields } from '../../../../shared/domain/import/personRow'

/** The person fields a merge can take from the file, in the order the comparison lists them. */
export const mergeableFields = personDraftFields
export type MergeableField = (typeof mergeableFields)[number]

/** A stored or incoming value as a person reads it: names for codes, labels for genders. */
export function showValue(field: MergeableField, value: unknown, t: TFunction): string {
  if (value === null || value === undefined || value === '') return ''
  if (field === 'prefectureCode') return prefectureByCode(String(value))?.name ?? String(value)
  if (field === 'municipalityCode') return municipalityByCode(String(value))?.name ?? String(value)
  if (field === 'gender') return t(`vocab.gender.${String(value)}` as 'vocab.gender.male')
  return String(value)
}
