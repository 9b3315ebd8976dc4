import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { node22, repoRoot } from './node22'

/**
 * Builds the app once before the run (≈3 s), so the door serves the renderer under test.
 * KAKEHASHI_E2E_SKIP_BUILD=1 skips it when a fresh build is already in out/ (and so does
 * KAKEHASHI_E2E_URL, which points the tests at a door that is already running).
 */
export default function globalSetup(): void {
  if (process.env.KAKEHASHI_E2E_SKIP_BUILD === '1' || process.env.KAKEHASHI_E2E_URL) return
  const cli = path.join(repoRoot, 'node_modules/electron-vite/bin/electron-vite.js')
  execFileSync(node22(), [cli, 'build'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] })
}
