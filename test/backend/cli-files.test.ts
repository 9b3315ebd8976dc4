import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import os from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/**
 * The files a command is told to read or write (--out, --template, the import's source): a
 * mistake there is named in the user's words, with the path, never as Node's "EISDIR: illegal
 * operation" nor blamed on the database; and a refused write leaves nothing behind.
 */
const bin = path.resolve('bin/kakehashi.js')
const kakehashi = (...args: string[]) => {
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

let dir: string
let db: string
beforeAll(() => {
  if (!fs.existsSync('out/main/cli.js')) throw new Error('out/main/cli.js is missing: run `npm run build` first (npm test does).')
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kakehashi-cli-files-'))
  db = path.join(dir, 'k.db')
  expect(kakehashi('init', '--db', db).code).toBe(0)
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const leftovers = () => fs.readdirSync(dir).filter((name) => name.includes('.tmp'))

describe('CLI file mistakes', () => {
  it('report --out onto a folder: says the folder is one, not that the database is; no temporary file left', () => {
    const folder = path.join(dir, 'reports')
    fs.mkdirSync(folder)
    const run = kakehashi('report', '--db', db, '--fy', '2025', '--format', 'xlsx', '--out', folder)
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(`エラー: ${folder} はフォルダーです。書き出すファイルの名前まで指定してください。\n`)
    expect(leftovers()).toEqual([])
    expect(fs.readdirSync(folder)).toEqual([])

    const json = kakehashi('report', '--db', db, '--fy', '2025', '--out', folder, '--json')
    expect(JSON.parse(json.stderr)).toEqual({
      ok: false,
      error: { code: 'FILE', message: `${folder} はフォルダーです。書き出すファイルの名前まで指定してください。` },
    })
  })

  it('report --format csv --out onto a file: CSV needs a folder, and the file is untouched', () => {
    const file = path.join(dir, 'already.txt')
    fs.writeFileSync(file, 'keep me')
    const run = kakehashi('report', '--db', db, '--fy', '2025', '--format', 'csv', '--out', file)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      `${file} はファイルです。CSV は表ごとに別のファイルになるため、--out にはフォルダーを指定してください。`,
    )
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me')
  })

  it('report --out under a file (a file where a folder should be) is explained', () => {
    const file = path.join(dir, 'plain.txt')
    fs.writeFileSync(file, 'x')
    const run = kakehashi('report', '--db', db, '--fy', '2025', '--format', 'xlsx', '--out', path.join(file, 'r.xlsx'))
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('の途中に、フォルダーではなくファイルがあります')
    expect(run.stderr).not.toMatch(/ENOTDIR|EEXIST/)
  })

  it('a missing --template is named, not ENOENT', () => {
    const template = path.join(dir, 'no-such-form.xlsx')
    const run = kakehashi('report', '--db', db, '--fy', '2025', '--template', template, '--out', path.join(dir, 'f.xlsx'))
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(`エラー: ${template} が見つかりません。\n`)
    expect(fs.existsSync(path.join(dir, 'f.xlsx'))).toBe(false)
  })

  it('backup --out onto a folder asks for a file name in it', () => {
    const folder = path.join(dir, 'usb')
    fs.mkdirSync(folder)
    const run = kakehashi('backup', '--db', db, '--out', folder)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`${folder} はフォルダーです。バックアップのファイル名まで指定してください`)
    expect(fs.readdirSync(folder)).toEqual([])
  })

  it('backup --out where a folder cannot be (a file in its place) gives the reason, as the app does', () => {
    const file = path.join(dir, 'stick.txt')
    fs.writeFileSync(file, 'x')
    const target = path.join(file, 'k.bak')
    const run = kakehashi('backup', '--db', db, '--out', target)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`${target} が見つかりません。USBメモリが抜かれたか`)
    expect(fs.readFileSync(file, 'utf8')).toBe('x')
  })

  it('import of a missing file or a folder says which, and the database is unchanged', () => {
    const before = fs.readFileSync(db)
    const missing = path.join(dir, 'meibo.csv')
    const run = kakehashi('import', '--db', db, '--kind', 'contacts', missing)
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(`エラー: ${missing} が見つかりません。\n`)
    const folder = kakehashi('import', '--db', db, '--kind', 'visits', dir)
    expect(folder.code).toBe(1)
    expect(folder.stderr).toBe(`エラー: ${dir} はフォルダーです。ファイルを指定してください。\n`)
    expect(fs.readFileSync(db).equals(before)).toBe(true)
  })
})
