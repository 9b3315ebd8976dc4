import { describe, expect, it } from 'vitest'
import type { AnyImportField } from '../../shared/domain/import/kinds'
import { applySavedMapping, cleanMappingName, columnsToSave } from '../../shared/domain/import/savedMapping'

const headers = ['タイムスタンプ', 'お名前', 'ふりがな', 'メールアドレス', '電話番号', '備考']
// A deliberate mapping: the timestamp is the consent date, the reading column is left out.
const mapping: AnyImportField[] = ['consentDate', 'fullName', 'ignore', 'email', 'phone', 'notes']
const saved = columnsToSave(headers, mapping)

describe('saved column mappings', () => {
  it('remembers every column with a header, deliberate "ignore" included, and skips blank headers', () => {
    expect(columnsToSave(['お名前', '  ', ' メール '], ['fullName', 'notes', 'email'])).toEqual([
      { header: 'お名前', field: 'fullName' },
      { header: 'メール', field: 'email' },
    ])
    expect(saved).toContainEqual({ header: 'ふりがな', field: 'ignore' })
  })

  it('applies by header text when the columns have moved', () => {
    const order = [5, 3, 0, 4, 2, 1]
    const moved = order.map((i) => headers[i]!)
    const applied = applySavedMapping('contacts', saved, moved)
    expect(applied.mapping).toEqual(order.map((i) => mapping[i]))
    expect(applied.missing).toEqual([])
    expect(applied.suggested).toEqual([])
  })

  it('matches headers through width, kana and case differences', () => {
    const applied = applySavedMapping('contacts', saved, ['ﾒｰﾙｱﾄﾞﾚｽ', 'フリガナ', '電話 番号', '（備考）'])
    expect(applied.mapping).toEqual(['email', 'ignore', 'phone', 'notes'])
    expect(applied.suggested).toEqual([])
  })

  it('reports a renamed header as missing and gives its new column the suggestion', () => {
    const renamed = headers.map((h) => (h === 'メールアドレス' ? '連絡先メール' : h))
    const applied = applySavedMapping('contacts', saved, renamed)
    expect(applied.missing).toEqual(['メールアドレス'])
    expect(applied.suggested).toEqual([3])
    expect(applied.mapping[3]).toBe('email')
    expect(applied.mapping[2]).toBe('ignore') // still the saved choice, not the fullKana suggestion
  })

  it('an extra column falls back to the suggestion, unless the saved mapping gave that field elsewhere', () => {
    const applied = applySavedMapping('contacts', saved, [...headers, '年齢', 'Eメール'])
    expect(applied.mapping.slice(6)).toEqual(['age', 'ignore'])
    expect(applied.suggested).toEqual([6, 7])
    expect(applied.missing).toEqual([])
  })

  it('lists the saved columns a shorter file lacks', () => {
    const applied = applySavedMapping('contacts', saved, ['お名前', '電話番号'])
    expect(applied.mapping).toEqual(['fullName', 'phone'])
    expect(applied.missing).toEqual(['タイムスタンプ', 'ふりがな', 'メールアドレス', '備考'])
  })

  it('matches a header that occurs twice occurrence by occurrence', () => {
    const twice = columnsToSave(['備考', 'お名前', '備考'], ['notes', 'fullName', 'ignore'])
    expect(applySavedMapping('contacts', twice, ['お名前', '備考', '備考']).mapping).toEqual(['fullName', 'notes', 'ignore'])
    expect(applySavedMapping('contacts', twice, ['備考', 'お名前']).missing).toEqual(['備考'])
  })

  it('keeps only the fields of the kind it is applied to', () => {
    const visitSaved = [
      { header: '参加日', field: 'visitDate' as const },
      { header: 'お名前', field: 'fullName' as const },
    ]
    expect(applySavedMapping('contacts', visitSaved, ['参加日', 'お名前']).mapping).toEqual(['ignore', 'fullName'])
    expect(applySavedMapping('visits', visitSaved, ['お名前', '参加日']).mapping).toEqual(['fullName', 'visitDate'])
  })

  it('cleans a typed name', () => {
    expect(cleanMappingName('  申込フォーム　２０２４  ')).toBe('申込フォーム 2024')
  })
})
