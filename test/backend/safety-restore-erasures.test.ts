import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openBackend } from '../../electron/backend/backend'
import type { Backend } from '../../electron/backend/backend'
import { auditLines } from './safetyHelpers'
import { tempDir } from './tempDb'

/**
 * A restore brings back the data of the backup's time, but not the people anonymized (匿名化)
 * or deleted for good (完全に削除) since: the carried audit lines record those erasures, and
 * they are applied again in the restored copy, unless the user chooses to bring them back
 * (undoing a mistaken deletion with its before-delete backup).
 */

const opened: Backend[] = []
afterEach(async () => {
  while (opened.length) await opened.pop()!.close()
})

async function open(): Promise<Backend> {
  const b = await openBackend({ file: path.join(tempDir(), 'kakehashi.db'), userName: 'tester', dailyBackup: false })
  opened.push(b)
  return b
}

/** A fictional person with contact details, a note and a visit with a note (all of which an erasure removes). */
async function person(b: Backend, familyName: string): Promise<string> {
  const c = await b.client.call('contacts.create', {
    fields: { familyName, givenName: '七海', email: `${familyName}@example.jp` },
  })
  await b.client.call('contacts.update', { id: c.id, patch: { notes: `${familyName}さんの秘密のメモ` } })
  const { ids } = await b.client.call('visits.create', {
    contactIds: [c.id],
    programId: null,
    fields: { visitDate: '2026-05-10', mode: 'onsite' } as never,
  })
  await b.client.call('visits.update', { id: ids[0]!, patch: { notes: `${familyName}さんの付き添い` } })
  return c.id
}

/** Every stored value of every table, as one text: what a person's name must not appear in. */
function wholeDatabase(b: Backend): string {
  const sqlite = b.context.handle.sqlite
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .pluck()
    .all() as string[]
  return tables.map((t) => JSON.stringify(sqlite.prepare(`SELECT * FROM "${t}"`).raw().all())).join('\n')
}

async function disclosureText(b: Backend, contactId: string): Promise<string> {
  const file = await b.client.call('privacy.disclosure', { contactId })
  return Buffer.from(file.base64, 'base64').toString('utf8')
}

const restoreLine = (b: Backend) =>
  auditLines(b.context.handle.sqlite)
    .filter((l) => l.action === 'restore')
    .at(-1)!

