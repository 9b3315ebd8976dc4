import { randomUUID } from 'node:crypto'
import path from 'node:path'
import type { Database as Sqlite, Statement } from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openBackend } from '../../electron/backend/backend'
import { openDatabase } from '../../electron/backend/db/connection'
import { migrate } from '../../electron/backend/db/migrate'
import { migrations } from '../../electron/backend/db/migrations/index'
import { createPeople } from './programFixtures'
import { freshBackend, tempDir } from './tempDb'

/**
 * 監査ログ's 参加者ID filter finds a person's deleted visits through the lines that recorded them.
 * It must look those up in migration 0013's index, not read the JSON of every visit line (one
 * per imported visit: seconds on a big log; `npm run bench` measures it on 1M visits).
 */

/** The plans of the statements `fn` prepares (Kysely prepares each query on every call). */
async function plansOf(sqlite: Sqlite, fn: () => Promise<unknown>): Promise<string[]> {
  const sources: { sql: string; params: unknown[] }[] = []
  const prepare = sqlite.prepare
  sqlite.prepare = function (this: Sqlite, source: string) {
    const statement = prepare.call(this, source) as Statement
    const entry = { sql: source, params: [] as unknown[] }
    sources.push(entry)
    const all = statement.all.bind(statement)
    ;(statement as unknown as { all: (...a: unknown[]) => unknown }).all = (...args: unknown[]) => {
      entry.params = (args.length === 1 && Array.isArray(args[0]) ? args[0] : args) as unknown[]
      return all(...(args as []))
    }
    return statement
  } as Sqlite['prepare']
  try {
    await fn()
  } finally {
    sqlite.prepare = prepare
  }
  return sources
    .filter((s) => s.sql.includes('contactId[0]') && s.sql.includes('audit_log a'))
    .flatMap((s) => (sqlite.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(s.params) as { detail: string }[]).map((r) => r.detail))
}

describe('監査ログ filtered by a person', () => {
  it('looks the recorded person up in the person index, never scanning the visit lines', async () => {
    const { client, context } = await freshBackend()
    const [a] = await createPeople(client, 1)
    const { ids } = await client.call('visits.create', { contactIds: [a], fields: { visitDate: '2025-08-15', mode: 'onsite' } })
    await client.call('visits.delete', { ids })
    let page: Awaited<ReturnType<typeof client.call<'audit.list'>>> | undefined
    const plans = await plansOf(context.handle.sqlite, async () => {
      page = await client.call('audit.list', { personId: a! })
    })
    expect(page!.rows.map((r) => [r.action, r.entity])).toEqual([
      ['delete', 'visit'],
      ['create', 'visit'],
      ['create', 'contact'],
    ])
    expect(plans.length).toBeGreaterThan(0)
    expect(plans.join('\n')).toContain('SEARCH a USING INDEX audit_log_person (<expr>=?)')
    // Reading every visit and enrollment line (by entity alone) is what made it slow.
    expect(plans.filter((p) => /^(SCAN a\b|SEARCH a USING INDEX audit_log_entity \(entity=\?\)$)/.test(p))).toEqual([])
  })

  it('lines written before migration 0013 are found through the index it builds', async () => {
    const [p1, p2] = [randomUUID(), randomUUID()]
    const file = path.join(tempDir(), 'v12.db')
    const h = openDatabase(file)
    await migrate(h, { migrations: migrations.slice(0, 12) })
    const line = h.sqlite.prepare(
      `INSERT INTO audit_log (id, at, user_name, action, entity, entity_id, changes) VALUES (?, ?, 'tester', ?, 'visit', ?, ?)`,
    )
    line.run(
      '0001',
      '2025-08-15T00:00:00.000Z',
      'create',
      'gone-visit',
      JSON.stringify({ contactId: [null, p1], visitDate: [null, '2025-08-15'] }),
    )
    line.run(
      '0002',
      '2025-08-16T00:00:00.000Z',
      'delete',
      'gone-visit',
      JSON.stringify({ contactId: [p1, null], visitDate: ['2025-08-15', null] }),
    )
    line.run('0003', '2025-08-16T00:00:00.000Z', 'delete', 'other-visit', JSON.stringify({ contactId: [p2, null] })) // someone else's
    await h.close()
    const b = await openBackend({ file, userName: 'tester', dailyBackup: false })
    try {
      const page = await b.client.call('audit.list', { personId: p1 })
      expect(page.rows.map((r) => r.id)).toEqual(['0002', '0001'])
      expect(page.total).toBe(2)
    } finally {
      await b.close()
    }
  })
})
