import { useEffect, useState } from 'react'
import { listenForHistoryKeys } from './historyKeys'

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

/** One person, opened in 参加者 with their panel: ホーム's and 監査ログ's names link here. */
export function personHref(contactId: string): string {
  return `#/participants?${new URLSearchParams({ person: contactId })}`
}

/** '#/participants?person=ID' → ID; null on any other page or without a person. */
export function personIdFromHash(hash: string): string | null {
  if (routeFromHash(hash) !== 'participants') return null
  const query = hash.split('?')[1]
  return (query && new URLSearchParams(query).get('person')) || null
}

/** 参加者 showing only the people one import brought in (the import result's link). */
export function importPeopleHref(batchId: string): string {
  return `#/participants?${new URLSearchParams({ import: batchId })}`
}

/** '#/participants?import=ID' → ID; null on any other page or without an import. */
export function importBatchIdFromHash(hash: string): string | null {
  if (routeFromHash(hash) !== 'participants') return null
  const query = hash.split('?')[1]
  return (query && new URLSearchParams(query).get('import')) || null
}

/** The same address without its person (the panel was closed or shows someone else now). */
export function withoutPerson(hash: string): string {
  return withoutParam(hash, 'person')
}

/** The same address without its import (「すべて表示」 on the import's people). */
export function withoutImport(hash: string): string {
  return withoutParam(hash, 'import')
}

function withoutParam(hash: string, name: string): string {
  const [path, query] = hash.split('?')
  const params = new URLSearchParams(query ?? '')
  params.delete(name)
  const rest = params.toString()
  return rest ? `${path}?${rest}` : path!
}

/** The screen the address names, followed as it changes; Alt+←/→ step through the screens seen. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => routeFromHash(window.location.hash))
  useEffect(() => {
    const onChange = () => setRoute(routeFromHash(window.location.hash))
    window.addEventListener('hashchange', onChange)
    const stopKeys = listenForHistoryKeys()
    return () => {
      window.removeEventListener('hashchange', onChange)
      stopKeys()
    }
  }, [])
  return route
}
