import { ApiError } from '../../../shared/contract/errors'
import type { Client } from '../../../shared/contract/client'
import { EventHub } from './eventHub'
import { unwrapReply } from './reply'

/** The browser door's server did not answer (stopped, or the network call failed). */
export const doorUnreachable = () =>
  ApiError.from('INTERNAL', { network: true }, 'かけはしのサーバーに接続できませんでした。起動しているか確認してください。')

/**
 * The browser door: `POST /api/<method>` with the per-start token, and server-sent events
 * from `/api/events`. The EventSource opens with the first listener and closes with the last.
 */
export function createHttpClient(token: string | null, base = ''): Client {
  const hub = new EventHub()
  let source: EventSource | null = null

  function openEvents(): void {
    if (source || token === null) return
    source = new EventSource(`${base}/api/events?token=${encodeURIComponent(token)}`)
    source.onmessage = (message: MessageEvent<string>) => {
      try {
        hub.deliver(JSON.parse(message.data))
      } catch (error) {
        console.error('[events] unreadable event', error)
      }
    }
  }

  return {
    async call(method, args) {
      if (token === null) throw ApiError.from('UNAUTHORIZED')
      let response: Response
      try {
        response = await fetch(`${base}/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Kakehashi-Token': token },
          body: JSON.stringify(args ?? {}),
        })
      } catch {
        throw doorUnreachable()
      }
      let body: unknown
      try {
        body = await response.json()
      } catch {
        throw ApiError.from('INTERNAL', { status: response.status })
      }
      return unwrapReply(body) as never
    },
    on(event, listener) {
      const remove = hub.add(event, listener)
      openEvents()
      return () => {
        remove()
        if (hub.size === 0 && source) {
          source.close()
          source = null
        }
      }
    },
  }
}
