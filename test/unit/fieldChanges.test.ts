import { describe, expect, it } from 'vitest'
import { changedFields } from '../../shared/domain/fieldChanges'

describe('what an audit line records of a change', () => {
  const before = { place: '公民館', startTime: '10:00', anonymousHeadcount: 0, notes: null }

  it('lists each field written with a new value as [before, after]', () => {
    expect(changedFields(before, { place: '旧小学校', notes: '雨天決行' })).toEqual({
      place: ['公民館', '旧小学校'],
      notes: [null, '雨天決行'],
    })
  })

  it('a field written with the value it already has is no change', () => {
    expect(changedFields(before, { place: '公民館', anonymousHeadcount: 0 })).toEqual({})
  })

  it('clearing a field is a change to null; 0 and null are different values', () => {
    expect(changedFields(before, { startTime: null, anonymousHeadcount: null })).toEqual({
      startTime: ['10:00', null],
      anonymousHeadcount: [0, null],
    })
  })

  it('a field the record did not have changes from undefined', () => {
    expect(changedFields(before, { mode: 'online' })).toEqual({ mode: [undefined, 'online'] })
  })
})
