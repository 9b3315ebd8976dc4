import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../electron/backend/db/connection'
import type { DbHandle } from '../../electron/backend/db/connection'
import { migrate } from '../../electron/backend/db/migrate'
import { latestSchemaVersion, migrations } from '../../electron/backend/db/migrations/index'
import type { Migration } from '../../electron/backend/db/migrations/index'
import { openBackend } from '../../electron/backend/backend'
import { tempDir } from './tempDb'

/** Everything a migration could touch: schema objects, every row, and the version pragma. */
function snapshot(handle: DbHandle): unknown {
  const { sqlite } = handle
  const schema = sqlite.prepare(`SELECT type, name, sql FROM sqlite_master ORDER BY type, name`).all() as {
    type: string
    name: string
  }[]
  const tables = schema.filter((o) => o.type === 'table' && !o.name.startsWith('sqlite_')).map((o) => o.name)
  // Rows as sorted JSON: some tables are WITHOUT ROWID, and order is not what we compare.
  const rows = Object.fromEntries(
    tables.map((t) => [
      t,
      sqlite
        .prepare(`SELECT * FROM "${t}"`)
        .all()
        .map((r) => JSON.stringify(r))
        .sort(),
    ]),
  )
  return { schema, rows, userVersion: sqlite.pragma('user_version', { simple: true }) }
}

async function withHandle<T>(file: string, fn: (h: DbHandle) => Promise<T>): Promise<T> {
  const handle = openDatabase(file)
  try {
    return await fn(handle)
  } finally {
    await handle.close()
  }
}

