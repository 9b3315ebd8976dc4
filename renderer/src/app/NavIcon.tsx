import type { Route } from './routes'

/** Small line icons for the sidebar, drawn inline (the CSP allows no remote images). */
const paths: Record<Route, string> = {
  home: 'M2.5 7.2 8 2.5l5.5 4.7M4 6v7.5h3v-4h2v4h3V6',
  participants:
    'M6 7.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5ZM1.5 14c0-2.5 2-4.5 4.5-4.5s4.5 2 4.5 4.5M11 7a2 2 0 1 0 0-4M12.5 9.8c1.2.6 2 1.9 2 3.4',
  programs: 'M2.5 3.5h11v10h-11zM2.5 6.5h11M5.5 2v3M10.5 2v3',
  visits: 'M8 14s4.5-4.2 4.5-7.5a4.5 4.5 0 0 0-9 0C3.5 9.8 8 14 8 14ZM8 8a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3Z',
  reports: 'M2.5 13.5h11M4.5 11V7.5M8 11V4.5M11.5 11V9',
  import: 'M8 2.5v8M4.8 7.5 8 10.7l3.2-3.2M2.5 13.5h11',
  audit: 'M4 1.8h6l2.5 2.5v9.9h-8.5zM6 7h4.5M6 9.5h4.5M6 12h2.5',
  settings:
    'M8 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4ZM8 1.8v1.6M8 12.6v1.6M1.8 8h1.6M12.6 8h1.6M3.6 3.6l1.1 1.1M11.3 11.3l1.1 1.1M3.6 12.4l1.1-1.1M11.3 4.7l1.1-1.1',
}

export function NavIcon({ route }: { route: Route }) {
  return (
    <svg className="nav-icon" viewBox="0 0 16 16" aria-hidden="true">
      <path d={paths[route]} fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  )
}
