import { describe, expect, it } from 'vitest'
import { erasedPeople, erasureOf, erasuresToReapply } from '../../shared/domain/erasures'

const anonymize = (id: string) => ({ action: 'anonymize', entityId: id, changes: null })
const deleteForGood = (id: string) => ({
  action: 'delete',
  entityId: id,
  changes: JSON.stringify({ permanent: [false, true], visits: [2, 0] }),
})
const toTrash = (id: string) => ({ action: 'delete', entityId: id, changes: JSON.stringify({ deletedAt: [null, '2026-01-01'] }) })

describe('erasures recorded after a backup', () => {
  it('tells 匿名化 and 完全に削除 from moving to the trash and from edits', () => {
    expect(erasureOf(anonymize('a'))).toBe('anonymize')
    expect(erasureOf(deleteForGood('a'))).toBe('delete')
    expect(erasureOf(toTrash('a'))).toBeNull()
    expect(erasureOf({ action: 'delete', entityId: 'a', changes: null })).toBeNull()
    expect(erasureOf({ action: 'delete', entityId: 'a', changes: '{broken' })).toBeNull()
    expect(erasureOf({ action: 'update', entityId: 'a', changes: JSON.stringify({ notes: ['x', null] }) })).toBeNull()
  })

  it('re-applies one erasure per person held by the copy, a deletion winning over an anonymization', () => {
    const copy = new Map([
      ['a', { anonymized: false }],
      ['b', { anonymized: false }],
      ['c', { anonymized: false }],
    ])
    const lines = [anonymize('a'), anonymize('b'), deleteForGood('b'), toTrash('c'), anonymize('a')]
    expect(erasuresToReapply(lines, copy)).toEqual([
      { contactId: 'a', kind: 'anonymize' },
      { contactId: 'b', kind: 'delete' },
    ])
    expect(erasedPeople(lines)).toEqual(['a', 'b'])
  })

  it('skips people the copy does not hold and anonymizations the copy already has', () => {
    const copy = new Map([
      ['old', { anonymized: true }],
      ['kept', { anonymized: true }],
    ])
    const lines = [anonymize('old'), anonymize('new'), deleteForGood('gone'), deleteForGood('kept')]
    // An anonymized person deleted for good after the backup is still deleted.
    expect(erasuresToReapply(lines, copy)).toEqual([{ contactId: 'kept', kind: 'delete' }])
    expect(erasuresToReapply([], copy)).toEqual([])
  })
})
