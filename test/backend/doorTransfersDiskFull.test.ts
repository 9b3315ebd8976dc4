import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import type { IncomingMessage } from 'node:http'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openBackend } from '../../electron/backend/backend'
import type { Backend } from '../../electron/backend/backend'
import type { FileGrant } from '../../electron/backend/files'
import { fileProblem } from '../../electron/backend/safety/fileTransfer'
import { DoorTransfers } from '../../electron/http/transfers'
import { ApiError } from '../../shared/contract/errors'
import { tempDir } from './tempDb'

/**
 * A full disk while a database copy is written for the browser door: the copy is made in the
 * data folder first (then downloaded), and an upload is written there before the restore, so
 * the disk to clear is the computer's own, not the USB stick's. The full disk is fed in: the
 * backup's writer fails as SQLite does (SQLITE_FULL), an upload's stream as Node does (ENOSPC).
 */

const diskFull = { now: false }
vi.mock('../../electron/backend/safety/backups', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../electron/backend/safety/backups')>()
  return {
    ...original,
    writeVerifiedBackup: (...args: Parameters<typeof original.writeVerifiedBackup>) =>
      diskFull.now
        ? Promise.reject(ApiError.from('BACKUP_FAILED', { reason: 'backup thread: SQLITE_FULL: database or disk is full' }))
        : original.writeVerifiedBackup(...args),
  }
})

const opened: Backend[] = []
afterEach(async () => {
  diskFull.now = false
  while (opened.length) await opened.pop()!.close()
})

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ApiError)
  return error as ApiError
}

describe('a full disk during a browser backup download or upload', () => {
  it('a backup to download that fills the data folder’s disk says so, not a full USB stick', async () => {
    const dir = tempDir()
    const transfers = new DoorTransfers(path.join(dir, 'transfers'))
    const b = await openBackend({
      file: path.join(dir, 'kakehashi.db'),
      userName: 'tester',
      dailyBackup: false,
      files: transfers,
    })
    opened.push(b)
    const { fileId } = transfers.prepareSave('かけはし-バックアップ.db')
    diskFull.now = true
    const error = await refusal(b.client.call('safety.backupToFile', { fileId }))
    expect(error.code).toBe('BACKUP_FAILED')
    expect(error.message).toMatch(/データフォルダーのあるディスク（このパソコン）の空き容量が足りない/)
    expect(error.message).not.toMatch(/USBメモリ/)
  })

  it('the desktop app’s save dialog file (on the stick) still speaks of the stick', async () => {
    const dir = tempDir()
    const grants = new Map<string, FileGrant>([['stick', { path: path.join(dir, 'copy.db'), access: 'write' }]])
    const b = await openBackend({ file: path.join(dir, 'kakehashi.db'), userName: 'tester', dailyBackup: false, files: grants })
    opened.push(b)
    diskFull.now = true
    const error = await refusal(b.client.call('safety.backupToFile', { fileId: 'stick' }))
    expect(error.message).toMatch(/保存先の空き容量が足りない.*USBメモリなどの空きを確認/)
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
    expect(fileProblem(enospc, 'copy.db', 'save', 'data-folder')?.message).toMatch(/データフォルダーのあるディスク/)
  })

  it('an upload that fills the data folder’s disk says so, and leaves nothing behind', async () => {
    const folder = path.join(tempDir(), 'transfers')
    const transfers = new DoorTransfers(folder)
    for (const code of ['ENOSPC', 'EDQUOT']) {
      const req = new Readable({
        read() {
          this.destroy(Object.assign(new Error(`${code}: no space left on device, write`), { code }))
        },
      }) as unknown as IncomingMessage
      const error = await refusal(transfers.receive(req, 'かけはし-バックアップ.db'))
      expect(error.code).toBe('IMPORT_UNREADABLE')
      expect(error.message).toMatch(/データフォルダーのあるディスク（このパソコン）の空き容量が足りない/)
      expect(error.message).not.toMatch(/USBメモリ/)
      expect(fs.readdirSync(folder)).toEqual([])
    }
  })
})
