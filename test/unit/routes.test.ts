import { describe, expect, it } from 'vitest'
import {
  importBatchIdFromHash,
  importPeopleHref,
  personHref,
  personIdFromHash,
  routeFromHash,
  withoutPerson,
} from '../../renderer/src/app/routes'
import { historyStepOf } from '../../renderer/src/app/historyKeys'
import { viewIdFromHash } from '../../renderer/src/features/participants/viewHash'

describe('routeFromHash', () => {
  it('names the page of the hash, with or without a query, and ホーム for anything else', () => {
    expect(routeFromHash('#/programs')).toBe('programs')
    expect(routeFromHash('#/participants?view=v1')).toBe('participants')
    expect(routeFromHash('#/participants?person=p1')).toBe('participants')
    expect(routeFromHash('')).toBe('home')
    expect(routeFromHash('#/nowhere')).toBe('home')
  })
})

describe('a link to one person', () => {
  it('opens 参加者 with that person, and reads back the same id', () => {
    const href = personHref('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')
    expect(href).toBe('#/participants?person=0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')
    expect(routeFromHash(href)).toBe('participants')
    expect(personIdFromHash(href)).toBe('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')
  })

  it('an id that is not plain text survives the round trip', () => {
    expect(personIdFromHash(personHref('a&b=c d'))).toBe('a&b=c d')
  })

  it('is no person on another page, without the parameter, or with it empty', () => {
    expect(personIdFromHash('#/audit?person=p1')).toBeNull()
    expect(personIdFromHash('#/participants')).toBeNull()
    expect(personIdFromHash('#/participants?view=v1')).toBeNull()
    expect(personIdFromHash('#/participants?person=')).toBeNull()
  })

  it("leaves a saved view's parameter alone, and is dropped without touching it", () => {
    const both = '#/participants?view=v1&person=p1'
    expect(viewIdFromHash(both)).toBe('v1')
    expect(personIdFromHash(both)).toBe('p1')
    expect(withoutPerson(both)).toBe('#/participants?view=v1')
    expect(withoutPerson('#/participants?person=p1')).toBe('#/participants')
    expect(withoutPerson('#/participants?view=v1')).toBe('#/participants?view=v1')
  })
})

describe('Alt+← / Alt+→ (historyStepOf)', () => {
  const key = (key: string, more: Partial<KeyboardEvent> = {}) =>
    ({
      key,
      altKey: true,
      ctrlKey: false,
      metaKey: false,
      shiftKey: false,
      defaultPrevented: false,
      target: null,
      ...more,
    }) as KeyboardEvent
  const inField = { closest: (s: string) => (s.includes('input') ? {} : null) } as unknown as EventTarget

  it('steps back and forward', () => {
    expect(historyStepOf(key('ArrowLeft'))).toBe(-1)
    expect(historyStepOf(key('ArrowRight'))).toBe(1)
  })

  it('leaves other keys, other modifiers, handled keys and text fields alone', () => {
    expect(historyStepOf(key('ArrowLeft', { altKey: false }))).toBeNull()
    expect(historyStepOf(key('ArrowLeft', { shiftKey: true }))).toBeNull()
    expect(historyStepOf(key('ArrowLeft', { ctrlKey: true }))).toBeNull()
    expect(historyStepOf(key('ArrowUp'))).toBeNull()
    expect(historyStepOf(key('ArrowLeft', { defaultPrevented: true }))).toBeNull()
    expect(historyStepOf(key('ArrowLeft', { target: inField }))).toBeNull()
  })
})

describe("a link to one import's people", () => {
  it('opens 参加者 with that import, keeps it beside an opened person, and is none elsewhere', () => {
    const href = importPeopleHref('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')
    expect(href).toBe('#/participants?import=0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')
    expect(routeFromHash(href)).toBe('participants')
    expect(importBatchIdFromHash(href)).toBe('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')
    expect(importBatchIdFromHash(withoutPerson(`${href}&person=p1`))).toBe('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')
    expect(importBatchIdFromHash('#/import?import=b1')).toBeNull()
    expect(importBatchIdFromHash('#/participants?import=')).toBeNull()
    expect(importBatchIdFromHash('#/participants')).toBeNull()
  })
})
