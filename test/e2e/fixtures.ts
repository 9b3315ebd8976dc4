import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { test as base, expect as baseExpect } from '@playwright/test'
import { node22, repoRoot } from './node22'
import { ParticipantsPage } from './pages/participantsPage'
import { Shell } from './pages/shell'

/** A running `kakehashi serve` on its own fresh database (the demo unless `demo: false`). */
export interface Door {
  /** http://127.0.0.1:PORT/#token=… : the page a user would be sent to. */
  url: string
  origin: string
  token: string
  dbFile: string
  /** Calls the backend directly (setup and clean-up), throwing on a refusal. */
  call(method: string, args?: unknown): Promise<unknown>
}

export function doorOf(url: string, dbFile: string): Door {
  const origin = new URL(url).origin
  const token = /token=([^&]+)/.exec(url)?.[1] ?? ''
  return {
    url,
    origin,
    token,
    dbFile,
    async call(method, args = {}) {
      const response = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Kakehashi-Token': token },
        body: JSON.stringify(args),
      })
      const reply = (await response.json()) as { ok: boolean; result?: unknown; error?: { message: string } }
      if (!reply.ok) throw new Error(`${method}: ${reply.error?.message}`)
      return reply.result
    },
  }
}

interface WorkerFixtures {
  door: Door
  /** `test.use({ demo: false })` starts the door on an empty database, as a new user's first start. */
  demo: boolean
}
interface TestFixtures {
  shell: Shell
  participants: ParticipantsPage
}

const startTimeoutMs = 120_000

export const test = base.extend<TestFixtures, WorkerFixtures>({
  demo: [true, { scope: 'worker', option: true }],
  door: [
    async ({ demo }, use) => {
      // Debugging aid: drive a door that is already running (its data will be changed).
      const external = process.env.KAKEHASHI_E2E_URL
      if (external) return use(doorOf(external, ''))
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kakehashi-e2e-'))
      const dbFile = path.join(dir, demo ? 'demo.db' : 'kakehashi.db')
      const args = ['bin/kakehashi.js', 'serve', '--db', dbFile, ...(demo ? ['--demo'] : []), '--port', '0', '--json']
      const child = spawn(node22(), args, {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      try {
        const started = await firstJsonLine(child)
        await use(doorOf(started.url, dbFile))
      } finally {
        await stop(child)
        fs.rmSync(dir, { recursive: true, force: true })
      }
    },
    { scope: 'worker', timeout: startTimeoutMs + 10_000 },
  ],
  // The grids register only the AG Grid modules they use (renderer/src/grid/setup.ts). A feature
  // whose module is missing does nothing and logs 'AG Grid: error #200' instead of failing:
  // every test fails on such a line, so a forgotten module is caught where the feature is used.
  page: async ({ page }, use) => {
    const gridErrors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().startsWith('AG Grid:')) gridErrors.push(message.text())
    })
    await use(page)
    baseExpect(gridErrors, 'AG Grid reported errors (a module missing from renderer/src/grid/setup.ts?)').toEqual([])
  },
  shell: async ({ page }, use) => use(new Shell(page)),
  participants: async ({ page }, use) => use(new ParticipantsPage(page)),
})

export { expect } from '@playwright/test'

/** The door prints exactly one JSON line once it listens; anything else on stderr is kept for the error. */
export function firstJsonLine(child: ChildProcess): Promise<{ url: string; port: number; token: string }> {
  return new Promise((resolve, reject) => {
    let stderr = ''
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
      process.stderr.write(chunk)
    })
    const timer = setTimeout(() => fail(`did not start within ${startTimeoutMs / 1000} s`), startTimeoutMs)
    const lines = createInterface({ input: child.stdout! })
    const fail = (why: string) => {
      clearTimeout(timer)
      lines.close()
      reject(new Error(`kakehashi serve ${why}\n${stderr}`))
    }
    lines.on('line', (line) => {
      try {
        const parsed = JSON.parse(line) as { url: string; port: number; token: string }
        clearTimeout(timer)
        lines.close()
        resolve(parsed)
      } catch {
        // Not the JSON line (a log message): keep waiting.
      }
    })
    child.once('exit', (code, signal) => fail(`exited early (code ${code}, signal ${signal})`))
    child.once('error', (error) => fail(`could not start: ${error.message}`))
  })
}

export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    child.kill('SIGTERM')
  })
}
