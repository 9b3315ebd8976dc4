import type { BackendEvent, EventName, EventPayloads } from '../../../shared/contract/events'

type AnyListener = (payload: never) => void

/** Routes incoming backend events to the listeners of each event name. */
export class EventHub {
  readonly #listeners = new Map<EventName, Set<AnyListener>>()

  get size(): number {
    let n = 0
    for (const set of this.#listeners.values()) n += set.size
    return n
  }

  add<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
    let set = this.#listeners.get(event)
    if (!set) this.#listeners.set(event, (set = new Set()))
    set.add(listener as AnyListener)
    return () => {
      set.delete(listener as AnyListener)
    }
  }

  deliver(message: unknown): void {
    if (!isBackendEvent(message)) return
    for (const listener of this.#listeners.get(message.event) ?? []) {
      try {
        ;(listener as (payload: unknown) => void)(message.payload)
      } catch (error) {
        // One broken view must not stop the others from hearing about the change.
        console.error('[events] listener failed', error)
      }
    }
  }
}

function isBackendEvent(value: unknown): value is BackendEvent {
  return typeof value === 'object' && value !== null && 'event' in value && typeof value.event === 'string' && 'payload' in value
}
