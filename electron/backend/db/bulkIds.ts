import { randomFillSync } from 'node:crypto'
import { V7Generator } from 'uuidv7'

/**
 * UUIDv7 ids for rows written by the thousand (an import's people, their stage history and
 * audit entries). uuidv7's default generator asks the OS for randomness 8 words at a time, a
 * system call every two or three ids: a 77k-person import spent ~0.6 s there. This is the same
 * generator (same format, same per-millisecond ordering) drawing on a 4 KiB buffer.
 */
const words = new Uint32Array(1024)
let next = words.length
const generator = new V7Generator({
  nextUint32() {
    if (next === words.length) {
      randomFillSync(words)
      next = 0
    }
    return words[next++]!
  },
})

export const bulkId = (): string => generator.generate().toString()
