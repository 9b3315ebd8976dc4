import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openBackend } from '../../electron/backend/backend'
import type { Backend, BackendOptions } from '../../electron/backend/backend'
import type { FileGrant } from '../../electron/backend/files'
import { openDatabase } from '../../electron/backend/db/connection'
import { fileProblem } from '../../electron/backend/safety/fileTransfer'
import { ApiError } from '../../shared/contract/errors'
import { addPeople, tableDigests } from './safetyHelpers'
import { tempDir } from './tempDb'

/**
 * 「USBメモリなどに保存」 and 「ファイルから復元」: a verified backup written to, and a restore
 * checked from, a file the user chose. The grants table stands in for main's (the desktop app)
 * and for the browser door's transfers.
 */

const opened: Backend[] = []
const grants = new Map<string, FileGrant>()
let nextId = 0
function grant(file: string, access: FileGrant['access']): string {
  const fileId = `grant-${++nextId}`
  grants.set(fileId, { path: file, access })
  return fileId
}
async function open(options: BackendOptions): Promise<Backend> {
  const b = await openBackend({ userName: 'tester', dailyBackup: false, files: grants, ...options })
  opened.push(b)
  return b
}
afterEach(async () => {
  while (opened.length) await opened.pop()!.close()
  grants.clear()
})

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ApiError)
  return error as ApiError
}

function auditLines(b: Backend): { action: string; entity: string; changes: string | null }[] {
  return b.context.handle.sqlite
    .prepare(`SELECT action, entity, changes FROM audit_log WHERE entity = 'database' ORDER BY rowid`)
    .all() as never
}

/** A database with a few people and its copy on the "stick". */
async function withCopy(options: { key?: string } = {}) {
  const dir = tempDir()
  const stick = path.join(dir, 'usb')
  fs.mkdirSync(stick)
  const file = path.join(dir, 'kakehashi.db')
  const b = await open({ file, passphrase: options.key })
  await addPeople(b, 3)
  const copy = path.join(stick, 'かけはし-バックアップ.db')
  const saved = await b.client.call('safety.backupToFile', { fileId: grant(copy, 'write') })
  return { dir, file, b, copy, saved, atCopy: tableDigests(b.context.handle.sqlite) }
}