describe('a restore does not bring back people erased after the backup', () => {
  it('anonymizes and deletes them again; the 開示 shows no old value; erasures before the backup stay as they are', async () => {
    const b = await open()
    const before = await person(b, '架空前')
    await b.client.call('privacy.anonymize', { contactId: before })
    const anonymized = await person(b, '架空匿')
    const deleted = await person(b, '架空消')
    const stays = await person(b, '架空残')
    const backup = await b.client.call('safety.backupNow', {})

    await b.client.call('privacy.anonymize', { contactId: anonymized })
    await b.client.call('privacy.delete', { contactId: deleted, expectedVisits: 1 })
    // The trash (削除 in the grid) keeps the data: it is not an erasure and comes back.
    await b.client.call('contacts.delete', { ids: [stays] })
    expect(await b.client.call('safety.restorePreview', { backupId: backup.id })).toEqual({ erasedSince: 2 })

    const result = await b.client.call('safety.restore', { backupId: backup.id })
    expect(result.erasures).toEqual({ reapplied: 2, broughtBack: 0 })
    const lines = auditLines(b.context.handle.sqlite)
    expect((await b.client.call('contacts.get', { id: anonymized })).familyName).toBe('匿名')
    await expect(b.client.call('contacts.get', { id: deleted })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect((await b.client.call('contacts.get', { id: stays })).familyName).toBe('架空残')
    const disclosure = await disclosureText(b, anonymized)
    for (const old of ['架空匿', '秘密のメモ', '付き添い', '@example.jp']) expect(disclosure).not.toContain(old)
    await expect(b.client.call('privacy.disclosure', { contactId: deleted })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    const everything = wholeDatabase(b)
    for (const old of ['架空匿', '架空消', '架空前']) expect(everything).not.toContain(old)

    // The log says who erased again and that it happened, without values; the restore says how many.
    expect(lines.at(-1)!.changes).toMatchObject({
      auditCarried: [null, expect.stringMatching(/件、再適用した匿名化・削除 2人$/)],
    })
    const again = lines.slice(-3, -1)
    expect(again).toEqual([
      expect.objectContaining({ action: 'anonymize', entity: 'contact', changes: null }),
      expect.objectContaining({ action: 'delete', entity: 'contact', changes: { permanent: [false, true], visits: [1, 0] } }),
    ])
    // The one anonymized before the backup was not anonymized again.
    expect(lines.filter((l) => l.action === 'anonymize')).toHaveLength(3)
  })

  it('brings them back when the user chooses so (a mistaken deletion undone with its before-delete backup)', async () => {
    const b = await open()
    const anonymized = await person(b, '架空匿')
    const deleted = await person(b, '架空消')
    const backup = await b.client.call('safety.backupNow', {})
    await b.client.call('privacy.anonymize', { contactId: anonymized })
    await b.client.call('privacy.delete', { contactId: deleted, expectedVisits: 1 })
    const beforeDelete = (await b.client.call('safety.listBackups', {})).find((x) => x.reason === 'before-delete')!
    // The before-delete backup already has the anonymization: only the deletion is at stake.
    expect(await b.client.call('safety.restorePreview', { backupId: beforeDelete.id })).toEqual({ erasedSince: 1 })

    const result = await b.client.call('safety.restore', { backupId: backup.id, bringBackErased: true })
    expect(result.erasures).toEqual({ reapplied: 0, broughtBack: 2 })
    expect((await b.client.call('contacts.get', { id: anonymized })).familyName).toBe('架空匿')
    expect((await b.client.call('contacts.get', { id: deleted })).familyName).toBe('架空消')
    expect(restoreLine(b).changes).toMatchObject({
      auditCarried: [null, expect.stringMatching(/件、再適用しなかった（復元で戻した）匿名化・削除 2人$/)],
    })
  })

  it('restoring twice applies each erasure once per restore and never fails; a copy already erased needs nothing', async () => {
    const b = await open()
    const anonymized = await person(b, '架空匿')
    const backup = await b.client.call('safety.backupNow', {})
    await b.client.call('privacy.anonymize', { contactId: anonymized })

    expect((await b.client.call('safety.restore', { backupId: backup.id })).erasures).toEqual({ reapplied: 1, broughtBack: 0 })
    expect((await b.client.call('safety.restore', { backupId: backup.id })).erasures).toEqual({ reapplied: 1, broughtBack: 0 })
    expect((await b.client.call('contacts.get', { id: anonymized })).familyName).toBe('匿名')
    const lines = auditLines(b.context.handle.sqlite)
    expect(new Set(lines.map((l) => l.id)).size).toBe(lines.length)

    // The before-restore backup of the second restore holds the anonymized person: nothing to re-apply.
    const beforeRestore = (await b.client.call('safety.listBackups', {})).find((x) => x.reason === 'before-restore')!
    expect(await b.client.call('safety.restorePreview', { backupId: beforeRestore.id })).toEqual({ erasedSince: 0 })
    expect((await b.client.call('safety.restore', { backupId: beforeRestore.id })).erasures).toEqual({
      reapplied: 0,
      broughtBack: 0,
    })
    expect(restoreLine(b).changes).toMatchObject({ auditCarried: [null, expect.stringMatching(/^\d+件$/)] })
    expect((await b.client.call('contacts.get', { id: anonymized })).familyName).toBe('匿名')
  })

  it('works the same on an encrypted database (the backup is read with today’s passphrase)', async () => {
    const b = await open()
    await b.client.call('safety.setPassphrase', { next: 'kakehashi-pass-1' })
    const anonymized = await person(b, '架空暗')
    const backup = await b.client.call('safety.backupNow', {})
    expect(backup.encrypted).toBe(true)
    await b.client.call('privacy.anonymize', { contactId: anonymized })
    expect(await b.client.call('safety.restorePreview', { backupId: backup.id })).toEqual({ erasedSince: 1 })
    expect((await b.client.call('safety.restore', { backupId: backup.id })).erasures).toEqual({ reapplied: 1, broughtBack: 0 })
    expect((await b.client.call('contacts.get', { id: anonymized })).familyName).toBe('匿名')
  })
})
