import { describe, expect, it } from 'vitest'
import { fiscalYearOf } from '../../shared/domain/dates'
import type { Database as Sqlite } from 'better-sqlite3'
import type { Backend } from '../../electron/backend/backend'
import { buildReport } from '../../electron/backend/services/reports'
import { freshBackend } from './tempDb'

/**
 * The fiscal-year figures, computed here with our own SQL (independent of the report module):
 * 実人数 and 延べ人数 per 年度, by prefecture and by 10-year age band at April 1.
 */
function figures(sqlite: Sqlite) {
  const fy = `CASE WHEN substr(v.visit_date, 6, 2) >= '04' THEN CAST(substr(v.visit_date, 1, 4) AS INTEGER) ELSE CAST(substr(v.visit_date, 1, 4) AS INTEGER) - 1 END`
  const age = `CASE WHEN c.birth_date IS NOT NULL THEN fy - CAST(substr(c.birth_date, 1, 4) AS INTEGER) - (substr(c.birth_date, 6, 5) > '04-01')
                    WHEN c.birth_year IS NOT NULL THEN fy - c.birth_year - 1 END`
  const rows = (q: string) => sqlite.prepare(q).all()
  const base = `SELECT ${fy} AS fy, v.contact_id, c.prefecture_code, c.birth_date, c.birth_year FROM visits v JOIN contacts c ON c.id = v.contact_id`
  return {
    byYear: rows(
      `SELECT fy, count(DISTINCT contact_id) AS people, count(*) AS attendances FROM (${base}) GROUP BY fy ORDER BY fy`,
    ),
    byPrefecture: rows(
      `SELECT fy, prefecture_code, count(DISTINCT contact_id) AS people, count(*) AS attendances FROM (${base}) GROUP BY 1, 2 ORDER BY 1, 2`,
    ),
    byAgeBand: rows(`SELECT fy, band, count(DISTINCT contact_id) AS people FROM (
        SELECT fy, contact_id, CASE WHEN a IS NULL THEN '不明' WHEN a < 20 THEN '〜19' WHEN a >= 70 THEN '70代以上' ELSE (a / 10) * 10 || '代' END AS band
        FROM (SELECT x.fy, x.contact_id, (SELECT ${age} FROM contacts c WHERE c.id = x.contact_id) AS a FROM (${base}) x))
      GROUP BY 1, 2 ORDER BY 1, 2`),
  }
}

async function reportsOf(backend: Backend, years: number[]) {
  const out: Record<number, unknown> = {}
  for (const fiscalYear of years) {
    const r = await buildReport(backend.context, { fiscalYear, programIds: [], fundingSource: null })
    out[fiscalYear] = {
      uniquePeople: r.uniquePeople,
      totalInvolvements: r.totalInvolvements,
      byPrefecture: r.byPrefecture,
      byAgeBand: r.byAgeBand,
    }
  }
  return out
}

/** Demo people with many visits and an exact birth date, including 早生まれ (Jan–Apr 1). */
function pickPeople(sqlite: Sqlite, n: number): string[] {
  return sqlite
    .prepare(
      `SELECT c.id FROM contacts c JOIN visits v ON v.contact_id = c.id
       WHERE c.birth_date IS NOT NULL AND c.deleted_at IS NULL GROUP BY c.id HAVING count(*) >= 3
       ORDER BY substr(c.birth_date, 6, 5) <= '04-01' DESC, count(*) DESC LIMIT ${n}`,
    )
    .pluck()
    .all() as string[]
}

function fiscalYears(sqlite: Sqlite): number[] {
  return (
    sqlite.prepare(`SELECT DISTINCT CAST(substr(visit_date, 1, 4) AS INTEGER) FROM visits ORDER BY 1`).pluck().all() as number[]
  ).slice(-3)
}

