import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openBackend } from '../../electron/backend/backend'
import type { Backend } from '../../electron/backend/backend'
import { addPeople } from './safetyHelpers'
import { tempDir } from './tempDb'

/**
 * The app and the browser door open with the day's backup delayed (DAILY_BACKUP_DELAY_MS), so
 * the first screen does not share the disk and the CPU with it.
 */
const opened: Backend[] = []
afterEach(async () => {
  while (opened.length) await opened.pop()!.close()
})

async function populated(): Promise<string> {
  const file = path.join(tempDir(), 'kakehashi.db')
  const b = await openBackend({ file, userName: 'tester', dailyBackup: false })
  await addPeople(b, 3)
  await b.close()
  return file
}

const dailyBackups = async (b: Backend) =>
  (await b.client.call('safety.listBackups', {})).filter((backup) => backup.reason === 'daily')

describe('the day’s backup, delayed', () => {
  it('is not taken while the first screen loads, and is taken once the delay is over', async () => {
    const file = await populated()
    const b = await openBackend({ file, userName: 'tester', dailyBackupDelayMs: 2_000 })
    opened.push(b)
    // Long enough for a backup of three people started at the open to be listed.
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    expect(await dailyBackups(b)).toHaveLength(0)
    await expect.poll(async () => (await dailyBackups(b)).length, { timeout: 10_000 }).toBe(1)
    expect((await dailyBackups(b))[0]).toMatchObject({ verified: true, counts: { contacts: 3 } })
  })

  it('a close before the delay leaves it to the next open, which takes it', async () => {
    const file = await populated()
    const first = await openBackend({ file, userName: 'tester', dailyBackupDelayMs: 60_000 })
    await first.close()
    const next = await openBackend({ file, userName: 'tester', dailyBackupDelayMs: 60_000 })
    opened.push(next)
    expect(await dailyBackups(next)).toHaveLength(0)
    // idle() does what the open left waiting, now.
    await next.idle()
    expect(await dailyBackups(next)).toHaveLength(1)
  })
})
