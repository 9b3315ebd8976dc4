import { createContext, useContext } from 'react'
import type { ReactNode } from 'react'
import type { DatabaseIdentity } from '../../../shared/contract/records'
import { useApiQuery } from '../api/hooks'
import type { Query } from '../api/hooks'

const AppInfoContext = createContext<Query<DatabaseIdentity> | null>(null)

/**
 * Which database is open (`app.identity`), once for the whole app. Not `app.info`: its counts
 * scan every visit, and refreshed after each edit they held up the backend on a big database
 * (the settings page asks for them itself).
 */
export function AppInfoProvider({ children }: { children: ReactNode }) {
  const info = useApiQuery('app.identity', {}, ['setting'])
  return <AppInfoContext.Provider value={info}>{children}</AppInfoContext.Provider>
}

export function useAppInfo(): Query<DatabaseIdentity> {
  const info = useContext(AppInfoContext)
  if (!info) throw new Error('useAppInfo outside AppInfoProvider')
  return info
}
