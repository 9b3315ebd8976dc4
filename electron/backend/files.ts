import fs from 'node:fs'
import path from 'node:path'
import { ApiError } from '../../shared/contract/errors'

/** A file the user chose in one of main's native dialogs (see electron/main/fileTable.ts). */
export interface FileGrant {
  path: string
  access: 'read' | 'write'
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
  try {
    return { fileName: path.basename(grant.path), bytes: fs.readFileSync(grant.path) }
  } catch {
    throw ApiError.from(
      'IMPORT_UNREADABLE',
      { fileName: path.basename(grant.path) },
      `ファイルを開けません: ${path.basename(grant.path)}（移動・削除されたか、ほかのアプリが使用中の可能性があります）`,
    )
  }
}