describe('privacy requests', () => {
  it('anonymizing people removes what identifies them and leaves every fiscal-year figure unchanged', async () => {
    const backend = await freshBackend({ demo: true })
    const { sqlite } = backend.context.handle
    const people = pickPeople(sqlite, 12)
    expect(people.length).toBe(12)
    const years = fiscalYears(sqlite)
    const before = figures(sqlite)
    const reportsBefore = await reportsOf(backend, years)
    const original = await backend.client.call('contacts.get', { id: people[0]! })
    await backend.client.call('contacts.update', {
      id: people[0]!,
      patch: { notes: '秘密のメモ', firstContact: '隠岐港さん（浜田市役所）の紹介', occupation: '漁師', affiliation: '隠岐漁協' },
    })

    for (const contactId of people) await backend.client.call('privacy.anonymize', { contactId })

    expect(figures(sqlite)).toEqual(before)
    expect(await reportsOf(backend, years)).toEqual(reportsBefore)
    const after = await backend.client.call('contacts.get', { id: people[0]! })
    expect(after).toMatchObject({
      familyName: '匿名',
      givenName: '',
      familyKana: null,
      email: null,
      phone: null,
      notes: null,
      birthDate: null,
      // Free text that can name people (who introduced them, where they work).
      firstContact: null,
      occupation: null,
      affiliation: null,
    })
    expect(after.prefectureCode).toBe(original.prefectureCode)
    // No trail keeps the old values: not the audit log, not the undo log.
    const dump =
      JSON.stringify(sqlite.prepare(`SELECT * FROM audit_log`).all()) +
      JSON.stringify(sqlite.prepare(`SELECT * FROM undo_log`).all())
    expect(dump).not.toContain('秘密のメモ')
    expect(dump).not.toContain('隠岐港さん')
    expect(dump).not.toContain(original.familyName)
    const log = sqlite
      .prepare(`SELECT action FROM audit_log WHERE entity_id = ? ORDER BY at DESC, rowid DESC`)
      .pluck()
      .all(people[0]!)
    expect(log[0]).toBe('anonymize')
  })

  it("anonymizing or deleting a person clears what their visits' notes said from the audit log", async () => {
    const { client, context } = await freshBackend()
    const { sqlite } = context.handle
    for (const request of ['anonymize', 'delete'] as const) {
      const person = await client.call('contacts.create', { fields: { familyName: '隠岐', givenName: '港' } })
      const visit = async (visitDate: string, note: string) => {
        const { ids } = await client.call('visits.create', {
          contactIds: [person.id],
          programId: null,
          fields: { visitDate, mode: 'onsite' } as never,
        })
        await client.call('visits.update', { id: ids[0]!, patch: { notes: note, purpose: `${note}の用件` } })
        return ids[0]!
      }
      await visit('2024-07-01', `隠岐港さん 090-1111-2222 付き添い(${request})`)
      // A visit removed before the request: its notes were in the log all the same.
      const removed = await visit('2024-08-01', `消した訪問のメモ(${request})`)
      await client.call('visits.delete', { ids: [removed] })
      if (request === 'anonymize') await client.call('privacy.anonymize', { contactId: person.id })
      else await client.call('privacy.delete', { contactId: person.id, expectedVisits: 1 })
      const log = JSON.stringify(sqlite.prepare(`SELECT * FROM audit_log`).all())
      expect(log).not.toContain(`付き添い(${request})`)
      expect(log).not.toContain(`消した訪問のメモ(${request})`)
    }
    // The lines stay (who did what, when), without their values.
    expect(sqlite.prepare(`SELECT count(*) FROM audit_log WHERE entity = 'visit' AND action = 'update'`).pluck().get()).toBe(4)
  })

  it('deleting a person changes the figures exactly as the confirmation said', async () => {
    const backend = await freshBackend({ demo: true })
    const { sqlite } = backend.context.handle
    const [contactId] = pickPeople(sqlite, 1)
    const before = figures(sqlite)
    const preview = await backend.client.call('privacy.deletionPreview', { contactId: contactId! })
    expect(preview.visits).toBeGreaterThanOrEqual(3)
    expect(preview.reportChanges.reduce((s, c) => s + c.attendances, 0)).toBe(-preview.visits)

    await expect(
      backend.client.call('privacy.delete', { contactId: contactId!, expectedVisits: preview.visits + 1 }),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(figures(sqlite)).toEqual(before)

    const result = await backend.client.call('privacy.delete', { contactId: contactId!, expectedVisits: preview.visits })
    expect(result.deletedVisits).toBe(preview.visits)
    const after = figures(sqlite)
    const expected = (before.byYear as { fy: number; people: number; attendances: number }[])
      .map((row) => {
        const change = preview.reportChanges.find((c) => c.fiscalYear === row.fy)
        return change
          ? { fy: row.fy, people: row.people + change.uniquePeople, attendances: row.attendances + change.attendances }
          : row
      })
      .filter((row) => row.attendances > 0)
    expect(after.byYear).toEqual(expected)
    await expect(backend.client.call('contacts.get', { id: contactId! })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(sqlite.prepare(`SELECT count(*) FROM visits WHERE contact_id = ?`).pluck().get(contactId!)).toBe(0)
    // A backup holding the person was taken first, in case the deletion was a mistake.
    expect((await backend.client.call('safety.listBackups', {}))[0]).toMatchObject({ reason: 'before-delete' })
  })

  it('deleting someone already in the trash is said to change no figure, and changes none', async () => {
    const backend = await freshBackend({ demo: true })
    const { sqlite } = backend.context.handle
    const [contactId] = pickPeople(sqlite, 1)
    await backend.client.call('contacts.delete', { ids: [contactId!] })
    // The years they took part in, as the reports show them (a trashed person is not counted).
    const years = [
      ...new Set(
        (sqlite.prepare(`SELECT visit_date FROM visits WHERE contact_id = ?`).pluck().all(contactId!) as string[]).map((d) =>
          fiscalYearOf(d),
        ),
      ),
    ]
    const reports = () =>
      Promise.all(
        years.map(async (fiscalYear) => {
          const r = await backend.client.call('reports.fiscalYear', { fiscalYear })
          return [r.uniquePeople, r.totalInvolvements, r.byPrefecture, r.byAgeBand]
        }),
      )
    const before = await reports()
    const preview = await backend.client.call('privacy.deletionPreview', { contactId: contactId! })
    expect(preview.visits).toBeGreaterThanOrEqual(3)
    expect(preview.reportChanges).toEqual([])
    await backend.client.call('privacy.delete', { contactId: contactId!, expectedVisits: preview.visits })
    expect(await reports()).toEqual(before)
  })

  it('exports everything about one person as a readable file, and logs the export', async () => {
    const backend = await freshBackend({ demo: true })
    const [contactId] = pickPeople(backend.context.handle.sqlite, 1)
    await backend.client.call('contacts.update', { id: contactId!, patch: { occupation: '会社員' } })
    const person = await backend.client.call('contacts.get', { id: contactId! })
    const file = await backend.client.call('privacy.disclosure', { contactId: contactId! })
    expect(file.fileName).toMatch(/^開示_.*\.json$/)
    const doc = JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')) as Record<string, unknown[]>
    // Readable by the person it is for: Japanese field names, names for codes, no machine copies.
    const stored = doc['本人の登録情報']![0] as Record<string, unknown>
    expect(stored).toMatchObject({ ID: contactId, 姓: person.familyName, 段階: expect.stringMatching(/^[^a-z_]+$/) })
    if (person.prefectureCode) expect(stored['都道府県']).toMatch(/[都道府県]$/)
    expect(Array.isArray(stored['同意した利用目的'])).toBe(true)
    expect(Object.keys(stored).filter((k) => /^[a-z]/.test(k))).toEqual([])
    expect(JSON.stringify(doc)).not.toContain('searchKey')
    const visits = doc['訪問・参加の記録'] as Record<string, unknown>[]
    expect(visits.length).toBeGreaterThanOrEqual(3)
    expect(['現地', 'オンライン']).toContain(visits[0]!['参加形態'])
    // The change history names what was done to what in words, not codes ('update', 'contact').
    const history = doc['変更の記録（監査ログ）'] as Record<string, unknown>[]
    expect(history).toContainEqual(expect.objectContaining({ 操作: '変更', 対象: '参加者' }))
    expect(history.every((line) => !/^[a-z_]+$/.test(String(line['操作'])) && !/^[a-z_]+$/.test(String(line['対象'])))).toBe(true)
    const log = backend.context.handle.sqlite
      .prepare(`SELECT action FROM audit_log WHERE entity_id = ? AND action = 'export'`)
      .all(contactId!)
    expect(log).toHaveLength(1)
  })

  it('lists people not involved for N years for review', async () => {
    const backend = await freshBackend({ demo: true })
    const { sqlite } = backend.context.handle
    const cutoff = `${new Date().getFullYear() - 3}${new Date().toISOString().slice(4, 10)}`
    const recent = sqlite.prepare(`SELECT contact_id FROM visits WHERE visit_date >= ? LIMIT 1`).pluck().get(cutoff) as string
    const recentTrashed = sqlite
      .prepare(`SELECT contact_id FROM visits WHERE visit_date >= ? AND contact_id <> ? LIMIT 1`)
      .pluck()
      .get(cutoff, recent) as string
    // Deleted in the grid: hidden, but all their data is still held, so it is listed for review.
    await backend.client.call('contacts.delete', { ids: [recentTrashed] })
    const list = await backend.client.call('privacy.retentionReview', { years: 3 })
    for (const row of list.filter((r) => !r.inTrash)) expect(row.lastInvolvedOn < cutoff).toBe(true)
    expect(list.some((r) => r.contactId === recent)).toBe(false)
    expect(list.find((r) => r.contactId === recentTrashed)).toMatchObject({ inTrash: true })
    const trashed = sqlite
      .prepare(`SELECT count(*) FROM contacts WHERE deleted_at IS NOT NULL AND family_name <> '匿名'`)
      .pluck()
      .get()
    expect(list.filter((r) => r.inTrash)).toHaveLength(trashed as number)
    // Namesakes can be told apart by reading and prefecture.
    expect(list.filter((r) => r.detail !== '').length).toBeGreaterThan(0)
    expect(list.filter((r) => !r.inTrash).length).toBeGreaterThan(0)
  })
})
