import { lazy, Suspense } from 'react'
import type { ComponentType } from 'react'
import { AppInfoProvider } from './AppInfoContext'
import { SafetyGate } from './SafetyGate'
import { ScreenBoundary } from './ScreenBoundary'
import { Header } from './Header'
import { RestoreNotice } from './RestoreNotice'
import { routeFromHash, useRoute } from './routes'
import type { Route } from './routes'
import { Sidebar } from './Sidebar'
import { useNavMenu } from './useNavMenu'

/**
 * Each screen is loaded when first opened: the window starts on one screen, and compiling
 * all eight (the import and report screens are large) before showing it cost a slow laptop
 * most of a second. A page module names its screen; `lazy` wants it as the default export.
 */
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }))

const loaders = {
  home: () => import('../features/home/HomePage'),
  participants: () => import('../features/participants/ParticipantsPage'),
  programs: () => import('../features/programs/ProgramsPage'),
  visits: () => import('../features/visits/VisitsPage'),
  reports: () => import('../features/reports/ReportsPage'),
  import: () => import('../features/import/ImportPage'),
  settings: () => import('../features/settings/SettingsPage'),
  audit: () => import('../features/audit/AuditPage'),
} satisfies Record<Route, () => Promise<unknown>>

const pages: Record<Route, ComponentType> = {
  home: page(loaders.home, 'HomePage'),
  participants: page(loaders.participants, 'ParticipantsPage'),
  programs: page(loaders.programs, 'ProgramsPage'),
  visits: page(loaders.visits, 'VisitsPage'),
  reports: page(loaders.reports, 'ReportsPage'),
  import: page(loaders.import, 'ImportPage'),
  settings: page(loaders.settings, 'SettingsPage'),
  audit: page(loaders.audit, 'AuditPage'),
}

// The screen the window opens on starts loading now, beside the safety check, instead of after
// it: the participants screen's chunks (AG Grid is the largest) otherwise arrive a few hundred ms
// after the shell. A failed load here is ignored: `lazy` loads again and ScreenBoundary reports.
loaders[routeFromHash(window.location.hash)]().catch(() => undefined)

export function App() {
  const route = useRoute()
  const Page = pages[route]
  const menu = useNavMenu(route)
  return (
    <SafetyGate>
      <AppInfoProvider>
        <div className="app">
          <Header menu={menu} />
          <Sidebar current={route} menu={menu} />
          <main className="app-main">
            <RestoreNotice />
            <ScreenBoundary key={route}>
              <Suspense fallback={null}>
                <Page />
              </Suspense>
            </ScreenBoundary>
          </main>
        </div>
      </AppInfoProvider>
    </SafetyGate>
  )
}
