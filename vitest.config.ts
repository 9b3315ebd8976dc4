import { defineConfig } from 'vitest/config'

// Unit (pure domain, Electron shell pieces) and backend (in-process client on fresh
// databases) tests. Playwright's end-to-end specs in test/e2e run separately.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/backend/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
