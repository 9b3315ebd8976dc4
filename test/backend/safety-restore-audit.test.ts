import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openBackend } from '../../electron/backend/backend'
import type { Backend, BackendOptions } from '../../electron/backend/backend'
import { openDatabase } from '../../electron/backend/db/connection'
import { migrate } from '../../electron/backend/db/migrate'
import { latestSchemaVersion, migrations } from '../../electron/backend/db/migrations/index'
import { addPeople, auditLines, tableDigests } from './safetyHelpers'
import { tempDir } from './tempDb'

/**
 * A restore brings the data back to the backup's time, not the audit log: the record of who
 * did what after the backup (edits, passphrase changes, earlier restores) goes on into the
 * restored database, once, with the restore's own line.
 */

const opened: Backend[] = []
async function open(options: BackendOptions): Promise<Backend> {
  const b = await openBackend({ userName: 'tester', dailyBackup: false, ...options })
  opened.push(b)
  return b
}
afterEach(async () => {
  while (opened.length) await opened.pop()!.close()
})

/** The 監査ログ screen's lines, oldest first (the screen lists newest first). */
async function auditScreen(b: Backend) {
  const page = await b.client.call('audit.list', { limit: 1000 })
  return page.rows.slice().reverse()
}

describe('the audit log survives a restore', () => {
  it('an edit and a passphrase change made after the backup stay in 監査ログ, with the restore; the data is the backup’s', async () => {
    const file = path.join(tempDir(), 'kakehashi.db')
    const b = await open({ file })
    const [id] = await addPeople(b, 2)
    const backup = await b.client.call('safety.backupNow', {})
    const atBackup = tableDigests(b.context.handle.sqlite)
    const linesAtBackup = await auditScreen(b)

    await b.client.call('contacts.update', { id: id!, patch: { notes: 'バックアップ後の修正' } })
    await b.client.call('safety.setPassphrase', { next: 'kakehashi-pass-1' })
    const beforeRestore = await auditScreen(b)
    const madeAfter = beforeRestore.slice(linesAtBackup.length)
    expect(madeAfter.map((l) => [l.action, l.entity])).toEqual([
      ['update', 'contact'],
      ['update', 'database'],
    ])

    await b.client.call('safety.restore', { backupId: backup.id })
    // The data is the backup's.
    expect((await b.client.call('contacts.get', { id: id! })).notes).toBeNull()
    const atRestore = Object.fromEntries(Object.entries(tableDigests(b.context.handle.sqlite)).filter(([t]) => t !== 'audit_log'))
    expect(atRestore).toEqual(Object.fromEntries(Object.entries(atBackup).filter(([t]) => t !== 'audit_log')))
    // The log is the backup's lines, then those made after it, then the restore's own line.
    const restored = await auditScreen(b)
    expect(restored.slice(0, -1)).toEqual(beforeRestore)
    expect(restored.at(-1)).toMatchObject({
      action: 'restore',
      entity: 'database',
      changes: expect.arrayContaining([
        { field: 'backup', before: null, after: backup.id },
        { field: 'auditCarried', before: null, after: '2件' },
      ]),
    })
    const edit = restored.find((l) => l.entity === 'contact' && l.action === 'update')!
    expect(edit.changes).toContainEqual({ field: 'notes', before: null, after: 'バックアップ後の修正' })
  })

  it('restoring again carries the earlier restore’s line and never duplicates a line the backup already has', async () => {
    const file = path.join(tempDir(), 'kakehashi.db')
    const b = await open({ file })
    const [id] = await addPeople(b, 1)
    const first = await b.client.call('safety.backupNow', {})
    await b.client.call('contacts.update', { id: id!, patch: { notes: '一回目' } })
    const second = await b.client.call('safety.backupNow', {})
    await b.client.call('contacts.update', { id: id!, patch: { notes: '二回目' } })

    await b.client.call('safety.restore', { backupId: first.id })
    const afterFirst = auditLines(b.context.handle.sqlite)
    // The second backup holds the first edit; the restored log holds both edits and the first restore.
    await b.client.call('safety.restore', { backupId: second.id })
    expect((await b.client.call('contacts.get', { id: id! })).notes).toBe('一回目')
    const lines = auditLines(b.context.handle.sqlite)
    expect(new Set(lines.map((l) => l.id)).size).toBe(lines.length)
    expect(lines.slice(0, -1)).toEqual(afterFirst)
    expect(lines.filter((l) => l.action === 'restore')).toHaveLength(2)
    // Only the second edit and the first restore were missing from the second backup.
    expect(lines.at(-1)!.changes).toMatchObject({ backup: [null, second.id], auditCarried: [null, '2件'] })
  })

  it('kakehashi restore of a copy from an older version migrates it first, so lines it could not hold (元に戻す) fit', async () => {
    if (!fs.existsSync('out/main/cli.js'))
      throw new Error('out/main/cli.js is missing: run `npm run build` first (npm test does).')
    const dir = tempDir()
    // A copy made by schema v10, whose audit log does not accept 'undo' lines yet (0011).
    const old = path.join(dir, 'v10-copy.db')
    const h = openDatabase(old)
    await migrate(h, { migrations: migrations.slice(0, 10) })
    await h.close()
    const file = path.join(dir, 'kakehashi.db')
    const b = await openBackend({ file, userName: 'tester', dailyBackup: false })
    const [id] = await addPeople(b, 1)
    await b.client.call('contacts.update', { id: id!, patch: { notes: '書いて消す' } })
    await b.client.call('undo.last', {})
    const before = auditLines(b.context.handle.sqlite)
    expect(before.map((l) => l.action)).toEqual(['create', 'update', 'undo'])
    await b.close()

    const run = spawnSync(
      process.execPath,
      [path.resolve('bin/kakehashi.js'), 'restore', '--db', file, '--from', old, '--json'],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    )
    expect(run.stderr).toBe('')
    const r = openDatabase(file, { readonly: true })
    try {
      expect(r.sqlite.pragma('user_version', { simple: true })).toBe(latestSchemaVersion)
      const after = auditLines(r.sqlite)
      expect(after.slice(0, -1)).toEqual(before)
      expect(after.at(-1)).toMatchObject({ action: 'restore', changes: { auditCarried: [null, '3件'] } })
    } finally {
      await r.close()
    }
  })
})
