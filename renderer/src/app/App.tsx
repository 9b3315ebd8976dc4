import { lazy, Suspense } from 'react'
import type { ComponentType } from 'react'
import { AppInfoProvider } from './AppInfoContext'
import { SafetyGate } from './SafetyGate'
import { ScreenBoundary } from './ScreenBoundary'
import { Header } from './Header'
import { useRoute } from './routes'
import type { Route } from './routes'
import { Sidebar } from './Sidebar'

/**
 * Each screen is loaded when first opened: the window starts on one screen, and compiling
 * all eight (the import and report screens are large) before showing it cost a slow laptop
 * most of a second. A page module names its screen; `lazy` wants it as the default export.
 */
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }))

const pages: Record<Route, ComponentType> = {
  home: page(() => import('../features/home/HomePage'), 'HomePage'),
  participants: page(() => import('../features/participants/ParticipantsPage'), 'ParticipantsPage'),
  programs: page(() => import('../features/programs/ProgramsPage'), 'ProgramsPage'),
  visits: page(() => import('../features/visits/VisitsPage'), 'VisitsPage'),
  reports: page(() => import('../features/reports/ReportsPage'), 'ReportsPage'),
  import: page(() => import('../features/import/ImportPage'), 'ImportPage'),
  settings: page(() => import('../features/settings/SettingsPage'), 'SettingsPage'),
  audit: page(() => import('../features/audit/AuditPage'), 'AuditPage'),
}

export function App() {
  const route = useRoute()
  const Page = pages[route]
  return (
    <SafetyGate>
      <AppInfoProvider>
        <div className="app">
          <Header />
          <Sidebar current={route} />
          <main className="app-main">
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
