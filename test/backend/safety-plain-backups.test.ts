import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openBackend } from '../../electron/backend/backend'
import type { Backend } from '../../electron/backend/backend'
import { addPeople } from './safetyHelpers'
import { tempDir } from './tempDb'

const opened: Backend[] = []
afterEach(async () => {
  while (opened.length) await opened.pop()!.close()
})

describe('backups left unencrypted by encrypting the database', () => {
  it('are counted in the status and can be removed, keeping the encrypted ones', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'kakehashi.db')
    const b = await openBackend({ file, userName: 'tester', dailyBackup: false })
    opened.push(b)
    await addPeople(b, 3)
    await b.client.call('safety.backupNow', {})
    expect((await b.client.call('safety.status', {})).plainBackupCount).toBe(0)
    await expect(b.client.call('safety.removePlainBackups', {})).rejects.toMatchObject({ code: 'CONFLICT' })

    await b.client.call('safety.setPassphrase', { next: 'kawasemi-2025' })
    const before = await b.client.call('safety.listBackups', {})
    const plain = before.filter((x) => !x.encrypted)
    expect(plain.length).toBeGreaterThanOrEqual(2) // the manual one and the one before the passphrase
    expect((await b.client.call('safety.status', {})).plainBackupCount).toBe(plain.length)

    const { removed, status } = await b.client.call('safety.removePlainBackups', {})
    expect(removed).toBe(plain.length)
    expect(status.plainBackupCount).toBe(0)
    const after = await b.client.call('safety.listBackups', {})
    expect(after.map((x) => x.id)).toEqual(before.filter((x) => x.encrypted).map((x) => x.id))
    for (const x of plain) expect(fs.existsSync(path.join(dir, 'backups', x.id))).toBe(false)
    // What is left opens only with the passphrase, and restores.
    await b.client.call('safety.restore', { backupId: after[0]!.id })
    expect((await b.client.call('contacts.list', {})).total).toBe(3)
  })
})
