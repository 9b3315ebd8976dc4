import { describe, expect, it } from 'vitest'
import { keptEnd, middleCut } from '../../renderer/src/app/middleCut'

describe('a database name cut in the middle', () => {
  it('keeps the end of a long name whole, so copies of a file are told apart', () => {
    const name = '令和7年度_関係人口創出拡大事業_参加者名簿_最終版_2.db'
    const { start, end } = middleCut(name)
    expect(end).toBe('簿_最終版_2.db')
    expect(Array.from(end)).toHaveLength(keptEnd)
    expect(start + end).toBe(name)
  })
  it('leaves a short name as it is', () => {
    expect(middleCut('demo.db')).toEqual({ start: 'demo.db', end: '' })
    expect(middleCut('12345678901234567890')).toEqual({ start: '12345678901234567890', end: '' })
  })
  it('never cuts a character outside the BMP in two', () => {
    const name = '𠮷野家_関係人口_参加者_𠮷田さんの控え_𠮷.db'
    const { start, end } = middleCut(name)
    expect(start + end).toBe(name)
    expect(end).toBe('さんの控え_𠮷.db')
    expect(start.endsWith('\uD842')).toBe(false)
  })
})
