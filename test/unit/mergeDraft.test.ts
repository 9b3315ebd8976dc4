import { describe, expect, it } from 'vitest'
import { differingFields, mergeChanges, mergedValues } from '../../shared/domain/import/mergeDraft'
import { emptyDraft } from '../../shared/domain/import/personRow'
import type { PersonDraft } from '../../shared/domain/import/personRow'

const draft = (fields: Partial<PersonDraft>): PersonDraft => ({ ...emptyDraft(), ...fields })

describe('merging an import row into a person', () => {
  const stored = { ...draft({ familyName: '見本', givenName: '花子', phone: '080-0000-0001' }), id: 'p1' }
  const row = draft({ familyName: '見本', givenName: '花子', phone: '090-0000-0002', email: 'hanako@example.jp' })

  it('fills blanks, keeps a differing stored value, and ignores the row’s blanks', () => {
    const { before, after, updated } = mergedValues(stored, row)
    expect(after).toEqual({ email: 'hanako@example.jp' })
    expect(before).toEqual({ email: null })
    expect(updated).toEqual({ ...stored, email: 'hanako@example.jp' })
    expect(stored.email).toBeNull() // the stored person is not changed in place
    expect(mergeChanges(before, after)).toEqual({ email: [null, 'hanako@example.jp'] })
  })

  it('replaces a differing value only where the file’s is chosen', () => {
    const { before, after, updated } = mergedValues(stored, row, ['phone'])
    expect(after).toEqual({ email: 'hanako@example.jp', phone: '090-0000-0002' })
    expect(before).toEqual({ email: null, phone: '080-0000-0001' })
    expect(updated.phone).toBe('090-0000-0002')
    expect(updated.id).toBe('p1')
  })

  it('a place in another prefecture fills none of the blanks unless chosen, part by part', () => {
    const inTokyo = { ...draft({ familyName: '粟島', givenName: '海斗', prefectureCode: '13' }), id: 'p2' }
    const awashima = draft({
      familyName: '粟島',
      givenName: '海斗',
      email: 'kaito@example.jp',
      prefectureCode: '15',
      municipalityCode: '155861',
      address: '新潟県岩船郡粟島浦村',
    })
    expect(differingFields(inTokyo, awashima)).toEqual(['prefectureCode', 'municipalityCode', 'address'])
    // The e-mail is a blank like any other; the place is not written.
    expect(mergedValues(inTokyo, awashima).after).toEqual({ email: 'kaito@example.jp' })
    const moved = mergedValues(inTokyo, awashima, ['prefectureCode', 'municipalityCode', 'address'])
    expect(moved.updated).toMatchObject({ prefectureCode: '15', municipalityCode: '155861', address: '新潟県岩船郡粟島浦村' })
    // A municipality alone says its prefecture too, and moves it with the place.
    const municipalityOnly = draft({ familyName: '粟島', municipalityCode: '155861' })
    expect(differingFields(inTokyo, municipalityOnly)).toEqual(['prefectureCode', 'municipalityCode'])
    expect(mergedValues(inTokyo, municipalityOnly, ['municipalityCode']).after).toEqual({
      prefectureCode: '15',
      municipalityCode: '155861',
    })
    // In the same prefecture, a blank municipality is filled.
    const sameTokyo = mergedValues(inTokyo, draft({ familyName: '粟島', prefectureCode: '13', municipalityCode: '131016' }))
    expect(sameTokyo.after).toEqual({ municipalityCode: '131016' })
  })

  it('takes or leaves a place whole: a new address never sits under the old prefecture or 〒', () => {
    const yokohama = {
      ...draft({
        familyName: '宮崎',
        postalCode: '245-0000',
        prefectureCode: '14',
        municipalityCode: '141160',
        address: '神奈川県横浜市泉区',
      }),
      id: 'p3',
    }
    const hamada = draft({ familyName: '宮崎', prefectureCode: '32', municipalityCode: '322024', address: '島根県浜田市殿町1-2' })
    expect(differingFields(yokohama, hamada)).toEqual(['postalCode', 'prefectureCode', 'municipalityCode', 'address'])
    // Ticking the address alone moves the whole place; the old 〒 belonged to the old place.
    const moved = mergedValues(yokohama, hamada, ['address'])
    expect(moved.after).toEqual({
      postalCode: null,
      prefectureCode: '32',
      municipalityCode: '322024',
      address: '島根県浜田市殿町1-2',
    })
    expect(moved.before).toEqual({
      postalCode: '245-0000',
      prefectureCode: '14',
      municipalityCode: '141160',
      address: '神奈川県横浜市泉区',
    })
    // Unticked, nothing of the place is written, not even into a blank part of it.
    const sameCity = { ...yokohama, postalCode: null }
    expect(mergedValues(sameCity, { ...hamada, postalCode: '697-0000' }).after).toEqual({})
  })

  it('takes or leaves birth date and year together: no birth date beside another birth year', () => {
    const born2006 = { ...draft({ familyName: '宮崎', birthYear: 2006 }), id: 'p4' }
    const row1989 = draft({ familyName: '宮崎', birthDate: '1989-03-03', birthYear: 1989 })
    expect(differingFields(born2006, row1989)).toEqual(['birthDate', 'birthYear'])
    expect(mergedValues(born2006, row1989).after).toEqual({})
    expect(mergedValues(born2006, row1989, ['birthYear']).updated).toMatchObject({ birthDate: '1989-03-03', birthYear: 1989 })
    // The same year: the date is a blank like any other, filled.
    expect(mergedValues({ ...born2006, birthYear: 1989 }, row1989).after).toEqual({ birthDate: '1989-03-03' })
  })

  it('a phone written with other hyphens is the same phone, not a value to choose', () => {
    const hyphenated = { ...draft({ familyName: '見本', phone: '080-0065-5486' }), id: 'p5' }
    const row = draft({ familyName: '見本', phone: '0800-065-5486' })
    expect(differingFields(hyphenated, row)).toEqual([])
    expect(mergedValues(hyphenated, row, ['phone']).after).toEqual({})
  })

  it('changes nothing when the row adds nothing', () => {
    expect(mergedValues(stored, draft({ familyName: '見本' })).after).toEqual({})
  })
})
