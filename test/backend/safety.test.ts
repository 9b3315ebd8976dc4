import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openBackend } from '../../electron/backend/backend'
import type { Backend, BackendOptions } from '../../electron/backend/backend'
import { openDatabase } from '../../electron/backend/db/connection'
import { lastFullCheckAt, recordFullCheck } from '../../electron/backend/safety/checkSchedule'
import { backupsToKeep } from '../../electron/backend/safety/rotation'
import { addPeople, auditLines, newestAuditId, tableDigests } from './safetyHelpers'
import { auditNotCarried } from '../../electron/backend/safety/safetyAudit'
import { tempDir } from './tempDb'

const opened: Backend[] = []
async function open(options: BackendOptions): Promise<Backend> {
  const b = await openBackend({ userName: 'tester', ...options })
  opened.push(b)
  return b
}
async function closeAll() {
  while (opened.length) await opened.pop()!.close()
}

/** A database with people on it, closed; returns its path. */
async function populated(dir: string, options: Partial<BackendOptions> = {}): Promise<string> {
  const file = path.join(dir, 'kakehashi.db')
  const b = await openBackend({ file, userName: 'tester', ...options })
  await addPeople(b, 5)
  await b.close()
  return file
}

function digestsOf(file: string, key?: string) {
  const h = openDatabase(file, { readonly: true, key })
  try {
    return tableDigests(h.sqlite)
  } finally {
    void h.close()
  }
}

function filesIn(dir: string): string[] {
  return fs.readdirSync(dir).sort()
}

describe('encryption at rest', () => {
  it('writes no plaintext: the file has no SQLite header and names never appear in it', async () => {
    const dir = tempDir()
    const file = await populated(dir, { passphrase: '山の上の図書館', dailyBackup: false })
    const bytes = fs.readFileSync(file)
    expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3')
    expect(bytes.includes(Buffer.from('example.jp'))).toBe(false)
    const b = await open({ file, passphrase: '山の上の図書館' })
    expect((await b.client.call('contacts.list', { limit: 10 })).total).toBe(5)
    await closeAll()
  })

  it('a wrong or missing passphrase is refused with a clear error and leaves the file byte-identical', async () => {
    const dir = tempDir()
    const file = await populated(dir, { passphrase: 'correct horse', dailyBackup: false })
    const before = fs.readFileSync(file)
    const listing = filesIn(dir)
    await expect(openBackend({ file, passphrase: 'wrong horse' })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
      message: expect.stringContaining('パスフレーズが違います'),
    })
    await expect(openBackend({ file })).rejects.toMatchObject({ code: 'DB_LOCKED' })
    expect(fs.readFileSync(file).equals(before)).toBe(true)
    expect(filesIn(dir)).toEqual(listing)
  })

  it('opens locked behind the door: only safety methods answer until the right passphrase', async () => {
    const dir = tempDir()
    const file = await populated(dir, { passphrase: 'secret-1', dailyBackup: false })
    const b = await open({ file, degraded: true, dailyBackup: false })
    expect(b.state).toBe('locked')
    await expect(b.client.call('contacts.list', {})).rejects.toMatchObject({ code: 'DB_LOCKED' })
    await expect(b.client.call('safety.backupNow', {})).rejects.toMatchObject({ code: 'DB_LOCKED' })
    expect(await b.client.call('safety.status', {})).toMatchObject({ state: 'locked', encrypted: true })
    await expect(b.client.call('safety.unlock', { passphrase: 'nope' })).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' })
    expect(b.state).toBe('locked')
    expect(await b.client.call('safety.unlock', { passphrase: 'secret-1' })).toMatchObject({ state: 'open', encrypted: true })
    expect((await b.client.call('contacts.list', {})).total).toBe(5)
    await closeAll()
  })

  it('sets, changes and removes the passphrase; backups are encrypted with it', async () => {
    const dir = tempDir()
    const file = await populated(dir, { dailyBackup: false })
    let b = await open({ file, dailyBackup: false })
    await b.client.call('safety.setPassphrase', { next: 'first' })
    const backups = await b.client.call('safety.listBackups', {})
    const newest = backups[0]!
    expect(newest.encrypted).toBe(true)
    const backupBytes = fs.readFileSync(path.join(dir, 'backups', newest.id))
    expect(backupBytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3')
    expect(digestsOf(path.join(dir, 'backups', newest.id), 'first').contacts!.rows).toBe(5)
    await expect(b.client.call('safety.setPassphrase', { current: 'bad', next: 'second' })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    })
    await b.client.call('safety.setPassphrase', { current: 'first', next: 'second' })
    await closeAll()
    await expect(openBackend({ file, passphrase: 'first' })).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' })
    b = await open({ file, passphrase: 'second', dailyBackup: false })
    await b.client.call('safety.setPassphrase', { current: 'second', next: null })
    await closeAll()
    expect(fs.readFileSync(file).subarray(0, 15).toString('latin1')).toBe('SQLite format 3')
    b = await open({ file, dailyBackup: false })
    expect((await b.client.call('contacts.list', {})).total).toBe(5)
    await closeAll()
  })
})

