import { describe, expect, it } from 'vitest'
import { runCrashTrials } from './crash/harness'
import { tempDir } from './tempDb'

/**
 * Crash safety: a backend in a child process importing, editing, deleting and backing up is
 * killed with SIGKILL at spread-out moments. After every kill the database must open, pass
 * integrity_check, hold every import whole or not at all, and keep every acknowledged write.
 * (The 200-trial run is test/bench/safety.bench-run.ts.)
 */
describe('crash safety', () => {
  it('survives 20 SIGKILLs with no corruption, no partial import and no lost acknowledged edit', async () => {
    const result = await runCrashTrials(tempDir(), 20)
    console.log('[crash]', JSON.stringify({ ...result, problems: result.problems.slice(0, 5) }))
    expect(result.problems).toEqual([])
    expect(result).toMatchObject({ trials: 20, corrupt: 0, partialImports: 0, lostEdits: 0, lostDeletes: 0, badBackups: 0 })
    // The trials did real work: the harness is only meaningful if kills land mid-activity.
    // How much fits in the 30–350 ms windows depends on the machine's load (alone: ~19 imports
    // and ~58 edits; beside the rest of the suite on 2 cores: 12 and 20), so the floor is low.
    expect(result.acknowledged.batches).toBeGreaterThan(5)
    expect(result.acknowledged.edits).toBeGreaterThan(5)
  }, 120_000)
})
