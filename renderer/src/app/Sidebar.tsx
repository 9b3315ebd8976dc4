import { useTranslation } from 'react-i18next'
import { NavIcon } from './NavIcon'
import { SavedViewsNav } from '../features/participants/SavedViewsNav'
import { hrefOf, routes } from './routes'
import type { Route } from './routes'

export function Sidebar({ current }: { current: Route }) {
  const { t } = useTranslation()
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <ul>
        {routes.map((route) => (
          <li key={route}>
            <a
              href={hrefOf(route)}
              data-testid={`nav-${route}`}
              className={route === current ? 'active' : undefined}
              aria-current={route === current ? 'page' : undefined}
            >
              <NavIcon route={route} />
              <span>{t(`nav.${route}`)}</span>
            </a>
            {route === 'participants' && <SavedViewsNav />}
          </li>
        ))}
      </ul>
    </nav>
  )
}
