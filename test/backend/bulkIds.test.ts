import { expect, it } from 'vitest'
import { bulkId } from '../../electron/backend/db/bulkIds'

it('bulk ids are distinct UUIDv7s in the order they were taken, across refills of the random buffer', () => {
  const ids = Array.from({ length: 5000 }, bulkId) // ~3 words each: several 1024-word refills
  for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  expect(new Set(ids).size).toBe(ids.length)
  expect([...ids].sort()).toEqual(ids)
  // The timestamp part is now (milliseconds since the epoch, in the first 48 bits).
  const ms = parseInt(ids.at(-1)!.replace(/-/g, '').slice(0, 12), 16)
  expect(Math.abs(ms - Date.now())).toBeLessThan(60_000)
})
