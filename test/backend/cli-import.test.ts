import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../electron/backend/db/connection'
import { accessError } from '../../electron/backend/db/driverErrors'
import { migrate } from '../../electron/backend/db/migrate'
import { migrations } from '../../electron/backend/db/migrations/index'
import { tempDir } from './tempDb'

const bin = path.resolve('bin/kakehashi.js')
const fixture = (name: string) => path.resolve('test/fixtures/import', name)

function kakehashi(...args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

beforeAll(() => {
  if (!fs.existsSync('out/main/cli.js')) throw new Error('out/main/cli.js is missing: run `npm run build` first (npm test does).')
})

describe('kakehashi import', () => {
  it('imports a CP932 list, prints counts, and --dry-run writes nothing', () => {
    const db = path.join(tempDir(), 'i.db')
    expect(kakehashi('init', '--db', db).code).toBe(0)
    const dry = kakehashi(
      'import',
      '--db',
      db,
      '--kind',
      'contacts',
      fixture('excel-cp932-title-rows.csv'),
      '--dry-run',
      '--json',
    )
    expect(dry.code).toBe(0)
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, encoding: 'cp932', rows: { rows: 4, ok: 4 } })
    expect(JSON.parse(kakehashi('check', '--db', db, '--json').stdout).counts.contacts).toBe(0)
    const run = kakehashi('import', '--db', db, fixture('excel-cp932-title-rows.csv'), '--json')
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ created: 4, merged: 0, skipped: 0, errors: 0 })
    // The same file again: every row is a duplicate, skipped by default, merged on request.
    expect(JSON.parse(kakehashi('import', '--db', db, fixture('excel-cp932-title-rows.csv'), '--json').stdout)).toMatchObject({
      created: 0,
      skipped: 4,
    })
    expect(
      JSON.parse(
        kakehashi('import', '--db', db, fixture('excel-cp932-title-rows.csv'), '--on-duplicate', 'merge', '--json').stdout,
      ),
    ).toMatchObject({ merged: 4 })
  })

  it('--dry-run opens the database read-only: no daily backup, not a byte changed, an older file refused', async () => {
    const dir = tempDir()
    const db = path.join(dir, 'i.db')
    expect(kakehashi('init', '--db', db).code).toBe(0)
    const before = fs.readFileSync(db)
    const files = () => fs.readdirSync(dir).sort()
    const listed = files()
    for (const kind of ['contacts', 'visits'] as const) {
      const source = fixture(kind === 'contacts' ? 'excel-cp932-title-rows.csv' : 'signin-visits-cp932.csv')
      const dry = kakehashi('import', '--db', db, '--kind', kind, source, '--dry-run', '--json')
      expect(dry.code, dry.stderr).toBe(0)
      expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true })
    }
    // The first open of the day backs up; a dry run is not an open for work.
    expect(files()).toEqual(listed)
    expect(fs.readFileSync(db).equals(before)).toBe(true)

    // A file from an earlier version would have to be migrated (written) first: said so, left alone.
    const old = path.join(dir, 'old.db')
    const handle = openDatabase(old)
    await migrate(handle, { migrations: migrations.slice(0, 8) })
    handle.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    await handle.close()
    const oldBytes = fs.readFileSync(old)
    const refused = kakehashi('import', '--db', old, fixture('excel-cp932-title-rows.csv'), '--dry-run')
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toContain('以前のバージョンのかけはしの形式')
    expect(fs.readFileSync(old).equals(oldBytes)).toBe(true)
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false)
    // Without --dry-run the same file is brought up to date (behind a backup) and imported.
    const run = kakehashi('import', '--db', old, fixture('excel-cp932-title-rows.csv'), '--json')
    expect(run.code, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ created: 4 })
  })

  it('--encoding utf16 reads UTF-16 lists in either byte order', () => {
    const dir = tempDir()
    const db = path.join(dir, 'i.db')
    expect(kakehashi('init', '--db', db).code).toBe(0)
    const text = '氏名,フリガナ,メールアドレス\r\n試験 花子,シケン ハナコ,hanako.utf16@example.jp\r\n'
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])
    fs.writeFileSync(path.join(dir, 'le.txt'), le)
    fs.writeFileSync(path.join(dir, 'be.txt'), be)
    for (const [file, encoding] of [
      ['le.txt', 'utf16le'],
      ['be.txt', 'utf16be'],
    ] as const) {
      const run = kakehashi('import', '--db', db, path.join(dir, file), '--encoding', 'utf16', '--dry-run', '--json')
      expect(run.code).toBe(0)
      expect(JSON.parse(run.stdout)).toMatchObject({ encoding, rows: { rows: 1, ok: 1 } })
    }
    const wrong = kakehashi('import', '--db', db, path.join(dir, 'le.txt'), '--encoding', 'utf32')
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toContain('--encoding は auto / utf8 / cp932 / utf16')
  })

  it('exits non-zero and writes nothing when the file cannot be read', () => {
    const dir = tempDir()
    const db = path.join(dir, 'i.db')
    expect(kakehashi('init', '--db', db).code).toBe(0)
    const before = fs.readFileSync(db)
    fs.writeFileSync(path.join(dir, 'broken.csv'), Buffer.from([0, 1, 2, 3, 0, 0, 0xff]))
    const broken = kakehashi('import', '--db', db, path.join(dir, 'broken.csv'))
    expect(broken.code).toBe(1)
    expect(broken.stderr).toContain('テキストのファイルではない')
    const missing = kakehashi('import', '--db', db, path.join(dir, 'none.csv'))
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('none.csv が見つかりません')
    expect(fs.readFileSync(db).equals(before)).toBe(true)
  })

  it('refuses a file with nothing to import (only a header, or an error on every row), writing nothing', () => {
    const dir = tempDir()
    const db = path.join(dir, 'i.db')
    expect(kakehashi('init', '--db', db).code).toBe(0)
    const batches = () => JSON.parse(kakehashi('check', '--db', db, '--json').stdout).counts
    const before = batches()
    fs.writeFileSync(path.join(dir, 'header.csv'), '氏名,メール\n')
    const header = kakehashi('import', '--db', db, path.join(dir, 'header.csv'))
    expect(header.code).toBe(1)
    expect(header.stderr).toContain('データの行がありません')
    fs.writeFileSync(path.join(dir, 'bad.csv'), '氏名,メール\n山田 太郎,yamada＠example\n,a@example.jp\n')
    for (const kind of ['contacts', 'visits']) {
      const bad = kakehashi('import', '--db', db, '--kind', kind, path.join(dir, 'bad.csv'), '--json')
      expect(bad.code, kind).toBe(1)
      expect(JSON.parse(bad.stderr).error.message).toMatch(
        /取り込める行がありません（2行すべてにエラーがあります。2行目: .+／3行目: /,
      )
    }
    expect(batches()).toEqual(before)
  })

  it('a folder given as the database, or a database another program holds, is said so in Japanese', async () => {
    const dir = tempDir()
    const db = path.join(dir, 'i.db')
    expect(kakehashi('init', '--db', db).code).toBe(0)
    fs.writeFileSync(path.join(dir, 'l.csv'), '氏名\n山田 太郎\n')
    const folder = kakehashi('import', '--db', dir, path.join(dir, 'l.csv'))
    expect(folder.code).toBe(1)
    expect(folder.stderr).toContain('データベースとしてフォルダーが指定されています')
    // Held by another connection's write transaction: busy, not 「壊れている…復元してください」.
    const holder = openDatabase(db)
    holder.sqlite.exec('BEGIN EXCLUSIVE')
    holder.sqlite.exec('CREATE TABLE held (x)')
    try {
      const busy = kakehashi('import', '--db', db, path.join(dir, 'l.csv'), '--json')
      expect(busy.code).toBe(1)
      expect(JSON.parse(busy.stderr).error).toMatchObject({
        code: 'DB_UNREADABLE',
        message: expect.stringContaining('別のプログラムが使用中'),
      })
    } finally {
      holder.sqlite.exec('ROLLBACK')
      await holder.close()
    }
  }, 30_000)

  it('a read-only or forbidden database is not called damaged (no advice to restore a backup)', () => {
    // Root, as CI runs, may write to a read-only file: the driver's codes are checked directly.
    for (const code of ['SQLITE_READONLY', 'SQLITE_READONLY_DBMOVED', 'SQLITE_CANTOPEN', 'EACCES']) {
      const error = accessError(Object.assign(new Error('attempt to write a readonly database'), { code }))
      expect(error, code).toMatchObject({ code: 'DB_UNREADABLE', message: expect.stringContaining('書き込めません') })
    }
    expect(accessError(Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' }))).toBeNull()
  })

  it('--sheet picks the sheet of an .xlsx; without it, the sheet that holds a list', async () => {
    const dir = tempDir()
    const db = path.join(dir, 'i.db')
    expect(kakehashi('init', '--db', db).code).toBe(0)
    const book = new ExcelJS.Workbook()
    book.addWorksheet('記入のしかた').addRow(['この名簿には参加者を1行に1人ずつ書いてください'])
    const list = book.addWorksheet('名簿')
    list.addRow(['氏名', 'メール'])
    list.addRow(['隠岐 港', 'minato.oki@example.jp'])
    const file = path.join(dir, 'book.xlsx')
    fs.writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()))
    expect(kakehashi('import', '--db', db, file, '--sheet', '記入のしかた').code).toBe(1) // nothing to import there
    const found = kakehashi('import', '--db', db, file, '--dry-run', '--json')
    expect(JSON.parse(found.stdout)).toMatchObject({ sheet: '名簿', notes: [expect.stringContaining('シートが2枚あります')] })
    const run = kakehashi('import', '--db', db, file, '--sheet', '名簿', '--json')
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ sheet: '名簿', sheets: ['記入のしかた', '名簿'], created: 1 })
    expect(kakehashi('import', '--db', db, file, '--sheet', 'なし').stderr).toContain('シート「なし」が見つかりません')
  })

  // Six CLI runs, each a fresh Node process: 30 s was too little on a loaded 2-core machine.
  it('takes a mapping file and explains bad options', { timeout: 120_000 }, () => {
    const dir = tempDir()
    const db = path.join(dir, 'i.db')
    expect(kakehashi('init', '--db', db).code).toBe(0)
    const mapping = path.join(dir, 'map.json')
    fs.writeFileSync(mapping, JSON.stringify({ お名前: 'fullName', メールアドレス: 'email' }))
    const run = kakehashi('import', '--db', db, fixture('google-forms-utf8.csv'), '--mapping', mapping, '--json')
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout).mapping).toEqual([
      'ignore',
      'fullName',
      'ignore',
      'email',
      'ignore',
      'ignore',
      'ignore',
      'ignore',
      'ignore',
    ])
    expect(kakehashi('import', '--db', db, fixture('google-forms-utf8.csv'), '--on-duplicate', 'maybe').code).toBe(2)
    // visits and programs are kinds of their own (cli-import-kinds.test.ts); anything else is refused.
    expect(kakehashi('import', '--db', db, '--kind', 'events', fixture('google-forms-utf8.csv')).stderr).toContain(
      '--kind は contacts / visits / programs のいずれかです',
    )
    // With --json, a usage error is one JSON document too (exit 2).
    const usage = kakehashi('import', '--db', db, '--kind', 'events', fixture('google-forms-utf8.csv'), '--json')
    expect(usage.code).toBe(2)
    expect(JSON.parse(usage.stderr)).toMatchObject({ ok: false, error: { code: 'USAGE' } })
    // Mapping files that cannot work are refused in Japanese, before anything is written.
    const refused = (content: string) => {
      fs.writeFileSync(mapping, content)
      const r = kakehashi('import', '--db', db, fixture('google-forms-utf8.csv'), '--mapping', mapping)
      expect(r.code, content).toBe(2)
      return r.stderr.split('\n')[0]
    }
    expect(refused('{"お名前": ')).toContain('JSONとして読めません')
    expect(refused('["fullName"]')).toContain('{"見出し": "項目名"} の形のJSON')
    expect(refused('{"氏名": "fullName"}')).toContain(
      '見出しがこのファイルにひとつもありません（このファイルの見出し: タイムスタンプ、お名前',
    )
    // A column headed like one of Object's own names is just a column the file does not map.
    fs.writeFileSync(mapping, '{"氏名": "fullName"}')
    fs.writeFileSync(path.join(dir, 'odd.csv'), '氏名,constructor\n山田 太郎,x\n')
    expect(kakehashi('import', '--db', db, path.join(dir, 'odd.csv'), '--mapping', mapping, '--dry-run').code).toBe(0)
  })
})
