import type { ArgsOf, MethodName, ResultOf } from './methods'
import type { EventName, EventPayloads } from './events'

/**
 * The one client shape every door offers: in-process (tests, CLI), Electron IPC (preload) and
 * HTTP (browser). Rejections are `ApiError`s.
 */
export interface Client {
  call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>>
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void
}