describe('integrity on open', () => {
  it('a damaged header is detected and the file is never modified', async () => {
    const dir = tempDir()
    const file = await populated(dir, { dailyBackup: false })
    const fd = fs.openSync(file, 'r+')
    fs.writeSync(fd, Buffer.alloc(8, 0xff), 0, 8, 16) // page 1 header fields
    fs.closeSync(fd)
    const before = fs.readFileSync(file)
    const listing = filesIn(dir)
    await expect(openBackend({ file })).rejects.toMatchObject({ code: 'DB_CORRUPT' })
    expect(fs.readFileSync(file).equals(before)).toBe(true)
    expect(filesIn(dir)).toEqual(listing)
  })

  it('damage in the middle of the file is found by the first open of the day (quick_check)', async () => {
    const dir = tempDir()
    const file = await populated(dir, { dailyBackup: false })
    // The last full check was yesterday; then a page in the middle is damaged.
    const backups = path.join(dir, 'backups')
    recordFullCheck(file, backups, new Date(Date.now() - 86_400_000))
    expect(lastFullCheckAt(file, backups)).not.toBeNull()
    const h = openDatabase(file)
    h.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const pageSize = h.sqlite.pragma('page_size', { simple: true }) as number
    const root = h.sqlite.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'contacts'`).pluck().get() as number
    await h.close()
    const fd = fs.openSync(file, 'r+')
    fs.writeSync(fd, Buffer.alloc(200, 0x5a), 0, 200, (root - 1) * pageSize + 8)
    fs.closeSync(fd)
    const before = fs.readFileSync(file)
    await expect(openBackend({ file })).rejects.toMatchObject({ code: 'DB_CORRUPT' })
    expect(fs.readFileSync(file).equals(before)).toBe(true)
  })

  it('a truncated file is detected', async () => {
    const dir = tempDir()
    const file = await populated(dir, { dailyBackup: false })
    const h = openDatabase(file)
    h.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    await h.close()
    fs.truncateSync(file, fs.statSync(file).size - 4096)
    await expect(openBackend({ file })).rejects.toMatchObject({ code: 'DB_CORRUPT' })
  })

  it('a damaged database opens in the damaged state, offers its backups, and restoring keeps the damaged file aside', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'kakehashi.db')
    let b = await open({ file })
    await addPeople(b, 3)
    const backup = await b.client.call('safety.backupNow', {})
    const atBackup = tableDigests(b.context.handle.sqlite)
    await closeAll()
    const fd = fs.openSync(file, 'r+')
    fs.writeSync(fd, Buffer.alloc(8, 0xff), 0, 8, 16)
    fs.closeSync(fd)
    const damaged = fs.readFileSync(file)

    b = await open({ file, degraded: true })
    expect(b.state).toBe('damaged')
    const status = await b.client.call('safety.status', {})
    expect(status).toMatchObject({ state: 'damaged', lastBackup: { id: backup.id, counts: { contacts: 3 } } })
    expect(status.problem).toBeTruthy()
    await expect(b.client.call('contacts.create', { fields: { familyName: '書込' } })).rejects.toMatchObject({
      code: 'DB_CORRUPT',
    })
    expect(fs.readFileSync(file).equals(damaged)).toBe(true)

    const result = await b.client.call('safety.restore', { backupId: backup.id })
    expect(result.status.state).toBe('open')
    expect(result.previousKeptAt).toMatch(/kakehashi\.db\.damaged-/)
    expect(fs.readFileSync(result.previousKeptAt).equals(damaged)).toBe(true)
    await b.idle()
    expect(tableDigests(b.context.handle.sqlite, { afterRestore: true })).toEqual(atBackup)
    // Nothing could be read from the damaged file: the restore's line says its lines are not carried over.
    const restoreLine = auditLines(b.context.handle.sqlite).at(-1)
    expect(restoreLine).toMatchObject({ action: 'restore', changes: { auditCarried: [null, auditNotCarried] } })
    await closeAll()
  })
})

describe('backups and restore', () => {
  it('restore round trip reproduces every table exactly, and the replaced state is backed up first', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'kakehashi.db')
    const b = await open({ file })
    const ids = await addPeople(b, 6)
    await b.client.call('contacts.update', { id: ids[0]!, patch: { notes: 'バックアップ前' } })
    const backup = await b.client.call('safety.backupNow', {})
    expect(backup).toMatchObject({ reason: 'manual', verified: true, counts: { contacts: 6 } })
    const atBackup = tableDigests(b.context.handle.sqlite)
    const auditUpTo = newestAuditId(b.context.handle.sqlite)

    await b.client.call('contacts.update', { id: ids[0]!, patch: { notes: 'バックアップ後' } })
    await addPeople(b, 2)
    await b.client.call('contacts.delete', { ids: [ids[1]!, ids[2]!] })
    const changed = tableDigests(b.context.handle.sqlite)
    expect(changed).not.toEqual(atBackup)

    const result = await b.client.call('safety.restore', { backupId: backup.id })
    // Every table as in the backup; the audit log also keeps what was done after it.
    expect(tableDigests(b.context.handle.sqlite, { afterRestore: { auditUpTo } })).toEqual(atBackup)
    expect((await b.client.call('contacts.get', { id: ids[0]! })).notes).toBe('バックアップ前')
    // The state just before the restore was kept as a verified backup.
    expect(path.basename(result.previousKeptAt)).toMatch(/before-restore/)
    expect(digestsOf(result.previousKeptAt)).toEqual(changed)
    await closeAll()
  })

  it('a bulk delete takes a verified backup first, holding the people about to be deleted', async () => {
    const dir = tempDir()
    const b = await open({ file: path.join(dir, 'kakehashi.db') })
    const ids = await addPeople(b, 4)
    await b.client.call('contacts.delete', { ids: ids.slice(0, 3) })
    const [latest] = await b.client.call('safety.listBackups', {})
    expect(latest).toMatchObject({ reason: 'before-delete', verified: true, counts: { contacts: 4 } })
    await closeAll()
  })

  it('takes the daily backup on the first open of the day only', async () => {
    const dir = tempDir()
    const file = await populated(dir)
    let b = await open({ file })
    await b.idle()
    const daily = (await b.client.call('safety.listBackups', {})).filter((x) => x.reason === 'daily')
    expect(daily).toHaveLength(1)
    await closeAll()
    b = await open({ file })
    await b.idle()
    expect((await b.client.call('safety.listBackups', {})).filter((x) => x.reason === 'daily')).toHaveLength(1)
    await closeAll()
  })

  it('two databases in one folder keep their own backups: listed, taken daily and rotated apart', async () => {
    const dir = tempDir()
    const real = await populated(dir)
    const demo = path.join(dir, 'demo.db')
    await (await openBackend({ file: demo, userName: 'tester' })).close()
    let b = await open({ file: real })
    await b.idle()
    const realDaily = await b.client.call('safety.listBackups', {})
    expect(realDaily.map((x) => x.reason)).toEqual(['daily'])
    await closeAll()
    // The demo's first open of the day takes its own backup, though the folder holds one of today.
    b = await open({ file: demo })
    await b.idle()
    const demoBackups = await b.client.call('safety.listBackups', {})
    expect(demoBackups.map((x) => [x.reason, x.database])).toEqual([['daily', 'demo']])
    // Many backups of the demo: rotation keeps the demo's newest, and never touches the real one's.
    for (let i = 0; i < 3; i++) await b.client.call('safety.backupNow', {})
    await closeAll()
    // A record written before backups named their database is told by its file name.
    const legacy = demoBackups[0]!.id.replace('daily', 'manual').replace(/T[\d-]+Z/, 'T00-00-00-000Z')
    fs.copyFileSync(path.join(dir, 'backups', demoBackups[0]!.id), path.join(dir, 'backups', legacy))
    const { database: _, ...record } = { ...demoBackups[0]!, id: legacy, reason: 'manual' as const }
    fs.writeFileSync(path.join(dir, 'backups', `${legacy}.json`), JSON.stringify(record))
    b = await open({ file: real })
    expect((await b.client.call('safety.listBackups', {})).map((x) => x.id)).toEqual(realDaily.map((x) => x.id))
    await closeAll()
    b = await open({ file: demo })
    expect((await b.client.call('safety.listBackups', {})).map((x) => x.id)).toContain(legacy)
    expect(fs.existsSync(path.join(dir, 'backups', realDaily[0]!.id))).toBe(true)
    await closeAll()
  })

  it('refuses to restore a damaged backup and leaves the database as it was', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'kakehashi.db')
    const b = await open({ file })
    await addPeople(b, 2)
    const backup = await b.client.call('safety.backupNow', {})
    const backupFile = path.join(dir, 'backups', backup.id)
    const fd = fs.openSync(backupFile, 'r+')
    fs.writeSync(fd, Buffer.alloc(8, 0xff), 0, 8, 16)
    fs.closeSync(fd)
    const before = tableDigests(b.context.handle.sqlite)
    await expect(b.client.call('safety.restore', { backupId: backup.id })).rejects.toMatchObject({ code: 'BACKUP_INVALID' })
    expect(b.state).toBe('open')
    expect(tableDigests(b.context.handle.sqlite)).toEqual(before)
    await expect(b.client.call('safety.restore', { backupId: '../kakehashi.db' })).rejects.toMatchObject({ code: 'INVALID_ARGS' })
    await closeAll()
  })

  it('rotation keeps 7 daily, 4 weekly and 12 monthly backups', () => {
    const now = new Date('2026-06-30T12:00:00')
    const backups = Array.from({ length: 400 }, (_, i) => {
      const d = new Date(now.getTime() - (i + 1) * 86400000)
      return { id: `b${i}`, createdAt: d.toISOString() }
    })
    const keep = backupsToKeep(backups, now)
    // days 1..7 back are the daily ones; weekly and monthly add the newest of older buckets
    for (let i = 0; i < 7; i++) expect(keep.has(`b${i}`)).toBe(true)
    const months = new Set([...keep].map((id) => backups.find((b) => b.id === id)!.createdAt.slice(0, 7)))
    expect(months.size).toBeGreaterThanOrEqual(12)
    expect(keep.size).toBeLessThanOrEqual(7 + 4 + 12)
    expect(keep.has('b399')).toBe(false)
  })
})
