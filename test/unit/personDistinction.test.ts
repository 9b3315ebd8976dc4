import { describe, expect, it } from 'vitest'
import { namesakeDetail, personDetails } from '../../shared/domain/personDistinction'

const nobody = {
  familyKana: null,
  givenKana: null,
  birthYear: null,
  birthDate: null,
  prefectureCode: null,
  municipalityCode: null,
  email: null,
  phone: null,
}

/** Two people called 山田 花子 must be told apart where a coordinator picks one. */
describe('what tells a person from a namesake', () => {
  it('the picker shows birth year, place and e-mail (or phone), whatever is known', () => {
    expect(
      personDetails({ ...nobody, birthYear: 1990, municipalityCode: '202029', prefectureCode: '20', email: 'h@example.jp' }),
    ).toBe('1990年生まれ・長野県松本市・h@example.jp')
    expect(personDetails({ ...nobody, birthDate: '1985-04-02', prefectureCode: '13', phone: '090-0000-0000' })).toBe(
      '1985年生まれ・東京都・090-0000-0000',
    )
    expect(personDetails(nobody)).toBe('')
  })

  it('the chosen list says birth year and place, else the e-mail or phone, else the reading', () => {
    expect(namesakeDetail({ ...nobody, birthYear: 1990, municipalityCode: '202029', email: 'h@example.jp' })).toBe(
      '1990年生まれ・長野県松本市',
    )
    expect(namesakeDetail({ ...nobody, email: 'h@example.jp', phone: '090-0000-0000' })).toBe('h@example.jp')
    expect(namesakeDetail({ ...nobody, phone: '090-0000-0000' })).toBe('090-0000-0000')
    expect(namesakeDetail({ ...nobody, familyKana: 'ナカジマ', givenKana: 'ハナコ' })).toBe('ナカジマ ハナコ')
    expect(namesakeDetail(nobody)).toBe('')
  })
})
