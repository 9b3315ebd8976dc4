import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect } from '@playwright/test'
import { doorOf, firstJsonLine, stop } from './fixtures'
import type { Door } from './fixtures'
import { node22, repoRoot } from './node22'

/** Runs the `kakehashi` CLI, failing the test on a non-zero exit. */
export function kakehashiCli(...args: string[]): void {
  const run = spawnSync(node22(), ['bin/kakehashi.js', ...args], { cwd: repoRoot, encoding: 'utf8' })
  expect(run.status, run.stderr).toBe(0)
}

/**
 * A `kakehashi serve` of its own, for tests that restore or damage the database: the shared
 * door's database is used by every spec of a worker, and a restore (with its 復元前 backup)
 * would change what the next spec finds. `prepare` makes the database file before it starts.
 */
export async function withOwnDoor(
  prepare: (dbFile: string, dir: string) => void,
  use: (door: Door, dir: string) => Promise<void>,
): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kakehashi-own-'))
  const dbFile = path.join(dir, 'kakehashi.db')
  prepare(dbFile, dir)
  const child = spawn(node22(), ['bin/kakehashi.js', 'serve', '--db', dbFile, '--port', '0', '--json'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  try {
    await use(doorOf((await firstJsonLine(child)).url, dbFile), dir)
  } finally {
    await stop(child)
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
