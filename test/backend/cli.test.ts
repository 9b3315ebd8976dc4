import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { openBackend } from '../../electron/backend/backend'
import { latestSchemaVersion } from '../../electron/backend/db/migrations/index'
import { courseProgram } from './programFixtures'
import { tempDir } from './tempDb'

/**
 * The real `kakehashi` command (bin/kakehashi.js → out/main/cli.js), as a user runs it.
 * `npm test` builds before it runs Vitest.
 */
const bin = path.resolve('bin/kakehashi.js')

function kakehashi(...args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

beforeAll(() => {
  if (!fs.existsSync('out/main/cli.js')) throw new Error('out/main/cli.js is missing: run `npm run build` first (npm test does).')
})

describe('kakehashi CLI', () => {
  it('init --demo then check: a healthy demo database', () => {
    const db = path.join(tempDir(), 'x.db')
    const init = kakehashi('init', '--db', db, '--demo')
    expect(init.stderr).toBe('')
    expect(init.code).toBe(0)
    expect(init.stdout).toContain('作成しました')
    const check = kakehashi('check', '--db', db, '--json')
    expect(check.code).toBe(0)
    const report = JSON.parse(check.stdout)
    expect(report).toMatchObject({ ok: true, schemaVersion: latestSchemaVersion, integrity: ['ok'], foreignKeyProblems: 0 })
    expect(report.counts.contacts).toBeGreaterThan(1000)
    expect(report.counts.visits).toBeGreaterThan(5000)
  })

  it('check on a file damaged in the middle exits non-zero, says so, and writes nothing to it', () => {
    const dir = tempDir()
    const db = path.join(dir, 'broken.db')
    expect(kakehashi('init', '--db', db, '--demo').code).toBe(0)
    const size = fs.statSync(db).size
    const fd = fs.openSync(db, 'r+')
    fs.writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, Math.floor(size / 2 / 4096) * 4096)
    fs.closeSync(fd)
    const before = fs.readFileSync(db)
    const check = kakehashi('check', '--db', db)
    expect(check.code).not.toBe(0)
    expect(check.stderr).toMatch(/エラー: .*(整合性|壊れて)/)
    expect(fs.readFileSync(db).equals(before)).toBe(true)
    expect(fs.readdirSync(dir).sort()).toEqual(['broken.db'])
  })

  it('check explains a missing file and a file that is not a database', () => {
    const dir = tempDir()
    const missing = kakehashi('check', '--db', path.join(dir, 'none.db'))
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('読み込めません')
    fs.writeFileSync(path.join(dir, 'list.db'), 'これはCSVです\n')
    const notDb = kakehashi('check', '--db', path.join(dir, 'list.db'), '--json')
    expect(notDb.code).toBe(1)
    expect(JSON.parse(notDb.stderr)).toMatchObject({ ok: false, error: { code: 'DB_CORRUPT' } })
  })

  it('check counts what the app counts: a program in the trash is not one', async () => {
    const db = path.join(tempDir(), 'trash.db')
    const backend = await openBackend({ file: db, userName: 'tester' })
    const kept = await backend.client.call('programs.create', { fields: courseProgram() })
    const trashed = await backend.client.call('programs.create', { fields: courseProgram({ name: '試験ツアー2025' }) })
    await backend.client.call('sessions.create', { programId: kept.id, fields: { date: '2025-06-14', mode: 'onsite' } })
    await backend.client.call('programs.delete', { id: trashed.id })
    const { counts } = await backend.client.call('app.info', {})
    await backend.close()
    expect(counts.programs).toBe(1)
    const check = JSON.parse(kakehashi('check', '--db', db, '--json').stdout)
    expect(check.counts).toEqual(counts)
  })

  it('generate writes a data set of the requested size', () => {
    const db = path.join(tempDir(), 'gen.db')
    const run = kakehashi('generate', '--db', db, '--contacts', '300', '--visits', '2000', '--seed', '7', '--json')
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, contacts: 300, visits: 2000 })
    const counts = JSON.parse(kakehashi('check', '--db', db, '--json').stdout).counts
    // check counts the people the app lists: the generator moves a few to the trash, like life does.
    expect(counts.visits).toBe(2000)
    expect(counts.contacts).toBeGreaterThan(290)
    expect(counts.contacts).toBeLessThanOrEqual(300)
  })

  it('refuses to overwrite, and explains bad usage in Japanese with exit code 2', () => {
    const db = path.join(tempDir(), 'y.db')
    expect(kakehashi('init', '--db', db).code).toBe(0)
    const again = kakehashi('init', '--db', db)
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('すでに存在します')
    const unknown = kakehashi('frobnicate')
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('不明なコマンド')
    const badNumber = kakehashi('generate', '--db', db + '2', '--contacts', 'lots', '--visits', '1')
    expect(badNumber.code).toBe(2)
    expect(badNumber.stderr).toContain('--contacts')
  })

  it('refuses unknown or incomplete options in Japanese, naming the option', () => {
    const db = path.join(tempDir(), 'o.db')
    const unknown = kakehashi('backup', '--dbb', db)
    expect(unknown.code).toBe(2)
    expect(unknown.stderr.split('\n')[0]).toBe('エラー: 不明なオプションです: --dbb')
    const missing = kakehashi('backup', '--db', db, '--out')
    expect(missing.code).toBe(2)
    expect(missing.stderr.split('\n')[0]).toBe('エラー: --out の値を指定してください')
    const flag = kakehashi('init', '--db', db, '--demo=yes')
    expect(flag.stderr.split('\n')[0]).toBe('エラー: --demo には値を付けません')
  })

  it("--help after a command, or help COMMAND, prints that command's usage with exit 0", () => {
    for (const args of [
      ['report', '--help'],
      ['report', '-h'],
      ['help', 'report'],
    ]) {
      const run = kakehashi(...args)
      expect(run.code, args.join(' ')).toBe(0)
      expect(run.stderr).toBe('')
      expect(run.stdout).toContain('使い方: kakehashi report')
      expect(run.stdout).toContain('--fy 2024')
      expect(run.stdout).not.toContain('backup --db') // only that command's lines
    }
    // A block of several lines (import) is whole; the last command (anonymize) too.
    const importHelp = kakehashi('import', '--help')
    expect(importHelp.stdout).toContain('[--mapping auto|NAME|FILE.json]')
    expect(importHelp.stdout).toContain('CSV・TSV・Excel')
    expect(importHelp.stdout).not.toContain('report --db')
    const anonymizeHelp = kakehashi('anonymize', '--help')
    expect(anonymizeHelp.code).toBe(0)
    expect(anonymizeHelp.stdout).toContain('anonymize --db FILE --person ID')
    expect(anonymizeHelp.stdout).toContain('KAKEHASHI_PASSPHRASE')
  })

  it('anonymize on a mistyped --db refuses and creates no database there', () => {
    const db = path.join(tempDir(), 'typo.db')
    const run = kakehashi('anonymize', '--db', db, '--person', '00000000-0000-7000-8000-000000000001')
    expect(run.code).not.toBe(0)
    expect(run.stderr).toContain('データベースがありません')
    expect(fs.existsSync(db)).toBe(false)
  })
})
