import { describe, expect, it } from 'vitest'
import { contactFieldLabels, contactFieldLabelsOf, type ContactFieldName } from '../../shared/domain/contactFieldLabels'
import { exportHeaderOf, type ExportColumn } from '../../shared/domain/contactExport'
import { readableRow } from '../../shared/domain/disclosure'
import { ja } from '../../renderer/src/i18n/ja'

// A person's field has one Japanese name on screen, in the export's header row and in the 開示
// file: a coordinator comparing an export with the grid, or a person comparing their 開示 file
// with what they were shown, must not meet 生年 in one place and 生まれ年 in another.
const fields = Object.keys(contactFieldLabels) as ContactFieldName[]

describe('contactFieldLabels', () => {
  it('names the fields the caller asks for, and only those', () => {
    expect(contactFieldLabelsOf('familyName', 'notes')).toEqual({ familyName: '姓', notes: 'メモ' })
  })

  it('the 開示 file names each stored field by it', () => {
    for (const field of fields) {
      expect(Object.keys(readableRow('contact', { [field]: 'x' }))).toEqual([contactFieldLabels[field]])
    }
  })

  it('the export header row names each field by it', () => {
    const stored: Partial<Record<ExportColumn, ContactFieldName>> = {
      prefecture: 'prefectureCode',
      municipality: 'municipalityCode',
    }
    for (const column of Object.keys(exportHeaderOf) as ExportColumn[]) {
      if (column === 'municipalityCode') continue // the code beside the name: 市区町村コード
      expect(exportHeaderOf[column]).toBe(contactFieldLabels[stored[column] ?? (column as ContactFieldName)])
    }
    expect(exportHeaderOf.birthYear).toBe('生まれ年')
    expect(exportHeaderOf.municipalityCode).toBe('市区町村コード')
  })

  it('the screens (grid columns, import review, change history) name each field by it', () => {
    const screens: Record<string, string>[] = [ja.import.personField, ja.people.auditFields]
    for (const labels of screens) {
      for (const [key, label] of Object.entries(labels)) {
        if (key in contactFieldLabels) expect(label).toBe(contactFieldLabels[key as ContactFieldName])
      }
    }
    const columns = ja.participants.columns
    expect(columns.prefecture).toBe(contactFieldLabels.prefectureCode)
    expect(columns.birth).toBe(contactFieldLabels.birthDate)
    expect(columns.notes).toBe(contactFieldLabels.notes)
    expect(ja.import.personField.notes).toBe('メモ')
  })
})
