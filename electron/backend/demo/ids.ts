import type { Rng } from './random'

/**
 * UUIDv7 strings built from a synthetic timestamp and the seeded PRNG, so demo ids are
 * deterministic and sort by the time the row was (notionally) created, like real ones.
 * Layout (RFC 9562): 48-bit unix ms | version 7 + 12 random bits | variant 10 + 62 random bits.
 */
const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))
const HEX1 = Array.from({ length: 16 }, (_, i) => i.toString(16))

const hex8 = (n: number) => HEX2[n >>> 24] + HEX2[(n >>> 16) & 0xff] + HEX2[(n >>> 8) & 0xff] + HEX2[n & 0xff]
const hex4 = (n: number) => HEX2[(n >>> 8) & 0xff] + HEX2[n & 0xff]

export function demoUuidv7(rng: Rng, ms: number): string {
  const t = Math.max(0, Math.floor(ms))
  const high = Math.floor(t / 65536) >>> 0 // top 32 of the 48 timestamp bits
  const low = t % 65536
  const a = rng.uint32()
  const b = rng.uint32()
  const c = rng.uint32()
  return (
    hex8(high) +
    '-' +
    hex4(low) +
    '-7' +
    HEX1[(a >>> 8) & 0xf] +
    HEX2[a & 0xff] +
    '-' +
    HEX1[0x8 | ((a >>> 12) & 0x3)] +
    HEX1[(a >>> 14) & 0xf] +
    HEX2[(a >>> 18) & 0xff] +
    '-' +
    hex8(b) +
    hex4(c)
  )
}

export const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
