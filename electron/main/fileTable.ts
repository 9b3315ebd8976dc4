import { randomUUID } from 'node:crypto'
import path from 'node:path'
import type { FileKind, PickedFile } from '../../shared/contract/bridge'
import type { FileGrant } from './hostProtocol'

/**
 * The main process's table of files the user chose in native dialogs. The renderer gets an
 * opaque random id; only main and the backend host know the path behind it.
 */
export class FileTable {
  readonly #grants = new Map<string, FileGrant>()

  grant(filePath: string, kind: FileKind, access: FileGrant['access']): FileGrant {
    const grant: FileGrant = { fileId: randomUUID(), path: filePath, kind, access }
    this.#grants.set(grant.fileId, grant)
    return grant
  }

  get(fileId: string): FileGrant | undefined {
    return this.#grants.get(fileId)
  }

  /** Every grant, to hand again to a restarted backend host. */
  all(): FileGrant[] {
    return [...this.#grants.values()]
  }
}

/** What the renderer may know about a grant. */
export function pickedFile(grant: FileGrant): PickedFile {
  return { fileId: grant.fileId, name: path.basename(grant.path) }
}
