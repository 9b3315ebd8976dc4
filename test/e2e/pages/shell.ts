import type { Locator, Page } from '@playwright/test'

export type Screen = 'home' | 'participants' | 'programs' | 'visits' | 'reports' | 'import' | 'settings' | 'audit'

/** The frame around every screen: header, sidebar, language switch. */
export class Shell {
  constructor(readonly page: Page) {}

  /** Opens the app, then a screen: participants unless told (the app itself starts on ホーム). */
  async open(url: string, screen: Screen = 'participants'): Promise<void> {
    await this.page.goto(url)
    // Attached, not visible: in a narrow window the sidebar is a menu, closed at first.
    await this.page.getByTestId('nav-participants').waitFor({ state: 'attached' })
    if (screen !== 'home') await this.goTo(screen)
  }

  navLink(screen: Screen): Locator {
    return this.page.getByTestId(`nav-${screen}`)
  }

  get menuButton(): Locator {
    return this.page.getByTestId('menu-button')
  }

  async goTo(screen: Screen): Promise<void> {
    if (!(await this.navLink(screen).isVisible())) await this.menuButton.click() // narrow window
    await this.navLink(screen).click()
  }

  get appName(): Locator {
    return this.page.getByTestId('app-name')
  }

  get databaseName(): Locator {
    return this.page.getByTestId('database-name')
  }

  get demoBadge(): Locator {
    return this.page.getByTestId('demo-badge')
  }

  get pageTitle(): Locator {
    return this.page.locator('main h1')
  }

  async switchLanguage(language: 'ja' | 'en'): Promise<void> {
    await this.page.getByTestId('language-switch').getByTestId(`language-${language}`).click()
  }
}
