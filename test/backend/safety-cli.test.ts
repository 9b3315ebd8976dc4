import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Database as Sqlite } from 'better-sqlite3'
import { beforeAll, describe, expect, it } from 'vitest'
import { openBackend } from '../../electron/backend/backend'
import { openDatabase } from '../../electron/backend/db/connection'
import { addPeople, auditLines, newestAuditId, tableDigests } from './safetyHelpers'
import { tempDir } from './tempDb'

/** The real `kakehashi` command on the built CLI (npm test builds before Vitest runs). */
const bin = path.resolve('bin/kakehashi.js')
function kakehashi(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

beforeAll(() => {
  if (!fs.existsSync('out/main/cli.js')) throw new Error('out/main/cli.js is missing: run `npm run build` first (npm test does).')
})

async function database(dir: string, passphrase?: string): Promise<{ file: string; ids: string[] }> {
  const file = path.join(dir, 'kakehashi.db')
  const b = await openBackend({ file, userName: 'tester', passphrase })
  const ids = await addPeople(b, 4, 'CLI')
  await b.close()
  return { file, ids }
}

/** Closed before returning: a connection left open would be the app holding the file (restore refuses). */
async function digests(file: string, key?: string, options: Parameters<typeof tableDigests>[1] = {}) {
  const h = openDatabase(file, { readonly: true, key })
  try {
    return tableDigests(h.sqlite, options)
  } finally {
    await h.close()
  }
}

/** Reads the closed file through a read-only connection, closed again before returning. */
async function withFile<T>(file: string, read: (sqlite: Sqlite) => T, key?: string): Promise<T> {
  const h = openDatabase(file, { readonly: true, key })
  try {
    return read(h.sqlite)
  } finally {
    await h.close()
  }
}

describe('kakehashi backup / restore / anonymize / check', () => {
  it('backs up to a chosen file, restores from it exactly, and keeps the replaced state', async () => {
    const dir = tempDir()
    const { file, ids } = await database(dir)
    const usb = path.join(tempDir(), 'usb-backup.db')
    const backup = kakehashi(['backup', '--db', file, '--out', usb, '--json'])
    expect(backup.stderr).toBe('')
    expect(JSON.parse(backup.stdout)).toMatchObject({ ok: true, verified: true, counts: { contacts: 4 } })
    // Only the copy on the "stick": nothing left of its check beside it.
    expect(fs.readdirSync(path.dirname(usb))).toEqual(['usb-backup.db'])
    const atBackup = await digests(file)
    const auditUpTo = await withFile(file, newestAuditId)
    expect(kakehashi(['backup', '--db', file, '--out', usb]).code).not.toBe(0) // never overwrites

    const b = await openBackend({ file, userName: 'tester' })
    await b.client.call('contacts.update', { id: ids[0]!, patch: { notes: '変更後' } })
    await b.close()
    expect(await digests(file)).not.toEqual(atBackup)
    const edit = (await withFile(file, auditLines)).at(-1)!
    expect(edit).toMatchObject({ action: 'update', entity: 'contact', changes: { notes: [null, '変更後'] } })

    const restore = kakehashi(['restore', '--db', file, '--from', usb, '--json'])
    expect(restore.stderr).toBe('')
    const result = JSON.parse(restore.stdout) as { previousKeptAt: string }
    expect(await digests(file, undefined, { afterRestore: { auditUpTo } })).toEqual(atBackup)
    // The edit made after the backup is still in the audit log, followed by the restore's line,
    // which names the file, not anyone in it.
    const after = (await withFile(file, auditLines)).filter((l) => l.id > auditUpTo)
    expect(after).toEqual([edit, expect.objectContaining({ action: 'restore', entity: 'database' })])
    expect(after[1]!.changes).toMatchObject({ file: [null, 'usb-backup.db'], auditCarried: [null, '1件'] })
    expect((await digests(result.previousKeptAt)).contacts).not.toEqual(atBackup.contacts)
  })

  it('erases again the people anonymized or deleted for good after the backup; --bring-back-erased keeps the copy’s', async () => {
    const dir = tempDir()
    const { file, ids } = await database(dir)
    const usb = path.join(tempDir(), 'usb-backup.db')
    expect(kakehashi(['backup', '--db', file, '--out', usb]).code).toBe(0)
    const b = await openBackend({ file, userName: 'tester' })
    await b.client.call('privacy.anonymize', { contactId: ids[0]! })
    await b.client.call('privacy.delete', { contactId: ids[1]!, expectedVisits: 0 })
    await b.close()
    const names = (sqlite: Sqlite) =>
      Object.fromEntries(
        (sqlite.prepare(`SELECT id, family_name FROM contacts`).all() as { id: string; family_name: string }[]).map((r) => [
          r.id,
          r.family_name,
        ]),
      ) as Record<string, string>

    const restore = kakehashi(['restore', '--db', file, '--from', usb])
    expect(restore.stderr).toBe('')
    expect(restore.stdout).toContain('バックアップの後に匿名化・削除した 2人は、もう一度匿名化・削除しました')
    const erased = await withFile(file, names)
    expect(erased[ids[0]!]).toBe('匿名')
    expect(erased[ids[1]!]).toBeUndefined()
    expect(erased[ids[2]!]).toMatch(/^CLI/)

    const back = kakehashi(['restore', '--db', file, '--from', usb, '--bring-back-erased', '--json'])
    expect(back.stderr).toBe('')
    expect(JSON.parse(back.stdout)).toMatchObject({ ok: true, erasures: { reapplied: 0, broughtBack: 2 } })
    const broughtBack = await withFile(file, names)
    expect(broughtBack[ids[0]!]).toMatch(/^CLI/)
    expect(broughtBack[ids[1]!]).toMatch(/^CLI/)
    const line = (await withFile(file, auditLines)).at(-1)!
    expect(line.changes).toMatchObject({
      auditCarried: [null, expect.stringMatching(/件、再適用しなかった（復元で戻した）匿名化・削除 2人$/)],
    })
  })

  it('refuses to restore a file that is not a healthy database, changing nothing', async () => {
    const dir = tempDir()
    const { file } = await database(dir)
    const before = fs.readFileSync(file)
    const bad = path.join(dir, 'bad.db')
    fs.writeFileSync(bad, '氏名,メール\n')
    const restore = kakehashi(['restore', '--db', file, '--from', bad, '--json'])
    expect(restore.code).toBe(1)
    expect(JSON.parse(restore.stderr)).toMatchObject({ error: { code: 'BACKUP_INVALID' } })
    expect(fs.readFileSync(file).equals(before)).toBe(true)
  })

  it('refuses to restore while the app has the database open, changing nothing', async () => {
    const dir = tempDir()
    const { file, ids } = await database(dir)
    const usb = path.join(tempDir(), 'usb-backup.db')
    expect(kakehashi(['backup', '--db', file, '--out', usb]).code).toBe(0)
    const app = await openBackend({ file, userName: 'tester', dailyBackup: false })
    try {
      await app.client.call('contacts.update', { id: ids[0]!, patch: { notes: 'アプリで入力中' } })
      const restore = kakehashi(['restore', '--db', file, '--from', usb])
      expect(restore.code).toBe(1)
      expect(restore.stderr).toContain('アプリ（または serve）を閉じてから復元してください')
      // The app goes on with its own file, and what it writes is still there after it closes.
      await app.client.call('contacts.update', { id: ids[1]!, patch: { notes: '復元の後で入力' } })
    } finally {
      await app.close()
    }
    const after = openDatabase(file, { readonly: true })
    const notes = after.sqlite.prepare('SELECT notes FROM contacts WHERE id IN (?, ?) ORDER BY notes').pluck().all(ids[0], ids[1])
    await after.close()
    expect(notes).toEqual(['アプリで入力中', '復元の後で入力'])
    // Once the app is closed, the same restore goes through.
    expect(kakehashi(['restore', '--db', file, '--from', usb]).code).toBe(0)
  })

  it('an encrypted database without KAKEHASHI_PASSPHRASE: says where the passphrase goes', async () => {
    const dir = tempDir()
    const { file } = await database(dir, 'cli-secret-1')
    for (const args of [
      ['check', '--db', file],
      ['backup', '--db', file, '--out', path.join(dir, 'x.db')],
    ]) {
      const run = kakehashi(args, { KAKEHASHI_PASSPHRASE: '' })
      expect(run.code).toBe(1)
      expect(run.stderr).toContain('環境変数 KAKEHASHI_PASSPHRASE にパスフレーズを入れて実行してください')
    }
  })

  it('says in Japanese why a restore source cannot be used: missing, a folder, not a database', async () => {
    const dir = tempDir()
    const { file } = await database(dir)
    const missing = kakehashi(['restore', '--db', file, '--from', path.join(dir, 'usb', 'nothing.db')])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('ファイルが見つかりません')
    const folder = kakehashi(['restore', '--db', file, '--from', dir])
    expect(folder.stderr).toContain('フォルダーが指定されています')
    const text = path.join(dir, 'list.db')
    fs.writeFileSync(text, '氏名,メール\n')
    const notDb = kakehashi(['restore', '--db', file, '--from', text])
    expect(notDb.stderr).toContain('データベースのファイルではないか、壊れています')
    for (const run of [missing, folder, notDb]) expect(run.stderr).not.toMatch(/[A-Za-z]{4,}/)
  })

  it('anonymizes a person and check reports the backup status', async () => {
    const dir = tempDir()
    const { file, ids } = await database(dir)
    const anon = kakehashi(['anonymize', '--db', file, '--person', ids[1]!])
    expect(anon.stderr).toBe('')
    expect(anon.stdout).toContain('匿名化しました')
    const h = openDatabase(file, { readonly: true })
    expect(h.sqlite.prepare('SELECT family_name, email FROM contacts WHERE id = ?').get(ids[1]!)).toEqual({
      family_name: '匿名',
      email: null,
    })
    await h.close()
    let check = kakehashi(['check', '--db', file])
    expect(check.stdout).toContain('バックアップ: まだありません')
    const b = await openBackend({ file, userName: 'tester' })
    await b.client.call('safety.backupNow', {})
    await b.close()
    check = kakehashi(['check', '--db', file, '--json'])
    expect(JSON.parse(check.stdout)).toMatchObject({
      ok: true,
      backups: { count: 2, last: { reason: 'manual', verified: true } },
    })
  })

  it('works on an encrypted database with the passphrase from the environment only', async () => {
    const dir = tempDir()
    const { file } = await database(dir, '島の合言葉')
    const usb = path.join(tempDir(), 'enc.db')
    expect(kakehashi(['backup', '--db', file, '--out', usb, '--json']).stderr).toContain('DB_LOCKED')
    const wrong = kakehashi(['backup', '--db', file, '--out', usb, '--json'], { KAKEHASHI_PASSPHRASE: 'ちがう' })
    expect(JSON.parse(wrong.stderr)).toMatchObject({ error: { code: 'WRONG_PASSPHRASE' } })
    const ok = kakehashi(['backup', '--db', file, '--out', usb, '--json'], { KAKEHASHI_PASSPHRASE: '島の合言葉' })
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, encrypted: true })
    expect(fs.readFileSync(usb).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3')
    expect(kakehashi(['check', '--db', file], { KAKEHASHI_PASSPHRASE: '島の合言葉' }).code).toBe(0)
    // Import and report too (they used to open without it and could not reach the data).
    const list = path.join(dir, 'list.csv')
    fs.writeFileSync(list, '氏名,メール\n隠岐 港,minato@example.jp\n')
    const imported = kakehashi(['import', '--db', file, list, '--json'], { KAKEHASHI_PASSPHRASE: '島の合言葉' })
    expect(JSON.parse(imported.stdout)).toMatchObject({ created: 1 })
    const report = kakehashi(['report', '--db', file, '--fy', '2025', '--format', 'json'], { KAKEHASHI_PASSPHRASE: '島の合言葉' })
    expect(report.code).toBe(0)
  })
})
