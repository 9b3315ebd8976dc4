import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { fixture } from './importKindsHelpers'
import { tempDir } from './tempDb'

const bin = path.resolve('bin/kakehashi.js')

function kakehashi(...args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}
const json = (...args: string[]) => {
  const run = kakehashi(...args, '--json')
  expect(run.code, run.stderr).toBe(0)
  return JSON.parse(run.stdout)
}

beforeAll(() => {
  if (!fs.existsSync('out/main/cli.js')) throw new Error('out/main/cli.js is missing: run `npm run build` first (npm test does).')
})

describe('kakehashi import --kind visits|programs', () => {
  it('imports a sign-in sheet of visits: dry run writes nothing, then counts people and visits', () => {
    const db = path.join(tempDir(), 'v.db')
    expect(kakehashi('init', '--db', db).code).toBe(0)
    json('import', '--db', db, fixture('excel-cp932-title-rows.csv'))
    const dry = json('import', '--db', db, '--kind', 'visits', fixture('signin-visits-cp932.csv'), '--dry-run')
    expect(dry).toMatchObject({
      dryRun: true,
      kind: 'visits',
      encoding: 'cp932',
      headerLine: 3,
      rows: { rows: 6, ok: 4, errors: 2 },
    })
    expect(dry.errorsByRow.map((r: { line: number }) => r.line)).toEqual([8, 9])
    expect(json('check', '--db', db).counts).toMatchObject({ contacts: 4, visits: 0 })
    const run = json('import', '--db', db, '--kind', 'visits', fixture('signin-visits-cp932.csv'))
    expect(run).toMatchObject({ created: 2, merged: 0, skipped: 0, errors: 2, visitsCreated: 4, alreadyAttended: 0 })
    expect(json('check', '--db', db).counts).toMatchObject({ contacts: 6, visits: 4 })
    const human = kakehashi('import', '--db', db, '--kind', 'visits', fixture('signin-visits-cp932.csv'))
    expect(human.code).toBe(0)
    // The same sheet again: everyone is known and every visit is already recorded.
    expect(human.stdout).toContain('参加・訪問 0件（記録済みのため省略 4件）、新規の人 0人')
    expect(json('check', '--db', db).counts).toMatchObject({ contacts: 6, visits: 4 })
  })

  it('imports programs with sessions, and again adds nothing', () => {
    const db = path.join(tempDir(), 'p.db')
    expect(kakehashi('init', '--db', db).code).toBe(0)
    expect(json('import', '--db', db, '--kind', 'programs', fixture('programs-sessions.xlsx'))).toMatchObject({
      kind: 'programs',
      format: 'xlsx',
      errors: 1,
      programsCreated: 2,
      sessionsCreated: 4,
      sessionsExisting: 0,
      sessionsRepeated: 1,
    })
    expect(json('import', '--db', db, '--kind', 'programs', fixture('programs-sessions.xlsx'))).toMatchObject({
      programsCreated: 0,
      sessionsCreated: 0,
      sessionsExisting: 5,
    })
  })

  it('refuses unknown kinds, unreadable files and mapping fields of another kind, writing nothing', () => {
    const dir = tempDir()
    const db = path.join(dir, 'x.db')
    expect(kakehashi('init', '--db', db).code).toBe(0)
    const before = fs.readFileSync(db)
    const kind = kakehashi('import', '--db', db, '--kind', 'people', fixture('signin-visits-cp932.csv'))
    expect(kind.code).toBe(2)
    expect(kind.stderr).toContain('--kind は contacts / visits / programs のいずれかです')
    fs.writeFileSync(path.join(dir, 'broken.csv'), Buffer.from([0, 1, 2, 3, 0, 0, 0xff]))
    const broken = kakehashi('import', '--db', db, '--kind', 'visits', path.join(dir, 'broken.csv'))
    expect(broken.code).toBe(1)
    expect(broken.stderr).toContain('テキストのファイルではない')
    fs.writeFileSync(path.join(dir, 'map.json'), JSON.stringify({ 日付: 'programName' }))
    const mapping = kakehashi(
      'import',
      '--db',
      db,
      '--kind',
      'visits',
      fixture('signin-visits-cp932.csv'),
      '--mapping',
      path.join(dir, 'map.json'),
    )
    expect(mapping.code).toBe(2)
    expect(mapping.stderr).toContain('visits の取り込みでは使えません')
    expect(fs.readFileSync(db).equals(before)).toBe(true)
  })
})
