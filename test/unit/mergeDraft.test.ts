import { describe, expect, it } from 'vitest'
import { mergeChanges, mergedValues } from '../../shared/domain/import/mergeDraft'
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

  it('changes nothing when the row adds nothing', () => {
    expect(mergedValues(stored, draft({ familyName: '見本' })).after).toEqual({})
  })
})
