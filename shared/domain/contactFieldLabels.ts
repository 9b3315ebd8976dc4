/**
 * The Japanese name of each field of a person, written once: the participants grid and the
 * person panel (renderer i18n), the import review, the export's header row and the 開示 file
 * all print these, so a coordinator (or the person asking for their data) reads one word for
 * one field wherever it appears. Keys are the stored field names (shared/contract/contacts.ts).
 */
const labels = {
  familyName: '姓',
  givenName: '名',
  familyKana: 'セイ',
  givenKana: 'メイ',
  email: 'メール',
  phone: '電話',
  postalCode: '郵便番号',
  prefectureCode: '都道府県',
  municipalityCode: '市区町村',
  address: '住所',
  birthDate: '生年月日',
  birthYear: '生まれ年',
  gender: '性別',
  occupation: '職業',
  affiliation: '所属',
  roots: 'ゆかり',
  basis: '関わり方',
  firstContact: 'きっかけ',
  stage: '段階',
  tags: 'タグ',
  consentDate: '同意日',
  consentMethod: '同意の方法',
  consentPurposes: '同意した利用目的',
  notes: 'メモ',
  createdAt: '登録日時',
  updatedAt: '更新日時',
  deletedAt: '削除日時',
}

export type ContactFieldName = keyof typeof labels

/** Typed as plain strings so an English message file can hold the same keys with its own words. */
export const contactFieldLabels: Readonly<Record<ContactFieldName, string>> = labels

/** The labels of some fields, for a message group that names only those. */
export function contactFieldLabelsOf<K extends ContactFieldName>(...keys: K[]): Record<K, string> {
  return Object.fromEntries(keys.map((key) => [key, labels[key]])) as Record<K, string>
}
