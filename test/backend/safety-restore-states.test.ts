import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openBackend } from '../../electron/backend/backend'
import type { Backend, BackendOptions } from '../../electron/backend/backend'
import { openDatabase } from '../../electron/backend/db/connection'
import { recordFullCheck } from '../../electron/backend/safety/checkSchedule'
import { addPeople, tableDigests } from './safetyHelpers'
import { tempDir } from './tempDb'

/** Restores from every state the database can be in: damaged, encrypted since, re-keyed since, busy. */

const opened: Backend[] = []
async function open(options: BackendOptions): Promise<Backend> {
  const b = await openBackend({ userName: 'tester', dailyBackup: false, ...options })
  opened.push(b)
  return b
}
afterEach(async () => {
  while (opened.length) await opened.pop()!.close()
})

const sqliteHeader = (file: string) => fs.readFileSync(file).subarray(0, 15).toString('latin1') === 'SQLite format 3'

/** Overwrites bytes inside a page in the middle of the file: the header and schema still read. */
function damageMiddle(file: string, key?: string): void {
  const h = openDatabase(file, { key })
  h.sqlite.pragma('wal_checkpoint(TRUNCATE)')
  const pageSize = h.sqlite.pragma('page_size', { simple: true }) as number
  const root = h.sqlite.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'contacts'`).pluck().get() as number
  void h.close()
  // The next full check is due (as on the first open of a day), so the open finds the damage.
  recordFullCheck(file, path.join(path.dirname(file), 'backups'), new Date(Date.now() - 86_400_000))
  const fd = fs.openSync(file, 'r+')
  fs.writeSync(fd, Buffer.alloc(200, 0x5a), 0, 200, (root - 1) * pageSize + 8)
  fs.closeSync(fd)
}

describe('restore', () => {
  it('restores over a file damaged in the middle (which a backup cannot copy) and keeps it aside untouched', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'kakehashi.db')
    let b = await open({ file })
    await addPeople(b, 4)
    const backup = await b.client.call('safety.backupNow', {})
    const atBackup = tableDigests(b.context.handle.sqlite)
    await opened.pop()!.close()
    damageMiddle(file)
    const damaged = fs.readFileSync(file)

    b = await open({ file, degraded: true })
    expect(b.state).toBe('damaged')
    const result = await b.client.call('safety.restore', { backupId: backup.id })
    expect(result.status.state).toBe('open')
    expect(result.previousKeptAt).toMatch(/kakehashi\.db\.damaged-/)
    expect(fs.readFileSync(result.previousKeptAt).equals(damaged)).toBe(true)
    expect(tableDigests(b.context.handle.sqlite, { afterRestore: true })).toEqual(atBackup)
  })

  it('the recovery screen is told the damage in Japanese; SQLite’s own words come apart, for support', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'kakehashi.db')
    let b = await open({ file })
    await addPeople(b, 4)
    await opened.pop()!.close()
    damageMiddle(file)
    b = await open({ file, degraded: true })
    const status = await b.client.call('safety.status', {})
    expect(status.problem).toMatch(/^整合性チェックで \d+件の問題が見つかりました/)
    expect(status.problem).not.toMatch(/[A-Za-z]/)
    expect(status.problemDetail).toMatch(/page|Tree|cell/)
  })

  it('restores an encrypted database unlocked before its damage showed, with the passphrase given at the prompt', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'kakehashi.db')
    let b = await open({ file, passphrase: 'やまびこ-2024' })
    await addPeople(b, 3)
    const backup = await b.client.call('safety.backupNow', {})
    await opened.pop()!.close()
    damageMiddle(file, 'やまびこ-2024')

    b = await open({ file, degraded: true })
    expect(b.state).toBe('locked')
    expect(await b.client.call('safety.unlock', { passphrase: 'やまびこ-2024' })).toMatchObject({ state: 'damaged' })
    const result = await b.client.call('safety.restore', { backupId: backup.id })
    expect(result.status).toMatchObject({ state: 'open', encrypted: true })
    expect((await b.client.call('contacts.list', {})).total).toBe(3)
  })

  it('a backup from before the encryption: the encrypted file is kept as a backup, and the result stays encrypted', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'kakehashi.db')
    let b = await open({ file })
    await addPeople(b, 2)
    const plainBackup = await b.client.call('safety.backupNow', {})
    await b.client.call('safety.setPassphrase', { next: 'kawasemi-2025' })
    await addPeople(b, 3)

    const result = await b.client.call('safety.restore', { backupId: plainBackup.id })
    // The healthy encrypted file was backed up (listed, restorable), not taken for damage.
    expect(path.basename(result.previousKeptAt)).toMatch(/before-restore/)
    expect(fs.readdirSync(dir).filter((f) => f.includes('.damaged-'))).toEqual([])
    expect(result.status.encrypted).toBe(true)
    expect((await b.client.call('contacts.list', {})).total).toBe(2)
    await opened.pop()!.close()
    expect(sqliteHeader(file)).toBe(false)
    b = await open({ file, passphrase: 'kawasemi-2025' })
    expect((await b.client.call('contacts.list', {})).total).toBe(2)
  })

  it('a backup under an earlier passphrase asks for it, then keeps today’s passphrase', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'kakehashi.db')
    let b = await open({ file, passphrase: 'first-pass' })
    await addPeople(b, 2)
    const old = await b.client.call('safety.backupNow', {})
    await b.client.call('safety.setPassphrase', { current: 'first-pass', next: 'second-pass' })
    await addPeople(b, 1)
    const before = fs.readFileSync(file)

    await expect(b.client.call('safety.restore', { backupId: old.id })).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' })
    expect(b.state).toBe('open')
    expect((await b.client.call('contacts.list', {})).total).toBe(3)
    await b.idle()
    expect(fs.readFileSync(file).subarray(0, 4096).equals(before.subarray(0, 4096))).toBe(true)

    await b.client.call('safety.restore', { backupId: old.id, passphrase: 'first-pass' })
    expect((await b.client.call('contacts.list', {})).total).toBe(2)
    await opened.pop()!.close()
    await expect(openBackend({ file, passphrase: 'first-pass' })).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' })
    b = await open({ file, passphrase: 'second-pass' })
    expect((await b.client.call('contacts.list', {})).total).toBe(2)
  })

  it('from the recovery screen too, a backup under an earlier passphrase is restored under today’s', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'kakehashi.db')
    let b = await open({ file, passphrase: 'first-pass' })
    await addPeople(b, 2)
    const old = await b.client.call('safety.backupNow', {})
    await b.client.call('safety.setPassphrase', { current: 'first-pass', next: 'second-pass' })
    await opened.pop()!.close()
    damageMiddle(file, 'second-pass')

    b = await open({ file, degraded: true })
    await b.client.call('safety.unlock', { passphrase: 'second-pass' })
    expect(b.state).toBe('damaged')
    await expect(b.client.call('safety.restore', { backupId: old.id })).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' })
    await b.client.call('safety.restore', { backupId: old.id, passphrase: 'first-pass' })
    expect((await b.client.call('contacts.list', {})).total).toBe(2)
    await opened.pop()!.close()
    b = await open({ file, passphrase: 'second-pass' })
    expect((await b.client.call('contacts.list', {})).total).toBe(2)
  })

  it('while a restore runs, other calls answer DB_BUSY (never DB_CORRUPT) and a second restore is refused', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'kakehashi.db')
    const b = await open({ file, degraded: true })
    await addPeople(b, 30)
    const backup = await b.client.call('safety.backupNow', {})
    await addPeople(b, 1)

    let done = false
    const restoring = b.client.call('safety.restore', { backupId: backup.id }).finally(() => (done = true))
    const answers = new Set<string>()
    const states = new Set<string>()
    while (!done) {
      const reply = await b.dispatch('contacts.list', { limit: 1 })
      answers.add(reply.ok ? 'ok' : reply.error.code)
      const second = await b.dispatch('safety.restore', { backupId: backup.id })
      if (!done) answers.add(second.ok ? 'second restore ran' : second.error.code)
      states.add((await b.client.call('safety.status', {})).state)
      await new Promise((resolve) => setTimeout(resolve, 5)) // let the restore's file work go on
    }
    await restoring
    expect(answers.has('DB_BUSY')).toBe(true)
    expect([...answers].filter((a) => a !== 'ok' && a !== 'DB_BUSY')).toEqual([])
    expect(states).not.toContain('damaged')
    expect(b.state).toBe('open')
    expect((await b.client.call('contacts.list', {})).total).toBe(30)
  })
})
