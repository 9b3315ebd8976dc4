/**
 * The sandboxed preload: exposes `window.kakehashi` with exactly four functions. The page never
 * gets ipcRenderer, a generic send, an IpcRendererEvent or a file path. Built as one CommonJS
 * file whose only require is 'electron' (a sandboxed preload can load nothing else).
 */
import { contextBridge, ipcRenderer } from 'electron'
import type { IpcRendererEvent } from 'electron'
import type { BridgeReply, FileKind, KakehashiBridge, PickedFile } from '../../shared/contract/bridge'
import type { BackendEvent } from '../../shared/contract/events'

const api: KakehashiBridge = {
  call: (method: string, args: unknown): Promise<BridgeReply> => ipcRenderer.invoke('api:call', method, args),
  on(listener: (event: BackendEvent) => void): () => void {
    const forward = (_event: IpcRendererEvent, backendEvent: BackendEvent): void => listener(backendEvent)
    ipcRenderer.on('api:event', forward)
    return () => {
      ipcRenderer.removeListener('api:event', forward)
    }
  },
  pickFile: (kind: FileKind): Promise<PickedFile | null> => ipcRenderer.invoke('dialog:openFile', kind),
  saveFile: (kind: FileKind, suggestedName: string): Promise<PickedFile | null> =>
    ipcRenderer.invoke('dialog:saveFile', kind, suggestedName),
}

contextBridge.exposeInMainWorld('kakehashi', api)
