import { beforeEach, describe, expect, it, vi } from 'vitest'

// A stand-in for the window's client: counts calls and lets the test fire backend events.
const fake = vi.hoisted(() => {
  const listeners = new Set<(payload: unknown) => void>()
  return {
    calls: [] as string[],
    listeners,
    api: {
      call: (method: string, args: unknown) => {
        fake.calls.push(`${method} ${JSON.stringify(args)}`)
        return Promise.resolve({ method, answer: fake.calls.length })
      },
      on: (_event: string, listener: (payload: unknown) => void) => {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
    },
  }
})
vi.mock('../../renderer/src/api/client', () => ({ api: fake.api }))

const { askEarly, takeEarlyAnswer } = await import('../../renderer/src/api/earlyAnswers')

describe('early answers for the opening screen', () => {
  beforeEach(() => {
    fake.calls.length = 0
  })

  it('hands an answer asked early to the first query with the same method and arguments, once', async () => {
    askEarly('views.list', { page: 'participants' })
    expect(takeEarlyAnswer('stages.list', {})).toBeUndefined()
    expect(takeEarlyAnswer('tags.list', {})).toBeUndefined()
    await expect(takeEarlyAnswer('views.list', { page: 'participants' })).resolves.toEqual({ method: 'views.list', answer: 1 })
    // Taken: the next query goes to the backend itself.
    expect(takeEarlyAnswer('views.list', { page: 'participants' })).toBeUndefined()
    expect(fake.calls).toEqual(['views.list {"page":"participants"}'])
  })

  it('throws every untaken answer away when the backend reports a change, and stops listening', () => {
    askEarly('stages.list', {})
    askEarly('tags.list', {})
    expect(fake.listeners.size).toBe(1)
    for (const listener of [...fake.listeners]) listener({ entity: 'contact' })
    expect(takeEarlyAnswer('stages.list', {})).toBeUndefined()
    expect(takeEarlyAnswer('tags.list', {})).toBeUndefined()
    expect(fake.listeners.size).toBe(0)
  })

  it('stops listening for changes once the last early answer is taken', () => {
    askEarly('stages.list', {})
    askEarly('tags.list', {})
    void takeEarlyAnswer('stages.list', {})
    expect(fake.listeners.size).toBe(1)
    void takeEarlyAnswer('tags.list', {})
    expect(fake.listeners.size).toBe(0)
  })
})
