import { describe, expect, it } from 'vitest'
import { alignPlace } from '../../shared/domain/contactPlace'

/** 都道府県 and 市区町村 stay in agreement: a municipality code starts with its prefecture's two digits. */
describe('a person’s prefecture and municipality', () => {
  it('a municipality sets its prefecture', () => {
    expect(alignPlace({ municipalityCode: '325252' })).toEqual({ municipalityCode: '325252', prefectureCode: '32' })
    expect(alignPlace({ municipalityCode: '325252', prefectureCode: '13' }, '131016')).toMatchObject({ prefectureCode: '32' })
  })

  it('a prefecture changed on its own clears a municipality of another prefecture', () => {
    expect(alignPlace({ prefectureCode: '13' }, '325252')).toEqual({ prefectureCode: '13', municipalityCode: null })
  })

  it('keeps a municipality of the same prefecture, and leaves a patch without a place alone', () => {
    expect(alignPlace({ prefectureCode: '32' }, '325252')).toEqual({ prefectureCode: '32' })
    expect(alignPlace({ prefectureCode: '13' })).toEqual({ prefectureCode: '13' })
    expect(alignPlace({ notes: 'メモ' }, '325252')).toEqual({ notes: 'メモ' })
  })

  it('clearing both, or the municipality alone, is taken as given', () => {
    expect(alignPlace({ prefectureCode: null, municipalityCode: null }, '325252')).toEqual({
      prefectureCode: null,
      municipalityCode: null,
    })
    expect(alignPlace({ municipalityCode: null }, '325252')).toEqual({ municipalityCode: null })
  })
})
