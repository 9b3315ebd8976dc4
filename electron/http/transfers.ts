import fs from 'node:fs'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { pipeline } from 'node:stream/promises'
import type { PickedFile } from '../../shared/contract/bridge'
import { ApiError } from '../../shared/contract/errors'
import type { FileGrant, FileGrants } from '../backend/files'

/** A database copy can be large; past this an upload is refused rather than filling the disk. */
const MAX_UPLOAD_BYTES = 8 * 1024 ** 3

/**
 * The browser door's stand-in for the desktop app's save and open dialogs, for backups: a
 * database is far too big to cross the JSON calls as base64. A "save" grants a fresh file in
 * the data folder's `transfers/` that `safety.backupToFile` writes and the browser then
 * downloads once; an upload streams the chosen file there and grants it for reading
 * (`safety.restoreFromFile`). The backend sees the same opaque ids as with main's dialogs.
 */
export class DoorTransfers implements FileGrants {
  readonly #grants = new Map<string, FileGrant>()

  constructor(readonly folder: string) {
    // Leftovers of an earlier run (a download never fetched, an upload never restored).
    fs.rmSync(folder, { recursive: true, force: true })
  }

  get(fileId: string): FileGrant | undefined {
    return this.#grants.get(fileId)
  }

  /** A file for the backend to write, named as the user will see it when downloaded. */
  prepareSave(suggestedName: unknown): PickedFile {
    const fileId = randomUUID()
    const file = path.join(this.folder, fileId, safeDbName(suggestedName))
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true })
    } catch (error) {
      throw dataFolderFull(error, 'BACKUP_FAILED', 'バックアップを作成できませんでした') ?? error
    }
    this.#grants.set(fileId, { path: file, access: 'write', inDataFolder: true })
    return { fileId, name: path.basename(file) }
  }

  /**
   * Sends a written file once, then forgets it: the id is a one-time random capability, so the
   * download can be a plain link (a link cannot carry the token header, and the token must not
   * sit in the browser's download history).
   */
  async download(fileId: string, res: ServerResponse, headers: Record<string, string>): Promise<boolean> {
    const grant = this.#grants.get(fileId)
    if (!grant || grant.access !== 'write' || !fs.existsSync(grant.path)) return false
    this.#grants.delete(fileId)
    const name = path.basename(grant.path)
    res.writeHead(200, {
      ...headers,
      'Content-Type': 'application/vnd.sqlite3',
      'Content-Length': String(fs.statSync(grant.path).size),
      'Content-Disposition': `attachment; filename="kakehashi.db"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Cache-Control': 'no-store',
    })
    try {
      await pipeline(fs.createReadStream(grant.path), res)
    } finally {
      fs.rmSync(path.dirname(grant.path), { recursive: true, force: true })
    }
    return true
  }

  /** Streams an upload to disk (never whole in memory) and grants it for reading. */
  async receive(req: IncomingMessage, name: unknown): Promise<PickedFile> {
    this.#dropUploads() // one upload at a time is all a restore needs
    const fileId = randomUUID()
    const file = path.join(this.folder, fileId, safeBaseName(name))
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_UPLOAD_BYTES) req.destroy(new Error('too large'))
    })
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true })
      await pipeline(req, fs.createWriteStream(file))
    } catch (error) {
      fs.rmSync(path.dirname(file), { recursive: true, force: true })
      if (size > MAX_UPLOAD_BYTES) throw ApiError.from('IMPORT_UNREADABLE', {}, 'ファイルが大きすぎます（8GBまで）。')
      const full = dataFolderFull(error, 'IMPORT_UNREADABLE', 'ファイルを受け取れませんでした')
      if (full) throw full
      throw ApiError.from('IMPORT_UNREADABLE', {}, 'ファイルを最後まで受け取れませんでした。もう一度お試しください。')
    }
    this.#grants.set(fileId, { path: file, access: 'read' })
    return { fileId, name: path.basename(file) }
  }

  /** Removes every transferred file (the door is closing). */
  clear(): void {
    this.#grants.clear()
    fs.rmSync(this.folder, { recursive: true, force: true })
  }

  #dropUploads(): void {
    for (const [fileId, grant] of this.#grants) {
      if (grant.access !== 'read') continue
      this.#grants.delete(fileId)
      fs.rmSync(path.dirname(grant.path), { recursive: true, force: true })
    }
  }
}

/**
 * A full disk (or quota) while a transfer is written in the data folder: said as the data
 * folder's disk, the computer's own, never as the USB stick's (the copy is not on it yet).
 */
function dataFolderFull(error: unknown, code: 'BACKUP_FAILED' | 'IMPORT_UNREADABLE', failed: string): ApiError | null {
  const errno = (error as { code?: unknown } | null)?.code
  if (errno !== 'ENOSPC' && errno !== 'EDQUOT') return null
  return ApiError.from(
    code,
    { reason: 'disk full' },
    `データフォルダーのあるディスク（このパソコン）の空き容量が足りないため、${failed}。不要なファイルを削除して空きを作ってから、もう一度お試しください。データベースは変更していません。`,
  )
}

/** The base name only (no folder can be smuggled in), nothing Windows forbids, a sane length. */
export function safeBaseName(suggested: unknown): string {
  const raw = typeof suggested === 'string' ? suggested : ''
  const name = path
    .basename(raw.replaceAll('\\', '/'))
    .replace(/[\u0000-\u001f<>:"/\\|?*]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
  return name.slice(-160) || 'かけはし.db'
}

/** A name to save a database copy under: always ending in .db. */
export function safeDbName(suggested: unknown): string {
  const name = safeBaseName(suggested)
  return name.toLowerCase().endsWith('.db') ? name : `${name.slice(0, 120)}.db`
}
