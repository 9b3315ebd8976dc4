import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach } from 'vitest'
import { openBackend } from '../../electron/backend/backend'
import type { Backend, BackendOptions } from '../../electron/backend/backend'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!()
})

/** A fresh folder removed after the test. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kakehashi-test-'))
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A backend on a fresh database file, closed after the test. */
export async function freshBackend(options: Partial<BackendOptions> = {}): Promise<Backend> {
  const file = path.join(tempDir(), 'test.db')
  const backend = await openBackend({ file, userName: 'tester', ...options })
  cleanups.push(() => backend.close())
  return backend
}
