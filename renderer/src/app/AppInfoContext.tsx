import { createContext, useContext } from 'react'
import type { ReactNode } from 'react'
import type { AppInfo } from '../../../shared/contract/records'
import { useApiQuery } from '../api/hooks'
import type { Query } from '../api/hooks'

const AppInfoContext = createContext<Query<AppInfo> | null>(null)

/** `app.info` once for the whole app, refreshed when counted things change. */
export function AppInfoProvider({ children }: { children: ReactNode }) {
  const info = useApiQuery('app.info', {}, ['contact', 'program', 'session', 'visit', 'setting'])
  return <AppInfoContext.Provider value={info}>{children}</AppInfoContext.Provider>
}

export function useAppInfo(): Query<AppInfo> {
  const info = useContext(AppInfoContext)
  if (!info) throw new Error('useAppInfo outside AppInfoProvider')
  return info
}
