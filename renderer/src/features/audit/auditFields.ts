import type { TFunction } from 'i18next'
import { columnLabel } from '../participants/participantColumns'

const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v))

/**
 * An audit-trail field in words: the participants grid's header when it is a column, else its
 * own label (a program's or a visit's column for those entities); a key nobody named yet reads
 * as spaced words ("someField" → "some field"), never camelCase.
 */
export function auditFieldLabel(t: TFunction, field: string, entity = 'contact'): string {
  const namespace = entity === 'program' ? 'programs' : entity === 'visit' ? 'visits' : null
  if (namespace) {
    const own = t(`${namespace}.columns.${field}` as 'programs.columns.name', { defaultValue: '' })
    if (own) return own
  }
  const column = columnLabel(t, field)
  if (column !== field) return column
  const own = t(`people.auditFields.${field}` as 'people.auditFields.birthYear', { defaultValue: '' })
  return own || field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase()
}

/** A stored instant (createdAt, a restored backup's time…), as the 日時 column shows `at`. */
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

/** A recorded value in words: はい/いいえ, lists joined with 、, times in local time, nothing as —. */
export function auditValueText(t: TFunction, value: unknown): string {
  if (typeof value === 'string' && isoInstant.test(value)) return new Date(value).toLocaleString('ja-JP')
  if (value === true) return t('people.auditYes')
  if (value === false) return t('people.auditNo')
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.join('、')
  if (value !== null && typeof value === 'object') return JSON.stringify(value)
  return show(value)
}
