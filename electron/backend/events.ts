import type { BackendEvent, EventName, EventPayloads } from '../../shared/contract/events'

export type EventListener = (event: BackendEvent) => void

/** Fan-out of backend events to every door (IPC windows, SSE streams, in-process clients). */
export class EventBus {
  readonly #listeners = new Set<EventListener>()

  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const listener of this.#listeners) {
      try {
        listener({ event, payload } as BackendEvent)
      } catch (error) {
        // One broken window must not stop the others from hearing about the change.
        console.error('[events] listener failed', error)
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }
}
