import { app, BrowserWindow, dialog, ipcMain } from 'electron'
import type { IpcMainInvokeEvent } from 'electron'
import path from 'node:path'
import { isFileKind } from '../../shared/contract/bridge'
import type { PickedFile } from '../../shared/contract/bridge'
import { ApiError } from '../../shared/contract/errors'
import type { Reply } from '../backend/dispatch'
import type { BackendHost } from './backendHost'
import { openFilters, safeFileName, saveFilters } from './fileKinds'
import { FileTable, pickedFile } from './fileTable'
import { isAppUrl, isTrustedSender } from './trust'

export interface IpcOptions {
  host: BackendHost
  files: FileTable
  /** The one URL the renderer is loaded from (see paths.ts). */
  rendererUrl: string
}

/**
 * The only user of ipcMain. Every channel first checks that the message comes from the app's
 * own page in a main frame; the renderer can reach the backend and the native file dialogs,
 * nothing else, and never handles a file path.
 */
export function registerIpc({ host, files, rendererUrl }: IpcOptions): void {
  const trusted = (event: IpcMainInvokeEvent): boolean => {
    try {
      const frame = event.senderFrame
      return isTrustedSender(frame?.url, frame !== null && frame.parent === null, rendererUrl)
    } catch {
      return false // the frame was disposed or navigated away while the message travelled
    }
  }

  ipcMain.handle('api:call', async (event, method: unknown, args: unknown): Promise<Reply> => {
    if (!trusted(event)) {
      console.error('[ipc] refused a call from an untrusted frame')
      return { ok: false, error: ApiError.from('UNAUTHORIZED').toJSON() }
    }
    if (typeof method !== 'string') return { ok: false, error: ApiError.from('UNKNOWN_METHOD').toJSON() }
    return host.call(method, args)
  })

  ipcMain.handle('dialog:openFile', async (event, kind: unknown): Promise<PickedFile | null> => {
    if (!trusted(event)) throw new Error('UNAUTHORIZED')
    if (!isFileKind(kind)) throw new Error('INVALID_ARGS: unknown file kind')
    const options = { properties: ['openFile' as const], filters: openFilters(kind) }
    const window = BrowserWindow.fromWebContents(event.sender)
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
    const chosen = result.filePaths[0]
    if (result.canceled || !chosen) return null
    const grant = files.grant(chosen, kind, 'read')
    host.grant(grant)
    return pickedFile(grant)
  })

  ipcMain.handle('dialog:saveFile', async (event, kind: unknown, suggestedName: unknown): Promise<PickedFile | null> => {
    if (!trusted(event)) throw new Error('UNAUTHORIZED')
    if (!isFileKind(kind)) throw new Error('INVALID_ARGS: unknown file kind')
    const options = {
      defaultPath: path.join(app.getPath('documents'), safeFileName(suggestedName, kind)),
      filters: saveFilters(kind),
      properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
    }
    const window = BrowserWindow.fromWebContents(event.sender)
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
    if (result.canceled || !result.filePath) return null
    const grant = files.grant(result.filePath, kind, 'write')
    host.grant(grant)
    return pickedFile(grant)
  })

  // Backend events reach every window showing the app (and no other page).
  host.onEvent((backendEvent) => {
    for (const window of BrowserWindow.getAllWindows()) {
      const contents = window.webContents
      if (!contents.isDestroyed() && isAppUrl(contents.getURL(), rendererUrl)) contents.send('api:event', backendEvent)
    }
  })
}
