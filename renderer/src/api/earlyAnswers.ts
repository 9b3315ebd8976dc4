import type { ArgsOf, MethodName, ResultOf } from '../../../shared/contract/methods'
import { api } from './client'

/**
 * Questions asked while the window is still starting, for the screen it opens on (its chunks
 * are loading and compiling meanwhile), and handed to the first `useApiQuery` that asks the same.
 * Each answer is taken once; a change in the backend before it is taken throws them all away,
 * so a screen never shows data older than its own question would have got.
 */
const pending = new Map<string, Promise<unknown>>()
let stopListening: (() => void) | null = null

const keyOf = (method: string, args: unknown) => `${method} ${JSON.stringify(args)}`

function forgetAll(): void {
  pending.clear()
  stopListening?.()
  stopListening = null
}

export function askEarly<M extends MethodName>(method: M, args: ArgsOf<M>): void {
  const answer = api.call(method, args)
  answer.catch(() => undefined) // read by whoever takes it
  pending.set(keyOf(method, args), answer)
  stopListening ??= api.on('data.changed', forgetAll)
}

export function takeEarlyAnswer<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> | undefined {
  const key = keyOf(method, args)
  const answer = pending.get(key) as Promise<ResultOf<M>> | undefined
  pending.delete(key)
  if (pending.size === 0) forgetAll()
  return answer
}
