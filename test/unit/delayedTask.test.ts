import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DelayedTask } from '../../electron/backend/jobs/delayedTask'

describe('DelayedTask (the day’s backup waits for the first screen)', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('starts the work only when its delay is over', async () => {
    const work = vi.fn(async () => undefined)
    const task = new DelayedTask(work, 15_000)
    await vi.advanceTimersByTimeAsync(14_999)
    expect(work).not.toHaveBeenCalled()
    expect(task.waiting).toBe(true)
    await vi.advanceTimersByTimeAsync(1)
    expect(work).toHaveBeenCalledTimes(1)
    expect(task.waiting).toBe(false)
  })

  it('now() starts it at once, once, and resolves when it is done', async () => {
    let finish = () => {}
    const work = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)))
    const task = new DelayedTask(work, 15_000)
    let done = false
    const waited = task.now().then(() => (done = true))
    expect(work).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(0)
    expect(done).toBe(false)
    finish()
    await waited
    expect(done).toBe(true)
    await vi.advanceTimersByTimeAsync(20_000)
    await task.now()
    expect(work).toHaveBeenCalledTimes(1)
  })

  it('drop() before the delay means the work never runs; after the start it waits for it', async () => {
    const dropped = vi.fn(async () => undefined)
    await new DelayedTask(dropped, 15_000).drop()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(dropped).not.toHaveBeenCalled()

    let finish = () => {}
    const started = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)))
    const task = new DelayedTask(started, 1_000)
    await vi.advanceTimersByTimeAsync(1_000)
    let settled = false
    const waited = task.drop().then(() => (settled = true))
    await vi.advanceTimersByTimeAsync(0)
    expect(settled).toBe(false)
    finish()
    await waited
    expect(started).toHaveBeenCalledTimes(1)
  })

  it('a delay of 0 starts the work at once, as before', () => {
    const work = vi.fn(async () => undefined)
    const task = new DelayedTask(work, 0)
    expect(work).toHaveBeenCalledTimes(1)
    expect(task.waiting).toBe(false)
  })
})
