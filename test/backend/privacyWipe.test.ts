import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { freshBackend } from './tempDb'

describe('end-of-contract wipe of a program', () => {
  it('exports, then wipes the program’s personal data from the file and the backups, with a signed log', async () => {
    const backend = await freshBackend({ demo: true })
    const { sqlite, file } = backend.context.handle
    // A program whose people include some involved nowhere else.
    const programId = sqlite
      .prepare(
        `SELECT v.program_id FROM visits v WHERE v.program_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM visits o WHERE o.contact_id = v.contact_id AND (o.program_id IS NULL OR o.program_id <> v.program_id))
         AND NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.contact_id = v.contact_id AND e.program_id <> v.program_id)
         GROUP BY v.program_id ORDER BY count(*) DESC LIMIT 1`,
      )
      .pluck()
      .get() as string
    expect(programId).toBeTruthy()
    // A note on one of its visits, about someone (the log kept it until the wipe).
    const noted = sqlite.prepare(`SELECT id FROM visits WHERE program_id = ? LIMIT 1`).pluck().get(programId) as string
    await backend.client.call('visits.update', { id: noted, patch: { notes: '送迎は見本さんの家族が担当' } })
    await backend.client.call('safety.backupNow', {})
    const preview = await backend.client.call('privacy.programWipePreview', { programId })
    expect(preview.peopleDeleted).toBeGreaterThan(0)
    expect(preview.backupsRemoved).toBe(1)
    const goneEmails = sqlite
      .prepare(
        `SELECT c.email FROM contacts c WHERE c.email IS NOT NULL AND c.id IN (SELECT contact_id FROM visits WHERE program_id = ?)
         AND NOT EXISTS (SELECT 1 FROM visits o WHERE o.contact_id = c.id AND (o.program_id IS NULL OR o.program_id <> ?))
         AND NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.contact_id = c.id AND e.program_id <> ?)`,
      )
      .pluck()
      .all(programId, programId, programId) as string[]
    expect(goneEmails.length).toBeGreaterThan(0)
    const oldBackups = await backend.client.call('safety.listBackups', {})

    await expect(
      backend.client.call('privacy.programWipe', { programId, expectedPeople: preview.peopleDeleted + 1 }),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    const result = await backend.client.call('privacy.programWipe', { programId, expectedPeople: preview.peopleDeleted })

    const exported = JSON.parse(Buffer.from(result.export.base64, 'base64').toString('utf8')) as {
      visits: unknown[]
      people: unknown[]
    }
    expect(exported.visits.length).toBe(preview.visits)
    expect(result.log).toMatchObject({
      kind: 'program-wipe',
      peopleDeleted: preview.peopleDeleted,
      visitsDeleted: preview.visits,
      backupsRemoved: 1,
    })
    expect(sqlite.prepare(`SELECT count(*) FROM visits WHERE program_id = ?`).pluck().get(programId)).toBe(0)
    expect(sqlite.prepare(`SELECT count(*) FROM enrollments WHERE program_id = ?`).pluck().get(programId)).toBe(0)
    expect(
      sqlite
        .prepare(`SELECT count(*) FROM contacts WHERE email IN (SELECT value FROM json_each(?))`)
        .pluck()
        .get(JSON.stringify(goneEmails)),
    ).toBe(0)

    // Securely: not in the database file, not in its WAL, not in any backup left.
    const bytes = Buffer.concat([
      fs.readFileSync(file),
      fs.existsSync(`${file}-wal`) ? fs.readFileSync(`${file}-wal`) : Buffer.alloc(0),
    ])
    for (const email of goneEmails) expect(bytes.includes(Buffer.from(email))).toBe(false)
    expect(bytes.includes(Buffer.from('見本さんの家族'))).toBe(false)
    const backups = await backend.client.call('safety.listBackups', {})
    expect(backups.map((b) => b.id)).not.toContain(oldBackups[0]!.id)
    expect(backups).toHaveLength(1)

    // The log verifies; a changed count does not.
    expect(await backend.client.call('privacy.verifyWipeLog', { log: { ...result.log } })).toEqual({ valid: true })
    expect(await backend.client.call('privacy.verifyWipeLog', { log: { ...result.log, peopleDeleted: 0 } })).toEqual({
      valid: false,
    })
  })
})
