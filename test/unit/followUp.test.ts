import { describe, expect, it } from 'vitest'
import { FOLLOW_UP, followUpWindow } from '../../shared/domain/followUp'

describe('しばらく会っていない人: the follow-up window', () => {
  it('last visits from 36 months up to 12 months before the as-of day', () => {
    expect(followUpWindow('2025-10-15')).toEqual({ activeFrom: '2022-10-15', cutoff: '2024-10-15' })
  })

  it('month ends fall back to the shorter month', () => {
    expect(followUpWindow('2028-02-29')).toEqual({ activeFrom: '2025-02-28', cutoff: '2027-02-28' })
  })

  it('asks for at least two involvements and lists at most 50 people', () => {
    expect(FOLLOW_UP).toMatchObject({ minVisits: 2, listed: 50 })
  })
})