describe('migrations', () => {
  it('bring an empty file to the latest schema, recording each version', async () => {
    const file = path.join(tempDir(), 'new.db')
    await withHandle(file, async (handle) => {
      const outcome = await migrate(handle)
      expect(outcome).toEqual({ from: 0, to: latestSchemaVersion, backupFile: null })
      expect(handle.sqlite.pragma('user_version', { simple: true })).toBe(latestSchemaVersion)
      expect(handle.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(handle.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
      const tables = (handle.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type='table'`).all() as { name: string }[]).map(
        (r) => r.name,
      )
      for (const t of [
        'contacts',
        'tags',
        'contact_tags',
        'organizations',
        'contact_organizations',
        'programs',
        'program_municipalities',
        'program_sessions',
        'enrollments',
        'visits',
        'stage_history',
        'saved_views',
        'settings',
        'audit_log',
        'relationship_stages',
      ]) {
        expect(tables).toContain(t)
      }
      // 0008: the search index buffers 16 MB of terms; one-column sort indexes end with the
      // rowid (implicitly), the kana-ordered ones still with the id.
      expect(handle.sqlite.prepare(`SELECT v FROM contacts_fts_config WHERE k = 'hashsize'`).pluck().get()).toBe(16777216)
      const indexSql = (name: string) => handle.sqlite.prepare(`SELECT sql FROM sqlite_master WHERE name = ?`).pluck().get(name)
      expect(indexSql('contacts_sort_birth_year')).toBe(
        'CREATE INDEX contacts_sort_birth_year ON contacts ((birth_year IS NULL), birth_year) WHERE deleted_at IS NULL',
      )
      // 0010: 生年月日 sorts by the date, or 1 July of the birth year; the date-only index is gone.
      expect(indexSql('contacts_sort_birth')).toContain("coalesce(birth_date, birth_year || '-07-01')")
      expect(indexSql('contacts_sort_birth_date')).toBeUndefined()
      expect(indexSql('contacts_kana')).toContain('given_kana, id)')
      expect(indexSql('contacts_email')).toBeUndefined()
      // 0011: the audit log takes 'undo', and keeps its three indexes.
      expect(handle.sqlite.prepare(`SELECT sql FROM sqlite_master WHERE name = 'audit_log'`).pluck().get()).toContain("'undo'")
      for (const name of ['audit_log_entity', 'audit_log_at', 'audit_log_batch']) expect(indexSql(name)).toBeDefined()
      // A second run is a no-op.
      expect(await migrate(handle)).toEqual({ from: latestSchemaVersion, to: latestSchemaVersion, backupFile: null })
    })
  })

  it('a v1 database with data upgrades to the latest schema: a backup copy is taken first and the data survives', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'old.db')
    const extra: Migration = {
      name: '9999-test-add-column',
      up: async (db: Kysely<unknown>) => void (await sql`ALTER TABLE contacts ADD COLUMN nickname TEXT`.execute(db)),
    }
    await withHandle(file, async (handle) => {
      await migrate(handle, { migrations: migrations.slice(0, 1) }) // a file written by schema v1
      handle.sqlite.prepare(`INSERT INTO contacts (id, family_name, created_at, updated_at) VALUES ('a', '山田', 'x', 'x')`).run()
    })
    await withHandle(file, async (handle) => {
      const outcome = await migrate(handle, { migrations: [...migrations, extra], backupDir: path.join(dir, 'backups') })
      expect(outcome.from).toBe(1)
      expect(outcome.to).toBe(migrations.length + 1)
      expect(outcome.backupFile).toMatch(new RegExp(`old-before-v${migrations.length + 1}-.*\\.db$`))
      expect(handle.sqlite.pragma('user_version', { simple: true })).toBe(migrations.length + 1)
      expect(handle.sqlite.prepare(`SELECT family_name, nickname FROM contacts`).all()).toEqual([
        { family_name: '山田', nickname: null },
      ])
    })
    // The backup is the complete v1 database with the row in it.
    await withHandle(
      fs
        .readdirSync(path.join(dir, 'backups'))
        .filter((f) => f.endsWith('.db'))
        .map((f) => path.join(dir, 'backups', f))[0]!,
      async (backup) => {
        expect(backup.sqlite.pragma('user_version', { simple: true })).toBe(1)
        expect(backup.sqlite.prepare(`SELECT family_name FROM contacts`).all()).toEqual([{ family_name: '山田' }])
      },
    )
  })

  it('0009 clears the nights of online visits, and the month totals follow', async () => {
    const file = path.join(tempDir(), 'v8.db')
    await withHandle(file, async (handle) => {
      await migrate(handle, { migrations: migrations.slice(0, 8) })
      const { sqlite } = handle
      sqlite.prepare(`INSERT INTO contacts (id, family_name, created_at, updated_at) VALUES ('c', '山田', 'x', 'x')`).run()
      const visit = sqlite.prepare(
        `INSERT INTO visits (id, contact_id, visit_date, mode, nights, created_at, updated_at) VALUES (?, 'c', '2025-05-10', ?, ?, 'x', 'x')`,
      )
      visit.run('v1', 'online', 2)
      visit.run('v2', 'onsite', 3)
      await migrate(handle)
      expect(sqlite.prepare(`SELECT id, nights FROM visits ORDER BY id`).all()).toEqual([
        { id: 'v1', nights: 0 },
        { id: 'v2', nights: 3 },
      ])
      expect(sqlite.prepare(`SELECT month, onsite, online, nights FROM visit_month_counts`).all()).toEqual([
        { month: '2025-05', onsite: 1, online: 1, nights: 3 },
      ])
    })
  })

  it('0011 copies every audit line unchanged, in order, and then accepts undo', async () => {
    const file = path.join(tempDir(), 'v10.db')
    await withHandle(file, async (handle) => {
      await migrate(handle, { migrations: migrations.slice(0, 10) })
      const { sqlite } = handle
      const line = sqlite.prepare(
        `INSERT INTO audit_log (id, at, user_name, action, entity, entity_id, changes, batch_id) VALUES (?, ?, '担当', ?, 'contact', 'c', ?, ?)`,
      )
      line.run('a2', '2025-05-10T01:00:00Z', 'update', '{"phone":["1","2"]}', null)
      line.run('a1', '2025-05-10T00:00:00Z', 'import', null, 'b')
      expect(() => line.run('a3', '2025-05-11T00:00:00Z', 'undo', null, null)).toThrow(/CHECK/)
      const before = sqlite.prepare(`SELECT * FROM audit_log ORDER BY rowid`).all()
      await migrate(handle)
      expect(sqlite.prepare(`SELECT * FROM audit_log ORDER BY rowid`).all()).toEqual(before)
      line.run('a3', '2025-05-11T00:00:00Z', 'undo', '{"phone":["2","1"]}', null)
      expect(() => line.run('a4', '2025-05-11T00:00:00Z', 'rename', null, null)).toThrow(/CHECK/)
      expect(sqlite.prepare(`SELECT id FROM audit_log WHERE batch_id = 'b'`).pluck().all()).toEqual(['a1'])
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    })
  })

  it('a migration that fails halfway leaves the database exactly as before', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'db.db')
    const failing: Migration = {
      name: '0002-fails-halfway',
      async up(db) {
        await sql`CREATE TABLE half_done (x TEXT)`.execute(db)
        await sql`UPDATE contacts SET family_name = 'changed'`.execute(db)
        await sql`ALTER TABLE contacts ADD COLUMN half TEXT`.execute(db)
        await sql`INSERT INTO no_such_table VALUES (1)`.execute(db) // fails here
      },
    }
    await withHandle(file, async (handle) => {
      await migrate(handle)
      handle.sqlite.prepare(`INSERT INTO contacts (id, family_name, created_at, updated_at) VALUES ('a', '山田', 'x', 'x')`).run()
      const before = snapshot(handle)
      const error = await migrate(handle, { migrations: [...migrations, failing], backupDir: path.join(dir, 'b') }).catch(
        (e: unknown) => e,
      )
      expect(error).toMatchObject({ code: 'MIGRATION_FAILED', details: { migration: '0002-fails-halfway' } })
      expect((error as Error).message).toContain('更新前の状態のまま')
      expect(snapshot(handle)).toEqual(before)
    })
    // And the file still opens normally at the version it had.
    const backend = await openBackend({ file })
    expect((await backend.client.call('contacts.list', {})).total).toBe(1)
    await backend.close()
  })

  it('refuses a database written by a newer version, without changing it', async () => {
    const file = path.join(tempDir(), 'future.db')
    await withHandle(file, async (handle) => {
      await migrate(handle)
      handle.sqlite.prepare(`INSERT INTO schema_migrations (name, applied_at) VALUES ('0002-from-the-future', 'x')`).run()
      handle.sqlite.pragma('user_version = 2')
    })
    const bytes = fs.readFileSync(file)
    const error = await openBackend({ file }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'DB_NEWER_VERSION', message: expect.stringContaining('新しいバージョン') })
    expect(fs.readFileSync(file).equals(bytes)).toBe(true)
  })

  it('refuses a file that is not a database, leaving it untouched and creating nothing beside it', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'notes.db')
    fs.writeFileSync(file, '氏名,メール\n山田,a@example.jp\n')
    const error = await openBackend({ file }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'DB_CORRUPT' })
    expect(fs.readFileSync(file, 'utf8')).toBe('氏名,メール\n山田,a@example.jp\n')
    expect(fs.readdirSync(dir)).toEqual(['notes.db'])
  })
})
