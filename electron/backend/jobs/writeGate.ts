import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * The write gate of one database connection. A transaction job keeps its transaction open
 * across event-loop turns (so progress can be sent and a cancel heard); anything else that ran
 * on the same connection meanwhile would be committed or rolled back together with the job.
 * So the gate lets a job run alone: it waits for the calls already running to finish, holds
 * new calls until it ends, and lets through only the methods that cannot write (job.cancel).
 */
export class WriteGate {
  /** Calls (and background work) running now, not counting jobs waiting for their turn. */
  readonly #active = new Set<symbol>()
  /** Jobs take turns: each waits for the previous one (a promise chain as a mutex). */
  #jobQueue: Promise<void> = Promise.resolve()
  /** While a job waits for its turn or runs, new calls wait. */
  #exclusive = 0
  #wakeups: (() => void)[] = []

  /** Runs a dispatched call: waits while a job runs, then counts as active until it ends. */
  async call<T>(fn: () => Promise<T>): Promise<T> {
    while (this.#exclusive > 0) await this.#changed()
    const id = Symbol('call')
    this.#active.add(id)
    try {
      return await callScope.run(id, fn)
    } finally {
      this.#active.delete(id)
      this.#notify()
    }
  }

  /**
   * Work that is not a dispatched call but uses the connection (the daily backup): inside a
   * call it is part of that call; outside it waits like a call, so no job starts meanwhile.
   */
  track<T>(fn: () => Promise<T>): Promise<T> {
    return callScope.getStore() ? fn() : this.call(fn)
  }

  /**
   * Runs `fn` alone on the connection. Called from inside a dispatched call, that call stops
   * counting as active while it waits, so two imports started together cannot wait on each other.
   */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const own = callScope.getStore()
    const wasActive = own !== undefined && this.#active.delete(own)
    this.#exclusive++
    this.#notify()
    const previous = this.#jobQueue
    let release!: () => void
    this.#jobQueue = new Promise<void>((resolve) => (release = resolve))
    try {
      await previous
      while (this.#active.size > 0) await this.#changed()
      return await fn()
    } finally {
      this.#exclusive--
      if (wasActive) this.#active.add(own)
      release()
      this.#notify()
    }
  }

  /** True while a job waits for its turn or runs. */
  get busy(): boolean {
    return this.#exclusive > 0
  }

  #changed(): Promise<void> {
    return new Promise((resolve) => this.#wakeups.push(resolve))
  }

  #notify(): void {
    const wakeups = this.#wakeups
    this.#wakeups = []
    for (const wake of wakeups) wake()
  }
}

const callScope = new AsyncLocalStorage<symbol>()
const gates = new WeakMap<object, WriteGate>()

/** The gate of one open connection (keyed by its handle, whichever door the call came through). */
export function gateOf(handle: object): WriteGate {
  let gate = gates.get(handle)
  if (!gate) gates.set(handle, (gate = new WriteGate()))
  return gate
}
