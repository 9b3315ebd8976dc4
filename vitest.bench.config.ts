import { defineConfig } from 'vitest/config'

// `npm run bench`: the performance benchmark on a generated 100k-people database. Kept out of
// the default test run (vitest.config.ts only includes *.test.ts) because it takes a minute.
export default defineConfig({
  test: {
    include: ['test/bench/**/*.bench-run.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
})
