import type { Contact } from '../contract/contacts'
import { municipalityByCode, prefectureByCode } from './localGov'
import { bases, genders, roots } from './vocabulary'

/**
 * The columns of a participants export, in order, each as text: codes, phone numbers and
 * postal codes stay text so leading zeros survive in Excel. Pure, shared by CSV and XLSX.
 */
export const exportHeaders = [
  '姓',
  '名',
  'セイ',
  'メイ',
  'メール',
  '電話',
  '郵便番号',
  '都道府県',
  '市区町村',
  '市区町村コード',
  '住所',
  '生年月日',
  '生年',
  '性別',
  '職業',
  '所属',
  'ゆかり',
  '関わり方',
  'きっかけ',
  '段階',
  'タグ',
  '同意日',
  '備考',
] as const

export function exportRow(c: Contact & { tags?: string[] }, stageLabel: (code: string) => string): (string | null)[] {
  const label = <T extends Record<string, string>>(labels: T, code: string | null) => (code ? (labels[code] ?? code) : null)
  return [
    c.familyName,
    c.givenName,
    c.familyKana,
    c.givenKana,
    c.email,
    c.phone,
    c.postalCode,
    c.prefectureCode ? (prefectureByCode(c.prefectureCode)?.name ?? c.prefectureCode) : null,
    c.municipalityCode ? (municipalityByCode(c.municipalityCode)?.name ?? null) : null,
    c.municipalityCode,
    c.address,
    c.birthDate,
    c.birthYear === null ? null : String(c.birthYear),
    label(genders.labels, c.gender),
    c.occupation,
    c.affiliation,
    label(roots.labels, c.roots),
    label(bases.labels, c.basis),
    c.firstContact,
    stageLabel(c.stage),
    (c.tags ?? []).join('、') || null,
    c.consentDate,
    c.notes,
  ]
}
