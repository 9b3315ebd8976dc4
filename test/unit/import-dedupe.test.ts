import { describe, expect, it } from 'vitest'
import { defaultAction, duplicatesWithinFile, type Identity } from '../../shared/domain/import/dedupe'

const person = (p: Partial<Identity>): Identity => ({
  familyName: null,
  givenName: null,
  familyKana: null,
  givenKana: null,
  email: null,
  phone: null,
  birthDate: null,
  birthYear: null,
  municipalityCode: null,
  ...p,
})

describe('duplicates inside one file', () => {
  it('a row meets an earlier row with the same e-mail, however far apart', () => {
    const rows = Array.from({ length: 500 }, (_, i) =>
      person({ familyName: '試験', givenName: `花子${i}`, email: `h${i}@example.jp` }),
    )
    rows.push(person({ familyName: '試験', givenName: '花子3', email: 'H3@example.jp' }))
    const found = duplicatesWithinFile(rows)
    expect(found.get(500)).toEqual([expect.objectContaining({ row: 3, match: expect.objectContaining({ score: 100 }) })])
    expect(found.size).toBe(1)
  })

  it('a shared e-mail or phone under another name is a candidate, not the same person for certain', () => {
    const parent = person({ familyName: '見本', givenName: '太郎', phone: '0855221234', email: 'mihon.family@example.jp' })
    const child = person({ familyName: '見本', givenName: '花子', phone: '0855221234', email: 'mihon.family@example.jp' })
    const [match] = duplicatesWithinFile([parent, child]).get(1)!
    expect(match!.match.score).toBe(80)
    expect(match!.match.reasons).toContain('氏名が異なる（家族などの可能性）')
    // Shown for review, but someone else unless the user says otherwise, whatever the bulk choice.
    expect(match!.match.otherName).toBe(true)
    expect(defaultAction(match!.match, 'merge')).toBe('new')
    expect(defaultAction(match!.match, 'skip')).toBe('new')
    // Born decades apart: not proposed at all.
    const found = duplicatesWithinFile([
      { ...parent, birthYear: 1960 },
      { ...child, birthYear: 1992 },
    ])
    expect(found.size).toBe(0)
    // The same name with the same e-mail stays certain, and follows the bulk choice.
    const same = duplicatesWithinFile([parent, { ...parent }]).get(1)![0]!.match
    expect(same.score).toBe(100)
    expect(same.otherName).toBeUndefined()
    expect(defaultAction(same, 'merge')).toBe('merge')
    // Names entered the other way round are not "another name".
    const swapped = { ...parent, familyName: '太郎', givenName: '見本' }
    expect(duplicatesWithinFile([parent, swapped]).get(1)![0]!.match.otherName).toBeUndefined()
    expect(defaultAction(undefined, 'merge')).toBe('new')
  })

  it('thousands of rows sharing one reading stay bounded: at most 10 matches per row, still found', () => {
    // A placeholder reading on every row: without bounds this is all pairs (n² = 64M scorings).
    const rows = Array.from({ length: 8000 }, (_, i) =>
      person({
        familyName: '試験',
        givenName: '花子',
        familyKana: 'シケン',
        givenKana: 'ハナコ',
        phone: `0900000${String(i).padStart(4, '0')}`,
      }),
    )
    const found = duplicatesWithinFile(rows)
    expect(found.has(0)).toBe(false)
    for (const index of [1, 30, 7999]) {
      const matches = found.get(index)!
      expect(matches.length).toBe(Math.min(index, 10))
      // Best first; on equal scores, the earliest rows.
      expect(matches.map((m) => m.row)).toEqual(Array.from({ length: Math.min(index, 10) }, (_, k) => k))
      for (const m of matches) expect(m.match.reasons).toContain('氏名とフリガナが一致')
    }
  })
})
