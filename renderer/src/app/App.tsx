import type { ComponentType } from 'react'
import { HomePage } from '../features/home/HomePage'
import { ImportPage } from '../features/import/ImportPage'
import { ParticipantsPage } from '../features/participants/ParticipantsPage'
import { ProgramsPage } from '../features/programs/ProgramsPage'
import { ReportsPage } from '../features/reports/ReportsPage'
import { SettingsPage } from '../features/settings/SettingsPage'
import { AuditPage } from '../features/audit/AuditPage'
import { VisitsPage } from '../features/visits/VisitsPage'
import { AppInfoProvider } from './AppInfoContext'
import { SafetyGate } from './SafetyGate'
import { Header } from './Header'
import { useRoute } from './routes'
import type { Route } from './routes'
import { Sidebar } from './Sidebar'

const pages: Record<Route, ComponentType> = {
  home: HomePage,
  participants: ParticipantsPage,
  programs: ProgramsPage,
  visits: VisitsPage,
  reports: ReportsPage,
  import: ImportPage,
  settings: SettingsPage,
  audit: AuditPage,
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
            <Page key={route} />
          </main>
        </div>
      </AppInfoProvider>
    </SafetyGate>
  )
}
