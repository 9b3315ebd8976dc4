import fs from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Backend } from '../../electron/backend/backend'
import type { FileDownload } from '../../shared/contract/files'
import { localHeader, unzipProtected } from './protectedZipRead'
import { freshBackend } from './tempDb'

const PASSWORD = 'kakehashi-Pw-2026'

afterEach(() => {
  vi.useRealTimers()
})

/** Freezes the clock (Date only) so two exports of the same data are the same bytes (XLSX stamps its creation time). */
function freezeDate() {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-20T10:00:00Z') })
}

function somePeople(backend: Backend, n: number): string[] {
  return backend.context.handle.sqlite
    .prepare(`SELECT id FROM contacts WHERE deleted_at IS NULL ORDER BY id LIMIT ${n}`)
    .pluck()
    .all() as string[]
}

/** The password must not be anywhere: the audit log, the database file and its WAL, the exported bytes. */
function expectPasswordNowhere(backend: Backend, files: FileDownload[]) {
  const { sqlite, file } = backend.context.handle
  const needle = Buffer.from(PASSWORD)
  expect(JSON.stringify(sqlite.prepare(`SELECT * FROM audit_log`).all())).not.toContain(PASSWORD)
  expect(fs.readFileSync(file).includes(needle)).toBe(false)
  if (fs.existsSync(`${file}-wal`)) expect(fs.readFileSync(`${file}-wal`).includes(needle)).toBe(false)
  for (const f of files) expect(Buffer.from(f.base64, 'base64').includes(needle)).toBe(false)
}

