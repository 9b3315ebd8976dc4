import { describe, expect, it } from 'vitest'
import { movedBetween, personAtLine } from '../../shared/domain/personAtLine'

// A visit made for A at 10:00, moved to B at 11:00, moved to C at 12:00, deleted at 13:00.
const marks = [
  { id: '01', at: '2026-01-01T10:00', before: null, after: 'A' },
  { id: '03', at: '2026-01-01T11:00', before: 'A', after: 'B' },
  { id: '05', at: '2026-01-01T12:00', before: 'B', after: 'C' },
  { id: '07', at: '2026-01-01T13:00', before: 'C', after: null },
]

describe('personAtLine: whose record a line was about when it was written', () => {
  it('a line that recorded its person names them: made → A, moves → whom it went to, deleted → C', () => {
    expect(marks.map((m) => personAtLine(marks, m, 'now'))).toEqual(['A', 'B', 'C', 'C'])
  })

  it('a line without a person (a date changed) names whom the last earlier line left the record with', () => {
    expect(personAtLine(marks, { id: '02', at: '2026-01-01T10:30' }, 'C')).toBe('A')
    expect(personAtLine(marks, { id: '04', at: '2026-01-01T11:00' }, 'C')).toBe('B') // same time, later id
    expect(personAtLine(marks, { id: '06', at: '2026-01-01T12:30' }, 'C')).toBe('C')
  })

  it('before any line with a person, whom the first later one found; with none at all, the person now', () => {
    const later = [{ id: '09', at: '2026-01-02T09:00', before: 'A', after: 'B' }]
    expect(personAtLine(later, { id: '08', at: '2026-01-01T09:00' }, 'B')).toBe('A')
    expect(personAtLine([], { id: '08', at: '2026-01-01T09:00' }, 'B')).toBe('B')
    expect(personAtLine([], { id: '08', at: '2026-01-01T09:00' }, null)).toBeNull()
  })

  it('the marks may come in any order', () => {
    expect(personAtLine([...marks].reverse(), { id: '02', at: '2026-01-01T10:30' }, 'C')).toBe('A')
  })
})

describe('movedBetween', () => {
  it('is the two people of a move, and null for a line that made, deleted or did not touch the person', () => {
    expect(movedBetween([{ field: 'contactId', before: 'A', after: 'B' }])).toEqual({ from: 'A', to: 'B' })
    expect(movedBetween([{ field: 'contactId', before: null, after: 'A' }])).toBeNull()
    expect(movedBetween([{ field: 'contactId', before: 'A', after: null }])).toBeNull()
    expect(movedBetween([{ field: 'visitDate', before: '2025-08-15', after: '2025-08-16' }])).toBeNull()
  })
})
