import type { SafetyStatus } from '../../../shared/contract/safety'
import { api } from '../api/client'
import { askEarly } from '../api/earlyAnswers'
import { routeFromHash } from './routes'
import type { Route } from './routes'
import { screenLoaders } from './screenLoaders'

/*
 * Imported by main.tsx before the rest of the app, so this runs as soon as the first scripts are
 * in, not after the whole app has been evaluated (a few hundred ms on a slow laptop): the safety
 * check, the opening screen's chunks (AG Grid for 参加者) and what that screen asks first all
 * load while the rest of the app starts up.
 */

const firstStatus: Promise<SafetyStatus> = api.call('safety.status', {})
firstStatus.catch(() => undefined) // SafetyGate reads the failure when it takes the answer
let firstStatusTaken = false

/** The window's first safety check, once; every later ask goes to the backend again. */
export function takeFirstSafetyStatus(): Promise<SafetyStatus> {
  if (firstStatusTaken) return api.call('safety.status', {})
  firstStatusTaken = true
  return firstStatus
}

const route: Route = routeFromHash(window.location.hash)
// A failed load here is ignored: `lazy` loads again and ScreenBoundary reports it.
screenLoaders[route]().catch(() => undefined)

// What the opening screen asks before it can build its grid. Only once the database is open: a
// locked or damaged one has nothing to answer until SafetyGate has dealt with it.
const firstQuestions: Partial<Record<Route, () => void>> = {
  participants: () => {
    askEarly('stages.list', {})
    askEarly('tags.list', {})
    askEarly('views.list', { page: 'participants' })
  },
}
firstStatus.then(
  (status) => {
    if (status.state === 'open') firstQuestions[route]?.()
  },
  () => undefined,
)
