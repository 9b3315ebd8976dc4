import { describe, expect, it } from 'vitest'
import { duplicatesWithinFile, type Identity } from '../../shared/domain/import/dedupe'

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
    const rows = Array.from({ length: 500 }, (_, i) => person({ familyName: '試験', givenName: `花子${i}`, email: `h${i}@example.jp` }))
    rows.push(person({ familyName: '別名', givenName: '一郎', email: 'H3@example.jp' }))
    const found = duplicatesWithinFile(rows)
    expect(found.get(500)).toEqual([expect.objectContaining({ row: 3, match: expect.objectContaining({ score: 100 }) })])
    expect(found.size).toBe(1)
  })

  it('thousands of rows sharing one reading stay bounded: at most 10 matches per row, still found', () => {
    // A placeholder reading on every row: without bounds this is all pairs (n² = 64M scorings).
    const rows = Array.from({ length: 8000 }, (_, i) =>
      person({ familyName: '試験', givenName: '花子', familyKana: 'シケン', givenKana: 'ハナコ', phone: `0900000${String(i).padStart(4, '0')}` }),
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
