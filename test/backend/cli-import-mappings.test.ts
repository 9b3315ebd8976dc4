import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { openBackend } from '../../electron/backend/backend'
import { toCsv } from '../../shared/domain/csv'
import { parseDelimited } from '../../shared/domain/import/delimited'
import { tempDir } from './tempDb'

const bin = path.resolve('bin/kakehashi.js')
const formsText = fs.readFileSync(path.resolve('test/fixtures/import/google-forms-utf8.csv'), 'utf8')

function kakehashi(...args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

beforeAll(() => {
  if (!fs.existsSync('out/main/cli.js')) throw new Error('out/main/cli.js is missing: run `npm run build` first (npm test does).')
})

/** A database with one saved mapping, as the app would have saved it. */
async function dbWithSavedMapping(dir: string): Promise<string> {
  const db = path.join(dir, 'm.db')
  expect(kakehashi('init', '--db', db).code).toBe(0)
  const backend = await openBackend({ file: db, userName: 'tester' })
  await backend.client.call('import.mappings.save', {
    name: '申込フォーム',
    columns: [
      { header: 'タイムスタンプ', field: 'ignore' },
      { header: 'お名前', field: 'fullName' },
      { header: 'ふりがな', field: 'ignore' },
      { header: 'メールアドレス', field: 'email' },
      { header: '電話番号', field: 'phone' },
      { header: '年齢', field: 'notes' },
    ],
  })
  await backend.close()
  return db
}

describe('kakehashi import --mapping NAME', () => {
  it('applies the saved mapping by header, whatever the column order', async () => {
    const dir = tempDir()
    const db = await dbWithSavedMapping(dir)
    const moved = path.join(dir, 'moved.csv')
    const order = [6, 3, 1, 0, 4, 2, 5, 7, 8]
    fs.writeFileSync(moved, toCsv(parseDelimited(formsText).rows.map((row) => order.map((i) => row[i] ?? ''))))
    const run = kakehashi('import', '--db', db, moved, '--mapping', '申込フォーム', '--json')
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const out = JSON.parse(run.stdout)
    // Saved columns by header; the two the mapping does not know got the suggestion.
    expect(out.mapping).toEqual([
      'notes',
      'email',
      'fullName',
      'ignore',
      'phone',
      'ignore',
      'prefecture',
      'firstContact',
      'ignore',
    ])
    expect(out.created).toBeGreaterThan(0)
    const check = new (await import('better-sqlite3')).default(db, { readonly: true })
    const taro = check.prepare(`SELECT email, notes, family_kana AS familyKana FROM contacts WHERE family_name = '山田'`).get()
    check.close()
    expect(taro).toEqual({ email: 'taro.yamada@example.jp', notes: '34', familyKana: null })
  })

  it('an unknown name exits 2, lists the saved names, and writes nothing', async () => {
    const dir = tempDir()
    const db = await dbWithSavedMapping(dir)
    const file = path.join(dir, 'forms.csv')
    fs.writeFileSync(file, formsText)
    const before = fs.readFileSync(db)
    const run = kakehashi('import', '--db', db, file, '--mapping', '別の名簿')
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('「別の名簿」という対応付けは保存されていません')
    expect(run.stderr).toContain('「申込フォーム」')
    expect(fs.readFileSync(db).equals(before)).toBe(true)
  })
})
