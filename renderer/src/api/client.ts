import type { Client } from '../../../shared/contract/client'
import { createHttpClient } from './httpClient'
import { createIpcClient, ipcBridge } from './ipcClient'
import { takeTokenFromUrl } from './token'

/** Electron's preload bridge when present, otherwise the HTTP door of `kakehashi serve`. */
function createClient(): Client {
  const bridge = ipcBridge()
  return bridge ? createIpcClient(bridge) : createHttpClient(takeTokenFromUrl())
}

export const api: Client = createClient()
