// Prints one closing line for the whole `npm test` run (type check, Vitest, Playwright),
// read from the JSON reports the two runners wrote into test-reports/ (Playwright empties
// test-results/ when it starts, so the reports live elsewhere).
import { readFileSync } from 'node:fs'

function read(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    console.error(`summary: ${file} is missing or unreadable`)
    process.exit(1)
  }
}

const vitest = read('test-reports/vitest.json')
const playwright = read('test-reports/playwright.json')
const passed = vitest.numPassedTests + (playwright.stats.expected ?? 0)
const failed = vitest.numFailedTests + (playwright.stats.unexpected ?? 0) + (playwright.stats.flaky ?? 0)
const skipped = vitest.numPendingTests + vitest.numTodoTests + (playwright.stats.skipped ?? 0)
console.log(`\nVitest: ${vitest.numPassedTests} passed; Playwright: ${playwright.stats.expected} passed`)
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
