import type { KakehashiBridge } from '../../../shared/contract/bridge'
import type { Client } from '../../../shared/contract/client'
import { EventHub } from './eventHub'
import { unwrapReply } from './reply'

/** The preload's `window.kakehashi` when running inside Electron, else undefined. */
export function ipcBridge(): KakehashiBridge | undefined {
  const bridge = (window as unknown as { kakehashi?: KakehashiBridge }).kakehashi
  return bridge && typeof bridge.call === 'function' ? bridge : undefined
}

/** The Electron door: the preload forwards calls to the backend and its events back. */
export function createIpcClient(bridge: KakehashiBridge): Client {
  const hub = new EventHub()
  let unsubscribe: (() => void) | null = null
  return {
    async call(method, args) {
      return unwrapReply(await bridge.call(method, args ?? {})) as never
    },
    on(event, listener) {
      const remove = hub.add(event, listener)
      unsubscribe ??= bridge.on((message) => hub.deliver(message))
      return () => {
        remove()
        if (hub.size === 0 && unsubscribe) {
          unsubscribe()
          unsubscribe = null
        }
      }
    },
  }
}
