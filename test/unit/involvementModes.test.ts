import { describe, expect, it } from 'vitest'
import { nightsFor, visitModeOfSession } from '../../shared/domain/vocabulary'

describe('how a person took part in a session', () => {
  it('online at an online session, onsite at an onsite or hybrid one', () => {
    expect(visitModeOfSession('online')).toBe('online')
    expect(visitModeOfSession('onsite')).toBe('onsite')
    expect(visitModeOfSession('hybrid')).toBe('onsite')
  })
})

describe('nights as stored', () => {
  it('an online involvement has no overnight stay, whatever was typed', () => {
    expect(nightsFor('online', 2)).toBe(0)
    expect(nightsFor('onsite', 2)).toBe(2)
    expect(nightsFor('onsite', 0)).toBe(0)
  })
})
