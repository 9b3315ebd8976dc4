import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { readSetting, writeSetting } from '../db/repos/settingsRepo'

/**
 * Wipe logs are signed with HMAC-SHA256 under a random key kept in this database's settings.
 * Why a key in settings is enough here: the log is handed to the contracting body as a file,
 * and the signature lets this installation later confirm that a presented log is the one it
 * wrote, unaltered (a changed count or date fails). It is not proof against someone holding
 * the database itself (they hold the key too); that would need a key outside the file, e.g.
 * the OS keychain through Electron's safeStorage, which the desktop build can add later.
 */
const KEY_SETTING = 'privacy.logSigningKey'

async function signingKey(db: Kysely<Database>): Promise<Buffer> {
  const stored = await readSetting(db, KEY_SETTING)
  if (typeof stored === 'string') return Buffer.from(stored, 'base64')
  const key = randomBytes(32)
  await writeSetting(db, KEY_SETTING, key.toString('base64'))
  return key
}

/** Canonical JSON (sorted keys) so the same log always signs the same way. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(value)
}

export async function signLog<T extends object>(db: Kysely<Database>, log: T): Promise<T & { signature: string }> {
  const signature = createHmac('sha256', await signingKey(db))
    .update(canonical(log))
    .digest('hex')
  return { ...log, signature }
}

export async function verifyLog(db: Kysely<Database>, signed: Record<string, unknown>): Promise<boolean> {
  const { signature, ...log } = signed
  if (typeof signature !== 'string' || !/^[0-9a-f]{64}$/.test(signature)) return false
  const expected = createHmac('sha256', await signingKey(db))
    .update(canonical(log))
    .digest()
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'))
}
