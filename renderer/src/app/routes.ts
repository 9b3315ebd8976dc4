import { useEffect, useState } from 'react'

/** The app's screens, in sidebar order. The hash (#/programs) says which one is open. */
export const routes = ['home', 'participants', 'programs', 'visits', 'reports', 'import', 'settings', 'audit'] as const
export type Route = (typeof routes)[number]

export function routeFromHash(hash: string): Route {
  // '#/participants?view=…' (a saved view) is still the participants page.
  const name = hash.replace(/^#\/?/, '').split('?')[0]
  return routes.find((r) => r === name) ?? 'home'
}

export function hrefOf(route: Route): string {
  return `#/${route}`
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => routeFromHash(window.location.hash))
  useEffect(() => {
    const onChange = () => setRoute(routeFromHash(window.location.hash))
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return route
}
