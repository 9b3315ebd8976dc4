import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { NavIcon } from './NavIcon'
import { SavedViewsNav } from '../features/participants/SavedViewsNav'
import { hrefOf, routes } from './routes'
import type { Route } from './routes'
import type { NavMenu } from './useNavMenu'

export function Sidebar({ current, menu }: { current: Route; menu: NavMenu }) {
  const { t } = useTranslation()
  const nav = useRef<HTMLElement>(null)
  // Opened as a menu (narrow window): the keyboard starts on the current screen's link.
  useEffect(() => {
    if (menu.open) nav.current?.querySelector<HTMLElement>('[aria-current="page"]')?.focus()
  }, [menu.open])
  return (
    <>
      {menu.open && <div className="sidebar-scrim" onClick={() => menu.close(false)} />}
      <nav
        ref={nav}
        id="app-nav"
        className={menu.open ? 'sidebar open' : 'sidebar'}
        aria-label={t('nav.label')}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && menu.open) menu.close(true)
        }}
        onBlur={(e) => {
          // Tab past the last link (or a click elsewhere) leaves the menu: it closes behind.
          const to = e.relatedTarget as Node | null
          if (to && !e.currentTarget.contains(to) && to !== menu.button.current) menu.close(false)
        }}
      >
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
    </>
  )
}