async function expectAesZip(file: FileDownload, inner: string) {
  expect(file.fileName).toMatch(/\.zip$/)
  expect(file.mimeType).toBe('application/zip')
  expect(Buffer.from(file.base64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK')
  expect(localHeader(file)).toEqual({ encrypted: true, method: 99, aes: { vendor: 'AE', strength: 3, method: 8 } })
  await expect(unzipProtected(file, 'wrong-password')).rejects.toThrow()
  await expect(unzipProtected(file)).rejects.toThrow()
  expect((await unzipProtected(file, PASSWORD)).name).toBe(inner)
}

function lastExportAudit(backend: Backend, entity: string): Record<string, unknown> {
  const row = backend.context.handle.sqlite
    .prepare(`SELECT changes FROM audit_log WHERE action = 'export' AND entity = ? ORDER BY rowid DESC LIMIT 1`)
    .pluck()
    .get(entity) as string
  return JSON.parse(row) as Record<string, unknown>
}

describe('password-protected exports of personal data (AES-256 zip)', () => {
  it('participants CSV and XLSX: the zip decrypts to the same bytes as the plain export; wrong password fails', async () => {
    const backend = await freshBackend({ demo: true })
    const ids = somePeople(backend, 25)
    freezeDate()
    for (const format of ['csv', 'xlsx'] as const) {
      const plain = await backend.client.call('contacts.export', { ids, format })
      expect(plain.fileName).toMatch(new RegExp(`\\.${format}$`))
      expect(lastExportAudit(backend, 'contact')).toMatchObject({ passwordProtected: [null, false] })

      const zipped = await backend.client.call('contacts.export', { ids, format, password: PASSWORD })
      await expectAesZip(zipped, plain.fileName)
      expect(zipped.fileName).toBe(plain.fileName.replace(/\.(csv|xlsx)$/, '.zip'))
      const inner = await unzipProtected(zipped, PASSWORD)
      expect(inner.bytes.equals(Buffer.from(plain.base64, 'base64'))).toBe(true)
      // The audit trail says the export was protected, and nothing about the password.
      expect(lastExportAudit(backend, 'contact')).toMatchObject({ count: [null, 25], passwordProtected: [null, true] })
      expectPasswordNowhere(backend, [zipped])
    }
  })

  it('refuses a short password with a Japanese message, without echoing it, and exports nothing', async () => {
    const backend = await freshBackend({ demo: true })
    const ids = somePeople(backend, 3)
    const before = backend.context.handle.sqlite.prepare(`SELECT count(*) FROM audit_log`).pluck().get()
    const error = await backend.client
      .call('contacts.export', { ids, format: 'csv', password: 'short7!' })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'INVALID_ARGS', message: 'パスワードは8文字以上で指定してください' })
    expect(JSON.stringify(error)).not.toContain('short7!')
    expect(backend.context.handle.sqlite.prepare(`SELECT count(*) FROM audit_log`).pluck().get()).toBe(before)
  })

  it('開示 (disclosure): protected zip holds the same document; the export is logged as protected', async () => {
    const backend = await freshBackend({ demo: true })
    const [contactId] = somePeople(backend, 1)
    const person = await backend.client.call('contacts.get', { id: contactId! })
    const zipped = await backend.client.call('privacy.disclosure', { contactId: contactId!, password: PASSWORD })
    const inner = await unzipProtected(zipped, PASSWORD)
    await expectAesZip(zipped, inner.name)
    // Zip names are not encrypted: neither the zip nor its entry names the person.
    expect(inner.name).toMatch(/^開示_\d{4}-\d{2}-\d{2}\.json$/)
    expect(zipped.fileName).toMatch(/^開示_\d{4}-\d{2}-\d{2}\.zip$/)
    for (const label of [inner.name, zipped.fileName]) expect(label).not.toContain(String(person.familyName))
    const doc = JSON.parse(inner.bytes.toString('utf8')) as Record<string, unknown[]>
    expect(doc['本人の登録情報']![0]).toMatchObject({ ID: contactId, 姓: person.familyName })
    expect(lastExportAudit(backend, 'contact')).toMatchObject({ passwordProtected: [null, true] })

    // The plain export is the same document (its audit section has this second export's line too).
    const plain = await backend.client.call('privacy.disclosure', { contactId: contactId! })
    expect(plain.fileName).toBe(inner.name.replace('開示_', `開示_${person.familyName}${person.givenName ?? ''}_`))
    const plainDoc = JSON.parse(Buffer.from(plain.base64, 'base64').toString('utf8')) as Record<string, unknown[]>
    const withoutAudit = (d: Record<string, unknown[]>) => ({ ...d, '変更の記録（監査ログ）': null })
    expect(withoutAudit(plainDoc)).toEqual(withoutAudit(doc))
    expect(plainDoc['変更の記録（監査ログ）']!.length).toBe(doc['変更の記録（監査ログ）']!.length + 1)
    expect(lastExportAudit(backend, 'contact')).toMatchObject({ passwordProtected: [null, false] })
    expectPasswordNowhere(backend, [zipped])
  })

  it('report with roster (XLSX) and a figures-only CSV: protected on request, same bytes inside', async () => {
    const backend = await freshBackend({ demo: true })
    const fiscalYear = backend.context.handle.sqlite
      .prepare(
        `SELECT CASE WHEN substr(visit_date, 6, 2) >= '04' THEN 0 ELSE -1 END + CAST(substr(visit_date, 1, 4) AS INTEGER)
         FROM visits GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
      )
      .pluck()
      .get() as number
    freezeDate()
    const roster = { fiscalYear, format: 'xlsx', includeRoster: true } as const
    const plain = await backend.client.call('reports.export', roster)
    expect(lastExportAudit(backend, 'report_roster')).toMatchObject({ passwordProtected: [null, false] })
    const zipped = await backend.client.call('reports.export', { ...roster, password: PASSWORD })
    await expectAesZip(zipped.file, plain.file.fileName)
    expect((await unzipProtected(zipped.file, PASSWORD)).bytes.equals(Buffer.from(plain.file.base64, 'base64'))).toBe(true)
    expect(lastExportAudit(backend, 'report_roster')).toMatchObject({ passwordProtected: [null, true] })

    const csv = { fiscalYear, format: 'csv', csvTable: 'byArea' } as const
    const plainCsv = await backend.client.call('reports.export', csv)
    const zippedCsv = await backend.client.call('reports.export', { ...csv, password: PASSWORD })
    await expectAesZip(zippedCsv.file, plainCsv.file.fileName)
    expect((await unzipProtected(zippedCsv.file, PASSWORD)).bytes.equals(Buffer.from(plainCsv.file.base64, 'base64'))).toBe(true)
    expectPasswordNowhere(backend, [zipped.file, zippedCsv.file])
  })

  it('end of contract: the returned data is a protected zip of the same JSON; the wipe log notes it', async () => {
    const backend = await freshBackend({ demo: true })
    const { sqlite } = backend.context.handle
    const programId = sqlite
      .prepare(`SELECT program_id FROM visits WHERE program_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)
      .pluck()
      .get() as string
    const visits = sqlite.prepare(`SELECT count(*) FROM visits WHERE program_id = ?`).pluck().get(programId) as number
    const preview = await backend.client.call('privacy.programWipePreview', { programId })
    const result = await backend.client.call('privacy.programWipe', {
      programId,
      expectedPeople: preview.peopleDeleted,
      password: PASSWORD,
    })
    const inner = await unzipProtected(result.export, PASSWORD)
    await expectAesZip(result.export, inner.name)
    expect(inner.name).toMatch(/^返却データ_.*\.json$/)
    const data = JSON.parse(inner.bytes.toString('utf8')) as { visits: unknown[] }
    expect(data.visits).toHaveLength(visits)
    const audit = sqlite
      .prepare(`SELECT changes FROM audit_log WHERE entity = 'program_data' AND entity_id = ?`)
      .pluck()
      .get(programId) as string
    expect(JSON.parse(audit)).toMatchObject({ exportPasswordProtected: [null, true] })
    expectPasswordNowhere(backend, [result.export])
  })

  it('without a password every export is the plain file, as before', async () => {
    const backend = await freshBackend({ demo: true })
    const ids = somePeople(backend, 2)
    const csv = await backend.client.call('contacts.export', { ids, format: 'csv' })
    expect(Buffer.from(csv.base64, 'base64').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    const disclosure = await backend.client.call('privacy.disclosure', { contactId: ids[0]! })
    expect(disclosure.mimeType).toBe('application/json')
    expect(() => JSON.parse(Buffer.from(disclosure.base64, 'base64').toString('utf8')) as unknown).not.toThrow()
  })
})
