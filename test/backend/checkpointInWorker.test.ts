import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkpointInWorker, commitWithCheckpointBeside } from '../../electron/backend/db/checkpointInWorker'
import { openDatabase } from '../../electron/backend/db/connection'
import type { DbHandle } from '../../electron/backend/db/connection'
import { freshBackend, tempDir } from './tempDb'

/** ~2,500 pages of rows: past the 1000-page threshold at which a COMMIT would checkpoint. */
function writeMany(handle: DbHandle) {
  handle.sqlite.exec('CREATE TABLE IF NOT EXISTS notes (body TEXT NOT NULL)')
  const insert = handle.sqlite.prepare('INSERT INTO notes (body) VALUES (?)')
  for (let i = 0; i < 2500; i++) insert.run(`メモ${i} `.repeat(300))
}

/** Bytes the database file would have with every committed page in it. */
const fullSize = (handle: DbHandle) =>
  (handle.sqlite.pragma('page_count', { simple: true }) as number) *
  (handle.sqlite.pragma('page_size', { simple: true }) as number)

const walLeft = (handle: DbHandle) => {
  const [row] = handle.sqlite.pragma('wal_checkpoint(NOOP)') as { log: number; checkpointed: number }[]
  return row!.log - row!.checkpointed
}

describe('checkpoints in a worker thread', () => {
  it('a big commit returns before its pages are copied into the file; the worker copies them, close waits for it', async () => {
    const file = path.join(tempDir(), 'big.db')
    const handle = openDatabase(file)
    handle.sqlite.exec('BEGIN IMMEDIATE')
    writeMany(handle)
    commitWithCheckpointBeside(handle)
    // Synchronously after the COMMIT: committed (the log holds it), not yet in the file.
    expect(handle.sqlite.inTransaction).toBe(false)
    expect(handle.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000)
    expect(walLeft(handle)).toBeGreaterThan(1000)
    expect(fs.statSync(file).size).toBeLessThan(fullSize(handle))
    expect(handle.background.size).toBe(1)

    await Promise.all(handle.background)
    expect(walLeft(handle)).toBe(0)
    expect(fs.statSync(file).size).toBe(fullSize(handle))
    expect(handle.background.size).toBe(0)

    // Closing right after another big commit waits for its worker.
    handle.sqlite.exec('BEGIN IMMEDIATE')
    writeMany(handle)
    commitWithCheckpointBeside(handle)
    expect(handle.background.size).toBe(1)
    await handle.close()
    expect(handle.background.size).toBe(0)
    const again = openDatabase(file)
    expect(again.sqlite.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(5000)
    await again.close()
  })

  it('a small commit checkpoints nothing and starts no thread', async () => {
    const handle = openDatabase(path.join(tempDir(), 'small.db'))
    handle.sqlite.exec('CREATE TABLE notes (body TEXT)')
    handle.sqlite.exec('BEGIN IMMEDIATE')
    handle.sqlite.prepare('INSERT INTO notes (body) VALUES (?)').run('一行')
    commitWithCheckpointBeside(handle)
    expect(handle.background.size).toBe(0)
    expect(handle.sqlite.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(1)
    await handle.close()
  })

  it('an encrypted database is checkpointed with its key; a wrong key fails without naming it', async () => {
    const file = path.join(tempDir(), 'secret.db')
    const key = '山の上の分校-2026'
    const handle = openDatabase(file, { key })
    handle.sqlite.pragma('wal_autocheckpoint = 0')
    writeMany(handle)
    expect(walLeft(handle)).toBeGreaterThan(1000)

    const wrong = checkpointInWorker(file, 'ちがう合言葉')
    await expect(wrong).rejects.toThrow(/checkpoint thread/)
    await wrong.catch((error: Error) => expect(error.message).not.toContain('ちがう合言葉'))
    expect(walLeft(handle)).toBeGreaterThan(1000)

    await checkpointInWorker(file, key)
    expect(walLeft(handle)).toBe(0)
    expect(fs.statSync(file).size).toBe(fullSize(handle))
    await handle.close()
  })

  it('a rekey and a program wipe wait for a checkpoint thread still reading the log', async () => {
    const backend = await freshBackend({ demo: true, dailyBackup: false })
    const { handle } = backend.context
    // Stands in for a checkpoint thread: background work that ends when released.
    const stand = (h: DbHandle) => {
      let release = () => undefined as void
      h.background.add(new Promise<void>((resolve) => (release = resolve)).finally(() => h.background.clear()))
      return () => release()
    }
    const settledWithin = async (work: Promise<unknown>, ms: number) => {
      let settled = false
      void work.then(
        () => (settled = true),
        () => (settled = true),
      )
      await new Promise((resolve) => setTimeout(resolve, ms))
      return settled
    }
    const plainHeader = () => fs.readFileSync(handle.file).subarray(0, 15).toString('latin1') === 'SQLite format 3'

    const released = stand(handle)
    const rekey = backend.client.call('safety.setPassphrase', { next: '合言葉' })
    expect(await settledWithin(rekey, 1500)).toBe(false)
    expect(plainHeader()).toBe(true) // the before-passphrase backup is taken; the rekey waits
    released()
    await expect(rekey).resolves.toMatchObject({ encrypted: true })
    expect(plainHeader()).toBe(false)

    const live = backend.context.handle
    const programId = live.sqlite.prepare('SELECT id FROM programs LIMIT 1').pluck().get() as string
    const { peopleDeleted } = await backend.client.call('privacy.programWipePreview', { programId })
    const releasedAgain = stand(live)
    const wipe = backend.client.call('privacy.programWipe', { programId, expectedPeople: peopleDeleted })
    expect(await settledWithin(wipe, 1500)).toBe(false)
    releasedAgain()
    await expect(wipe).resolves.toMatchObject({ log: { kind: 'program-wipe' } })
  }, 60_000)
})
