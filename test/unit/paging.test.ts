import { describe, expect, it } from 'vitest'
import { pageAsked } from '../../renderer/src/grid/paging'

describe('a typed page number', () => {
  it('is the 0-based page for 1…pages, full-width digits and spaces included', () => {
    expect(pageAsked('1', 241)).toBe(0)
    expect(pageAsked(' 241 ', 241)).toBe(240)
    expect(pageAsked('１２', 241)).toBe(11)
  })
  it('is no page when blank, not a whole number, or outside the pages', () => {
    for (const typed of ['', ' ', '0', '242', '1.5', '-1', 'abc', '1e2']) expect(pageAsked(typed, 241)).toBeNull()
  })
})
