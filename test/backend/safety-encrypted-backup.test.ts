import fs from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { openBackend } from '../../electron/backend/backend'
import type { Backend } from '../../electron/backend/backend'
import { openDatabase } from '../../electron/backend/db/connection'
import type { DbHandle } from '../../electron/backend/db/connection'
import { migrate } from '../../electron/backend/db/migrate'
import { generateDataset } from '../../electron/backend/demo/generate'
import { writeVerifiedBackup } from '../../electron/backend/safety/backups'
import { addPeople, auditLines, newestAuditId, tableDigests } from './safetyHelpers'
import { tempDir } from './tempDb'

/**
 * Backups are written (VACUUM INTO when encrypted, the online backup API when plain) and
 * page-checked in a worker thread on its own read-only connection (safety/backupInWorker.ts),
 * so the backend keeps answering meanwhile.
 */
// A quote in the passphrase: the worker must key its connection exactly as the main one does.
const KEY = "島の'合言葉' 2024"

async function withBackend(file: string, run: (b: Backend) => Promise<void>, key: string | undefined = KEY): Promise<void> {
  const b = await openBackend({ file, userName: 'tester', passphrase: key, dailyBackup: false })
  try {
    await run(b)
  } finally {
    await b.close()
  }
}

/** A database (encrypted unless told otherwise) whose copy takes a few hundred ms (≈ 25 MB). */
async function largeDatabase(dir: string, key: string | undefined = KEY): Promise<string> {
  const file = path.join(dir, 'kakehashi.db')
  const h = openDatabase(file, key ? { key } : {})
  await migrate(h)
  await generateDataset(h, { contacts: 3000, visits: 30_000, seed: 7 })
  await h.close()
  return file
}

function partialsIn(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.partial')) : []
}

/** Expects the backup to fail as BACKUP_FAILED; returns all the error shows (JSON and text). */
async function failure(handle: DbHandle, target: string): Promise<string> {
  const error = await writeVerifiedBackup(handle, target).then(
    () => null,
    (e: unknown) => e as { code: string; toJSON(): unknown },
  )
  expect(error).toMatchObject({ code: 'BACKUP_FAILED' })
  return JSON.stringify(error!.toJSON()) + String(error)
}

describe('encrypted backups (worker thread)', () => {
  it('round trip: the backup is encrypted, verifies, and restoring it reproduces every table', async () => {
    const file = path.join(tempDir(), 'kakehashi.db')
    await withBackend(file, async (b) => {
      const ids = await addPeople(b, 5)
      const backup = await b.client.call('safety.backupNow', {})
      expect(backup).toMatchObject({ verified: true, encrypted: true, counts: { contacts: 5 } })
      const copy = path.join(path.dirname(file), 'backups', backup.id)
      expect(fs.readFileSync(copy).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3')
      const atBackup = tableDigests(b.context.handle.sqlite)
      const auditUpTo = newestAuditId(b.context.handle.sqlite)

      await b.client.call('contacts.update', { id: ids[0]!, patch: { notes: 'バックアップ後' } })
      await b.client.call('contacts.delete', { ids: [ids[1]!, ids[2]!] })
      expect(tableDigests(b.context.handle.sqlite)).not.toEqual(atBackup)
      const afterBackup = auditLines(b.context.handle.sqlite).filter((l) => l.id > auditUpTo)
      await b.client.call('safety.restore', { backupId: backup.id })
      expect(tableDigests(b.context.handle.sqlite, { afterRestore: { auditUpTo } })).toEqual(atBackup)
      // The encrypted database's own audit lines went on into the restored one.
      const restored = auditLines(b.context.handle.sqlite).filter((l) => l.id > auditUpTo)
      expect(restored.slice(0, -1)).toEqual(afterBackup)
      expect(restored.at(-1)).toMatchObject({ action: 'restore', changes: { auditCarried: [null, `${afterBackup.length}件`] } })
    })
  })

  it.each([
    ['encrypted', KEY],
    ['plain', undefined],
  ])(
    '%s: other calls answer while the copy is written and checked; it holds what was committed when it began',
    async (_kind, key) => {
      const dir = tempDir()
      const file = await largeDatabase(dir, key)
      await withBackend(
        file,
        async (b) => {
          const order: string[] = []
          const backup = b.client.call('safety.backupNow', {}).then((info) => {
            order.push('backup')
            return info
          })
          // Wait (on timers, so the event loop must turn) until the copy has begun. A backup that
          // held the event loop would be over by the first timer, and the order below would fail.
          while (order.length === 0 && partialsIn(path.join(dir, 'backups')).length === 0) await sleep(2)
          const page = await b.client.call('contacts.list', { limit: 10 })
          order.push('list')
          await addPeople(b, 1, '最中') // a write committed while the copy is being written
          order.push('write')
          const info = await backup
          expect(order).toEqual(['list', 'write', 'backup'])
          expect(page.rows).toHaveLength(10)
          expect(info).toMatchObject({ verified: true, counts: { contacts: page.total } })
          expect((await b.client.call('contacts.list', { limit: 1 })).total).toBe(page.total + 1)
        },
        key,
      )
    },
  )

  it('a wrong or missing key in the worker is BACKUP_FAILED, leaves no .partial and never shows the key', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'kakehashi.db')
    await withBackend(file, (b) => addPeople(b, 2).then(() => undefined))
    const handle = openDatabase(file, { key: KEY })
    try {
      const target = path.join(dir, 'out', 'copy.db')
      const wrong = await failure({ ...handle, key: 'まちがい' }, target)
      expect(wrong).not.toContain('まちがい')
      expect(wrong).not.toContain(KEY)
      expect(await failure({ ...handle, key: undefined }, target)).toMatch(/not a database/)
      expect(fs.readdirSync(path.dirname(target))).toEqual([])
      // The right key from the same handle still works: the failures were the worker's.
      await writeVerifiedBackup(handle, target)
      expect(fs.readdirSync(path.dirname(target))).toEqual(['copy.db'])
    } finally {
      await handle.close()
    }
  })

  it('a VACUUM that fails mid-copy (a damaged page) is BACKUP_FAILED and leaves no .partial', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'kakehashi.db')
    await withBackend(file, (b) => addPeople(b, 300).then(() => undefined))
    // Damage a page past the header: opening reads page 1 and the schema only, the copy reads all.
    const size = fs.statSync(file).size
    const fd = fs.openSync(file, 'r+')
    fs.writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, Math.floor(size / 2))
    fs.closeSync(fd)
    const handle = openDatabase(file, { key: KEY })
    try {
      const target = path.join(dir, 'out', 'copy.db')
      const shown = await failure(handle, target)
      expect(shown).toMatch(/malformed/) // SQLite's reason, passed on
      expect(shown).not.toContain(KEY)
      expect(fs.readdirSync(path.dirname(target))).toEqual([])
    } finally {
      await handle.close()
    }
  })
})
