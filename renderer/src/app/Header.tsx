import { useTranslation } from 'react-i18next'
import { useAppInfo } from './AppInfoContext'
import { LanguageSwitch } from './LanguageSwitch'
import { middleCut } from './middleCut'
import type { NavMenu } from './useNavMenu'

export function Header({ menu }: { menu: NavMenu }) {
  const { t } = useTranslation()
  const { data: info } = useAppInfo()
  return (
    <header className="app-header">
      {/* Shown only where the sidebar does not fit beside the page (app.css). */}
      <button
        ref={menu.button}
        type="button"
        className="menu-button"
        aria-expanded={menu.open}
        aria-controls="app-nav"
        data-testid="menu-button"
        onClick={menu.toggle}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M2.5 4h11M2.5 8h11M2.5 12h11" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
        <span>{t('nav.menu')}</span>
      </button>
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          <svg viewBox="0 0 24 24">
            <path d="M2 17c4-7 16-7 20 0" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            <path d="M6 13.2V18M12 11.5V18M18 13.2V18" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
        </span>
        <span className="brand-name" data-testid="app-name">
          {t('app.name')}
        </span>
        <span className="brand-subtitle">{t('app.subtitle')}</span>
      </div>
      {/* The whole name on hover; a long one is cut in the middle, keeping its end (…_最終版_2.db). */}
      <div
        className="header-database"
        data-testid="database-name"
        title={info ? `${t('app.database')}: ${info.databaseName}` : t('app.database')}
      >
        {info && (
          <>
            <svg className="header-database-icon" viewBox="0 0 16 16" aria-hidden="true">
              <ellipse cx="8" cy="4" rx="5" ry="2" fill="none" stroke="currentColor" strokeWidth="1.2" />
              <path
                d="M3 4v8c0 1.1 2.2 2 5 2s5-.9 5-2V4M3 8c0 1.1 2.2 2 5 2s5-.9 5-2"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.2"
              />
            </svg>
            <DatabaseName name={info.databaseName} />
            {info.isDemo && (
              <span className="badge badge-demo" data-testid="demo-badge" title={t('app.demoHint')}>
                {t('app.demoBadge')}
              </span>
            )}
          </>
        )}
      </div>
      <LanguageSwitch />
    </header>
  )
}

function DatabaseName({ name }: { name: string }) {
  const { start, end } = middleCut(name)
  return (
    <span className="header-database-name">
      <span className="header-database-start">{start}</span>
      {end && <span className="header-database-end">{end}</span>}
    </span>
  )
}
