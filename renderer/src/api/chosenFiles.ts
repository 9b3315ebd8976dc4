import type { PickedFile } from '../../../shared/contract/bridge'
import { ApiError } from '../../../shared/contract/errors'
import { downloadFrom } from './download'
import { doorUnreachable } from './httpClient'
import { ipcBridge } from './ipcClient'
import { unwrapReply } from './reply'
import { currentToken } from './token'

/**
 * Database copies to and from a file the user chooses (a USB stick), in either door. The
 * desktop app asks main's native dialogs for an opaque id; the browser door's stand-ins stream
 * the file through the data folder (electron/http/transfers.ts). Either way the backend gets an
 * id, never a path, and a database never crosses a JSON call.
 */

/** Where a backup will be written: the save dialog's file, or a file the browser will download. */
export async function chooseBackupTarget(suggestedName: string): Promise<PickedFile | null> {
  const bridge = ipcBridge()
  if (bridge) return bridge.saveFile('db', suggestedName)
  const response = await doorFetch('/api/files/save', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: suggestedName }),
  })
  return unwrapReply(await response.json()) as PickedFile
}

/** In the browser, hands the written backup over as a download (once); the desktop app wrote it already. */
export function deliverBackup(file: PickedFile): void {
  if (ipcBridge()) return
  downloadFrom(`/api/files/download/${encodeURIComponent(file.fileId)}`, file.name)
}

/** Whether files to restore are picked by main's dialog (desktop) or a file input (browser). */
export const hasNativeDialogs = (): boolean => ipcBridge() !== undefined

export function pickWithDialog(): Promise<PickedFile | null> {
  return ipcBridge()!.pickFile('db')
}

/** Streams a file chosen in the browser to the door, reporting progress (0–1). */
export function uploadForRestore(file: File, onProgress: (fraction: number) => void): Promise<PickedFile> {
  return new Promise((resolve, reject) => {
    const token = currentToken()
    if (token === null) return reject(ApiError.from('UNAUTHORIZED'))
    // XMLHttpRequest, not fetch: only it reports upload progress (a copy can be hundreds of MB).
    const request = new XMLHttpRequest()
    request.open('POST', `/api/files/upload?name=${encodeURIComponent(file.name)}`)
    request.setRequestHeader('Content-Type', 'application/octet-stream')
    request.setRequestHeader('X-Kakehashi-Token', token)
    request.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total)
    request.onload = () => {
      try {
        resolve(unwrapReply(JSON.parse(request.responseText)) as PickedFile)
      } catch (error) {
        reject(error instanceof ApiError ? error : ApiError.from('INTERNAL', { status: request.status }))
      }
    }
    request.onerror = () => reject(doorUnreachable())
    request.send(file)
  })
}

async function doorFetch(url: string, init: RequestInit): Promise<Response> {
  const token = currentToken()
  if (token === null) throw ApiError.from('UNAUTHORIZED')
  try {
    return await fetch(url, { ...init, headers: { ...init.headers, 'X-Kakehashi-Token': token } })
  } catch {
    throw doorUnreachable()
  }
}