describe('safety.backupToFile', () => {
  it('writes a verified copy to the chosen file and says what it holds', async () => {
    const { copy, saved, atCopy } = await withCopy()
    expect(saved).toMatchObject({ name: 'かけはし-バックアップ.db', counts: { contacts: 3 }, encrypted: false })
    expect(saved.sizeBytes).toBe(fs.statSync(copy).size)
    const h = openDatabase(copy, { readonly: true })
    expect(tableDigests(h.sqlite)).toEqual(atCopy)
    await h.close()
    expect(fs.readdirSync(path.dirname(copy))).toEqual(['かけはし-バックアップ.db']) // no .partial left
  })

  it('an encrypted database gives an encrypted copy', async () => {
    const { copy, saved } = await withCopy({ key: 'yamabiko-7' })
    expect(saved.encrypted).toBe(true)
    expect(fs.readFileSync(copy).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3')
  })

  it('refuses an id granted for reading, or never granted', async () => {
    const { b, copy } = await withCopy()
    expect((await refusal(b.client.call('safety.backupToFile', { fileId: grant(copy, 'read') }))).code).toBe('NOT_FOUND')
    expect((await refusal(b.client.call('safety.backupToFile', { fileId: 'made-up' }))).code).toBe('NOT_FOUND')
  })

  it('a stick pulled out (the folder gone) is said in words about the stick', async () => {
    const { b, dir } = await withCopy()
    // A path whose folder cannot be there (a file stands in its place), as on a stick pulled out.
    fs.writeFileSync(path.join(dir, 'blocked'), '')
    const blocked = await refusal(
      b.client.call('safety.backupToFile', { fileId: grant(path.join(dir, 'blocked', 'copy.db'), 'write') }),
    )
    expect(blocked.code).toBe('BACKUP_FAILED')
    expect(blocked.message).toMatch(/USBメモリが抜かれたか/)
  })

  it('a full disk is said as such (ENOSPC, SQLITE_FULL)', () => {
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
    expect(fileProblem(enospc, 'copy.db', 'save')?.message).toMatch(/空き容量が足りない/)
    const full = ApiError.from('BACKUP_FAILED', { reason: 'backup thread: SQLITE_FULL: database or disk is full' })
    expect(fileProblem(full, 'copy.db', 'save')?.message).toMatch(/空き容量が足りない/)
    expect(fileProblem(new Error('something else'), 'copy.db', 'save')).toBeNull()
  })
})

describe('safety.restoreFromFile', () => {
  it('erases again the people erased after the copy was made, or brings them back when asked', async () => {
    const { b, copy } = await withCopy()
    const [id] = (b.context.handle.sqlite.prepare(`SELECT id FROM contacts ORDER BY id`).pluck().all() as string[]).slice(0, 1)
    await b.client.call('privacy.anonymize', { contactId: id! })
    const again = await b.client.call('safety.restoreFromFile', { fileId: grant(copy, 'read') })
    expect(again.erasures).toEqual({ reapplied: 1, broughtBack: 0 })
    expect((await b.client.call('contacts.get', { id: id! })).familyName).toBe('匿名')
    const back = await b.client.call('safety.restoreFromFile', { fileId: grant(copy, 'read'), bringBackErased: true })
    expect(back.erasures).toEqual({ reapplied: 0, broughtBack: 1 })
    expect((await b.client.call('contacts.get', { id: id! })).familyName).toMatch(/^試験/)
  })

  it('puts the chosen copy back, keeps the current file, and logs which copy in the restored log', async () => {
    const { b, copy, atCopy } = await withCopy()
    const later = await addPeople(b, 2, '後で')
    const result = await b.client.call('safety.restoreFromFile', { fileId: grant(copy, 'read') })
    expect(result.restored).toMatchObject({ name: 'かけはし-バックアップ.db', counts: { contacts: 3 } })
    expect(result.status.state).toBe('open')
    expect(fs.existsSync(result.previousKeptAt)).toBe(true)
    const now = tableDigests(b.context.handle.sqlite)
    expect(now.contacts).toEqual(atCopy.contacts)
    const lines = auditLines(b)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ action: 'restore', entity: 'database' })
    expect(lines[0]!.changes).toContain('かけはし-バックアップ.db')
    expect(lines[0]!.changes).not.toMatch(/試験|後で/) // nobody's name
    // Who added the two people after the copy was made is still on record (they are not).
    expect(JSON.parse(lines[0]!.changes!).auditCarried).toEqual([null, '2件'])
    const created = b.context.handle.sqlite
      .prepare(`SELECT entity_id FROM audit_log WHERE entity = 'contact' AND action = 'create'`)
      .pluck()
      .all()
    expect(created).toEqual(expect.arrayContaining(later))
    // The chosen file is untouched and nothing staged is left in the data folder.
    expect(fs.readdirSync(path.dirname(b.context.handle.file)).filter((f) => f.startsWith('.incoming'))).toEqual([])
  })

  it('refuses a damaged copy and changes nothing', async () => {
    const { b, copy } = await withCopy()
    const h = openDatabase(copy)
    const pageSize = h.sqlite.pragma('page_size', { simple: true }) as number
    const root = h.sqlite.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'contacts'`).pluck().get() as number
    await h.close()
    const fd = fs.openSync(copy, 'r+')
    fs.writeSync(fd, Buffer.alloc(200, 0x5a), 0, 200, (root - 1) * pageSize + 8)
    fs.closeSync(fd)
    const before = tableDigests(b.context.handle.sqlite)
    const error = await refusal(b.client.call('safety.restoreFromFile', { fileId: grant(copy, 'read') }))
    expect(error.code).toBe('BACKUP_INVALID')
    expect(error.message).toMatch(/は壊れているため復元できません/)
    expect(tableDigests(b.context.handle.sqlite)).toEqual(before)
  })

  it('refuses random bytes named .db, and a database that is not Kakehashi’s', async () => {
    const { b, dir } = await withCopy()
    const random = path.join(dir, 'random.db')
    fs.writeFileSync(random, Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 73 + 11) % 256)))
    const error = await refusal(b.client.call('safety.restoreFromFile', { fileId: grant(random, 'read') }))
    expect(error.code).toBe('BACKUP_INVALID')
    expect(error.message).toMatch(/random\.db はかけはしのデータベースではない/)

    const other = path.join(dir, 'other.db')
    const h = openDatabase(other)
    h.sqlite.exec('CREATE TABLE notes (body TEXT)')
    await h.close()
    const notOurs = await refusal(b.client.call('safety.restoreFromFile', { fileId: grant(other, 'read') }))
    expect(notOurs.message).toMatch(/other\.db はかけはしのデータベースではない/)
    expect(b.state).toBe('open')
  })

  it('refuses a copy from a newer version of the app', async () => {
    const { b, copy } = await withCopy()
    const h = openDatabase(copy)
    h.sqlite.pragma('user_version = 999')
    await h.close()
    const error = await refusal(b.client.call('safety.restoreFromFile', { fileId: grant(copy, 'read') }))
    expect(error.code).toBe('DB_NEWER_VERSION')
    expect(error.message).toMatch(/新しいバージョンのかけはしで作られた/)
  })

  it('an encrypted copy asks for its passphrase, refuses a wrong one, and keeps today’s setting', async () => {
    const { b: encrypted, copy, atCopy } = await withCopy({ key: 'yamabiko-7' })
    await opened.pop()!.close()
    void encrypted
    const plain = await open({ file: path.join(tempDir(), 'kakehashi.db') })
    const fileId = grant(copy, 'read')
    const locked = await refusal(plain.client.call('safety.restoreFromFile', { fileId }))
    expect(locked.code).toBe('DB_LOCKED')
    expect(locked.message).toMatch(/パスフレーズを入力してください/)
    const wrong = await refusal(plain.client.call('safety.restoreFromFile', { fileId, passphrase: 'kawasemi' }))
    expect(wrong.code).toBe('WRONG_PASSPHRASE')
    const result = await plain.client.call('safety.restoreFromFile', { fileId, passphrase: 'yamabiko-7' })
    expect(result.restored.encrypted).toBe(true)
    expect(result.status.encrypted).toBe(false) // today's database had no passphrase
    expect(tableDigests(plain.context.handle.sqlite).contacts).toEqual(atCopy.contacts)
  })

  it('a file gone since it was chosen is said so', async () => {
    const { b, dir } = await withCopy()
    const error = await refusal(b.client.call('safety.restoreFromFile', { fileId: grant(path.join(dir, 'gone.db'), 'read') }))
    expect(error.code).toBe('NOT_FOUND')
    expect(error.message).toMatch(/USBメモリが抜かれたか/)
  })

  it('answers on the recovery screen of a damaged database', async () => {
    const { file, copy } = await withCopy()
    await opened.pop()!.close()
    fs.writeFileSync(file, Buffer.from('not a database at all, damaged'))
    const b = await open({ file, degraded: true })
    expect(b.state).toBe('damaged')
    const result = await b.client.call('safety.restoreFromFile', { fileId: grant(copy, 'read') })
    expect(result.status.state).toBe('open')
    expect(result.previousKeptAt).toMatch(/kakehashi\.db\.damaged-/)
    expect(fs.readFileSync(result.previousKeptAt, 'utf8')).toBe('not a database at all, damaged')
  })
})

describe('audit of safety actions', () => {
  it('a restore from the backup folder is logged in the restored database, with the backup and its time', async () => {
    const dir = tempDir()
    const b = await open({ file: path.join(dir, 'kakehashi.db') })
    await addPeople(b, 2)
    const backup = await b.client.call('safety.backupNow', {})
    await addPeople(b, 1)
    await b.client.call('safety.restore', { backupId: backup.id })
    const lines = auditLines(b)
    expect(lines).toHaveLength(1)
    // The person added after the backup is gone; the line that says who added them is not.
    expect(JSON.parse(lines[0]!.changes!)).toEqual({
      backup: [null, backup.id],
      backupCreatedAt: [null, backup.createdAt],
      auditCarried: [null, '1件'],
    })
  })

  it('setting, changing and removing the passphrase are logged, never the passphrase', async () => {
    const b = await open({ file: path.join(tempDir(), 'kakehashi.db') })
    await b.client.call('safety.setPassphrase', { next: 'yamabiko-7' })
    await b.client.call('safety.setPassphrase', { current: 'yamabiko-7', next: 'kawasemi-8' })
    await b.client.call('safety.setPassphrase', { current: 'kawasemi-8', next: null })
    const lines = auditLines(b)
    expect(lines.map((l) => [l.action, JSON.parse(l.changes!).passphrase[1]])).toEqual([
      ['update', '設定（暗号化）'],
      ['update', '変更'],
      ['update', '解除（暗号化なし）'],
    ])
    expect(JSON.stringify(lines)).not.toMatch(/yamabiko|kawasemi/)
  })
})
