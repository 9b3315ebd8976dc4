import { describe, expect, it } from 'vitest'
import { lastStatusDate, statusDateField } from '../../shared/domain/enrollmentDates'
import { enrollmentStatuses } from '../../shared/domain/vocabulary'

const none = { appliedOn: null, confirmedOn: null, completedOn: null, withdrawnOn: null, createdAt: '2025-05-01T03:00:00.000Z' }

describe('the days an enrollment reached its statuses', () => {
  it('every status has its own date field', () => {
    expect(enrollmentStatuses.codes.map((s) => statusDateField[s])).toEqual([
      'appliedOn',
      'confirmedOn',
      'completedOn',
      'withdrawnOn',
    ])
  })

  it('it last moved on its latest status day, whichever status that is', () => {
    expect(lastStatusDate({ ...none, appliedOn: '2025-05-01', confirmedOn: '2025-05-20' })).toBe('2025-05-20')
    expect(lastStatusDate({ ...none, appliedOn: '2025-05-01', confirmedOn: '2025-05-20', withdrawnOn: '2025-06-02' })).toBe(
      '2025-06-02',
    )
    // Only the days count, not the order of the statuses: withdrawn in June, confirmed in July.
    expect(lastStatusDate({ ...none, confirmedOn: '2025-07-01', withdrawnOn: '2025-06-02' })).toBe('2025-07-01')
  })

  it('with no status day recorded, the day it was entered', () => {
    expect(lastStatusDate(none)).toBe('2025-05-01')
  })
})
