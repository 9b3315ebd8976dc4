import type { Route } from './routes'

/**
 * Each screen's chunk, loaded when first opened: the window starts on one screen, and compiling
 * all eight (the import and report screens are large) before showing it cost a slow laptop
 * most of a second.
 */
export const screenLoaders = {
  home: () => import('../features/home/HomePage'),
  participants: () => import('../features/participants/ParticipantsPage'),
  programs: () => import('../features/programs/ProgramsPage'),
  visits: () => import('../features/visits/VisitsPage'),
  reports: () => import('../features/reports/ReportsPage'),
  import: () => import('../features/import/ImportPage'),
  settings: () => import('../features/settings/SettingsPage'),
  audit: () => import('../features/audit/AuditPage'),
} satisfies Record<Route, () => Promise<unknown>>
