import fs from 'node:fs'
import path from 'node:path'
import { ApiError } from '../../shared/contract/errors'

const MAX_GRANTED_BYTES = 60 * 1024 * 1024

/** A file the user chose in one of main's native dialogs (see electron/main/fileTable.ts). */
export interface FileGrant {
  path: string
  access: 'read' | 'write'
  /**
   * The file lies in the data folder, not where the user chose: the browser door's stand-in
   * for a save dialog writes the copy there before the browser downloads it, so a full disk
   * is the data folder's disk, not the USB stick's.
   */
  inDataFolder?: boolean
}

/** Files granted so far, by the opaque id the renderer holds (the desktop app's host fills it). */
export interface FileGrants {
  get(fileId: string): FileGrant | undefined
}

/**
 * Reads a file the user chose in the desktop app's open dialog. The renderer only ever sends
 * the id main handed out; an id main never granted (or granted for saving) reads nothing.
 */
export function readGrantedFile(grants: FileGrants | undefined, fileId: string): { fileName: string; bytes: Buffer } {
  const grant = grants?.get(fileId)
  if (!grant || grant.access !== 'read')
    throw ApiError.from('NOT_FOUND', { fileId }, '選んだファイルが見つかりません。もう一度ファイルを選んでください。')
  const fileName = path.basename(grant.path)
  try {
    // The same limit as an upload through the window (the contract's 60 MB): a list of 100k
    // people is about 15 MB, and a bigger file would only stall the backend while it is read.
    if (fs.statSync(grant.path).size > MAX_GRANTED_BYTES)
      throw ApiError.from('IMPORT_UNREADABLE', { fileName }, 'ファイルが大きすぎます（60MBまで）。')
    return { fileName, bytes: fs.readFileSync(grant.path) }
  } catch (error) {
    if (error instanceof ApiError) throw error
    throw ApiError.from(
      'IMPORT_UNREADABLE',
      { fileName },
      `ファイルを開けません: ${fileName}（移動・削除されたか、ほかのアプリが使用中の可能性があります）`,
    )
  }
}

/**
 * The path behind a grant, for work that streams a whole file (a database backup to or from
 * a USB stick can be hundreds of MB, so it is never read into memory like an import).
 */
export function grantedPath(grants: FileGrants | undefined, fileId: string, access: FileGrant['access']): string {
  return grantedFile(grants, fileId, access).path
}

/** The grant itself: its path, and whether that path is in the data folder (the browser door). */
export function grantedFile(grants: FileGrants | undefined, fileId: string, access: FileGrant['access']): FileGrant {
  const grant = grants?.get(fileId)
  if (!grant || grant.access !== access)
    throw ApiError.from('NOT_FOUND', { fileId }, '選んだファイルが見つかりません。もう一度ファイルを選んでください。')
  return grant
}
