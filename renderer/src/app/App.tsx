import { lazy, Suspense } from 'react'
import type { ComponentType } from 'react'
import { AppInfoProvider } from './AppInfoContext'
import { SafetyGate } from './SafetyGate'
import { ScreenBoundary } from './ScreenBoundary'
import { Header } from './Header'
import { RestoreNotice } from './RestoreNotice'
import { useRoute } from './routes'
import { screenLoaders } from './screenLoaders'
import type { Route } from './routes'
import { Sidebar } from './Sidebar'
import { useNavMenu } from './useNavMenu'

// `lazy` wants the screen as the default export; a page module names its screen.
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }))

const pages: Record<Route, ComponentType> = {
  home: page(screenLoaders.home, 'HomePage'),
  participants: page(screenLoaders.participants, 'ParticipantsPage'),
  programs: page(screenLoaders.programs, 'ProgramsPage'),
  visits: page(screenLoaders.visits, 'VisitsPage'),
  reports: page(screenLoaders.reports, 'ReportsPage'),
  import: page(screenLoaders.import, 'ImportPage'),
  settings: page(screenLoaders.settings, 'SettingsPage'),
  audit: page(screenLoaders.audit, 'AuditPage'),
}

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
