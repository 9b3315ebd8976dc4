import { breakdownKeys } from './published'
import type { FiscalYearReport } from './types'

// A mark no prefecture code holds: a key starting with it is not number-like, so the object
// keeps the order it was built in; it is taken off again in the text.
const KEEP_ORDER = '\u2060'

/**
 * The report as the JSON a person reads (`kakehashi report --format json`): byPrefecture in code
 * order, 01 北海道 first and 不明 last. JSON.stringify alone puts 11–47 before 01–09, since number-
 * like keys come first in any JavaScript object. The values and key names are the contract's.
 */
export function reportJson(report: FiscalYearReport): string {
  const inOrder = Object.fromEntries(
    breakdownKeys(report, 'byPrefecture').map((code) => [KEEP_ORDER + code, report.byPrefecture[code]]),
  )
  return JSON.stringify({ ...report, byPrefecture: inOrder }, null, 2).replaceAll(`"${KEEP_ORDER}`, '"') + '\n'
}
