/**
 * Import benchmark (issue 5): a 100k-row Shift_JIS CSV into a 100k-person database, with
 * duplicate detection, against a raw better-sqlite3 insert of the same rows in the same run.
 * BENCH_IMPORT_ROWS (100000), BENCH_CONTACTS (100000). Writes bench-results/import.json.
 */
import fs from 'node:fs'
import path from 'node:path'
import iconv from 'iconv-lite'
import { expect, it } from 'vitest'
import { openBackend } from '../../electron/backend/backend'
import { openDatabase } from '../../electron/backend/db/connection'
import { migrate } from '../../electron/backend/db/migrate'
import { generateDataset } from '../../electron/backend/demo/generate'
import { previewContactsImport, commitContactsImport } from '../../electron/backend/import/contactsImport'
import { round, table } from './measure'
import { contactSearchKey } from '../../shared/domain/contactSearch'

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000)
const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 100_000)
const OUT_DIR = path.resolve('bench-results')
const TARGETS = { seconds: 10, ratio: 4 }

interface Person {
  family_name: string
  given_name: string
  family_kana: string | null
  given_kana: string | null
  email: string | null
  phone: string | null
  birth_date: string | null
}

it(`imports ${ROWS.toLocaleString()} CP932 rows into ${CONTACTS.toLocaleString()} people`, async () => {
  fs.mkdirSync(OUT_DIR, { recursive: true })
  const dbFile = path.join(OUT_DIR, 'import-bench.db')
  const rawFile = path.join(OUT_DIR, 'import-raw.db')
  for (const f of [dbFile, rawFile]) for (const s of ['', '-wal', '-shm']) fs.rmSync(f + s, { force: true })
  const handle = openDatabase(dbFile)
  await migrate(handle)
  await generateDataset(handle, { contacts: CONTACTS, visits: 10_000, seed: 7 })
  const people = handle.sqlite
    .prepare(
      `SELECT family_name, given_name, family_kana, given_kana, email, phone, birth_date FROM contacts WHERE deleted_at IS NULL`,
    )
    .all() as Person[]
  await handle.sqlite.backup(rawFile)
  await handle.close()

  // One row in five is someone already in the database (their e-mail, phone and birth date);
  // the rest are new people with their own e-mail, phone and birth date, whose names are drawn
  // from the same pool and so still meet namesakes (同姓同名) that must be scored.
  const header = '氏名,フリガナ,メールアドレス,電話番号,生年月日,都道府県'
  const lines = [header]
  const rows: Person[] = []
  for (let i = 0; i < ROWS; i++) {
    const a = people[(i * 7919) % people.length]!
    const b = people[(i * 104729 + 13) % people.length]!
    const p: Person =
      i % 5 === 0
        ? a
        : {
            ...a,
            given_name: b.given_name,
            given_kana: b.given_kana,
            email: `new.${i}@example.jp`,
            phone: `050-00${String(Math.floor(i / 10000)).padStart(2, '0')}-${String(i % 10000).padStart(4, '0')}`,
            birth_date: isoDay(Date.UTC(1950, 0, 1) + ((i * 7919) % 20000) * 86_400_000),
          }
    rows.push(p)
    lines.push(
      [
        `${p.family_name} ${p.given_name}`,
        `${p.family_kana ?? ''} ${p.given_kana ?? ''}`.trim(),
        p.email ?? '',
        p.phone ?? '',
        p.birth_date ?? '',
        '東京都',
      ].join(','),
    )
  }
  const csv = iconv.encode(lines.join('\r\n') + '\r\n', 'Shift_JIS')

  // The day's first open takes a backup in the background; that is not part of an import.
  const backend = await openBackend({ file: dbFile, userName: 'bench', dailyBackup: false })
  const started = performance.now()
  const { view, preview } = await previewContactsImport(backend.context, { fileName: 'bench.csv', bytes: csv }, {})
  const previewMs = performance.now() - started
  // The coordinator's bulk choice: a match on e-mail or phone (score ≥ 95) is the same person
  // and is skipped; a match on name and reading alone (同姓同名) is registered as new.
  const decisions: Record<string, { action: 'new' }> = {}
  for (const row of preview.rows) if (row.duplicates.length > 0 && row.duplicates[0]!.match.score < 95) decisions[row.index] = { action: 'new' }
  const commitStarted = performance.now()
  const result = await commitContactsImport(backend.context, view.previewId, 'skip', decisions)
  const commitMs = performance.now() - commitStarted
  const totalMs = performance.now() - started
  await backend.close()

  // Raw baseline: the same rows' values, every one of them, straight into contacts with one
  // prepared statement in one transaction, on a connection set up like the app's (same
  // pragmas, same triggers and indexes). Search keys are computed before the clock starts.
  const raw = openDatabase(rawFile)
  const insert = raw.sqlite.prepare(
    `INSERT INTO contacts (id, family_name, given_name, family_kana, given_kana, email, phone, birth_date, prefecture_code, stage, consent_purposes, search_key, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, '13', 'tsukamu', '[]', ?, ?, ?)`,
  )
  const keyed = rows.map((p) => ({
    ...p,
    search_key: contactSearchKey({
      familyName: p.family_name,
      givenName: p.given_name,
      familyKana: p.family_kana,
      givenKana: p.given_kana,
      email: p.email,
      phone: p.phone,
      affiliation: null,
      notes: null,
    }),
  }))
  const now = new Date().toISOString()
  const rawStarted = performance.now()
  raw.sqlite.transaction(() => {
    keyed.forEach((p, i) =>
      insert.run(
        `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
        p.family_name,
        p.given_name,
        p.family_kana,
        p.given_kana,
        p.email,
        p.phone,
        p.birth_date,
        p.search_key,
        now,
        now,
      ),
    )
  })()
  const rawMs = performance.now() - rawStarted
  await raw.close()

  const ratio = totalMs / rawMs
  const pass = totalMs < TARGETS.seconds * 1000 && ratio <= TARGETS.ratio
  console.log(
    `\nImport benchmark — ${ROWS.toLocaleString()} CP932 rows (${(csv.length / 1e6).toFixed(1)} MB) into ${CONTACTS.toLocaleString()} people\n\n` +
      table(
        ['measure', 'time', 'raw insert', 'ratio', 'target', 'result'],
        [
          ['preview (decode, parse, validate, duplicates)', `${round(previewMs / 1000)} s`, '', '', '', 'info'],
          ['commit (backup before import, one transaction)', `${round(commitMs / 1000)} s`, '', '', '', 'info'],
          [
            'preview + commit',
            `${round(totalMs / 1000)} s`,
            `${round(rawMs / 1000)} s`,
            `${round(ratio)}×`,
            `< ${TARGETS.seconds} s, ≤ ${TARGETS.ratio}× raw`,
            pass ? 'PASS' : 'FAIL',
          ],
        ],
      ) +
      `\n\nresult: ${JSON.stringify(result)}\n`,
  )
  fs.writeFileSync(
    path.join(OUT_DIR, 'import.json'),
    JSON.stringify(
      { rows: ROWS, contacts: CONTACTS, bytes: csv.length, previewMs, commitMs, totalMs, rawMs, ratio, result, pass },
      null,
      2,
    ),
  )
  expect(result.created + result.skipped + result.merged + result.errors).toBe(ROWS)
  // Every new person is registered; the people already there are skipped unless only their
  // name and reading matched (someone stored without contact details or birth date).
  expect(result.created).toBeGreaterThanOrEqual((ROWS * 4) / 5)
  expect(result.skipped).toBeLessThanOrEqual(ROWS / 5)
  for (const f of [dbFile, rawFile]) for (const s of ['', '-wal', '-shm']) fs.rmSync(f + s, { force: true })
})
