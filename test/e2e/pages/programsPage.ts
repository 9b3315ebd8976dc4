import type { Locator, Page } from '@playwright/test'

/** The programs screen: list, new-program form, a program's tabs (sessions, participants, attendance). */
export class ProgramsPage {
  constructor(readonly page: Page) {}

  async create(fields: { name: string; startDate: string; capacity?: number }): Promise<void> {
    await this.page.getByTestId('program-new').click()
    const form = this.page.getByTestId('program-form')
    await form.locator('input[name="name"]').fill(fields.name)
    await form.locator('input[name="startDate"]').fill(fields.startDate)
    if (fields.capacity !== undefined) await form.locator('input[name="capacity"]').fill(String(fields.capacity))
    await this.page.getByTestId('program-save').click()
    await this.page.getByTestId('program-title').waitFor()
  }

  async open(name: string): Promise<void> {
    await this.page.locator('.ag-row', { hasText: name }).first().click()
    await this.page.getByTestId('program-title').waitFor()
  }

  tab(name: 'sessions' | 'enrollments' | 'roster' | 'details'): Locator {
    return this.page.getByTestId(`program-tab-${name}`)
  }

  /** Adds a weekly series of sessions (or one session when count is 1). */
  async addWeeklySeries(date: string, count: number, mode: 'onsite' | 'online' | 'hybrid'): Promise<void> {
    const form = this.page.getByTestId('session-form')
    await form.locator('input[name="date"]').fill(date)
    await form.locator('select[name="mode"]').selectOption(mode)
    if (count > 1) {
      await form.locator('select[name="repeat"]').selectOption('weekly')
      await form.locator('input[name="count"]').fill(String(count))
    }
    await this.page.getByTestId('session-add').click()
  }

  get sessionRows(): Locator {
    return this.page.getByTestId('session-row')
  }

  get enrollmentRows(): Locator {
    return this.page.getByTestId('enrollment-row')
  }

  rosterLine(name: string): Locator {
    return this.page.locator(`[data-testid="roster-line"][data-name="${name}"]`)
  }

  async tick(name: string, mode?: 'onsite' | 'online'): Promise<void> {
    const line = this.rosterLine(name)
    await line.locator('input[type="checkbox"]').check()
    if (mode) await line.locator('select').selectOption(mode)
  }

  async addWalkInBySearch(query: string, name: string): Promise<void> {
    await this.page.locator('.walk-in-box summary').click()
    await this.page.getByTestId('walk-in-search').locator('input[type="search"]').fill(query)
    await this.page.getByTestId('walk-in-search').locator('label', { hasText: name }).locator('input[type="checkbox"]').click()
    await this.rosterLine(name).waitFor()
  }

  async saveRoster(): Promise<void> {
    const reply = this.page.waitForResponse((r) => r.url().endsWith('/api/roster.save'))
    await this.page.getByTestId('roster-save').click()
    await reply
  }
}

/** The ホーム dashboard's figures as numbers. */
export class HomePage {
  constructor(readonly page: Page) {}

  async figure(
    id: 'unique-people' | 'new-people' | 'total-involvements' | 'nights' | 'online-share' | 'anonymous',
  ): Promise<number> {
    const text = (await this.page.getByTestId(`home-${id}`).locator('.home-value').textContent()) ?? ''
    return Number(text.replace(/[^\d.]/g, ''))
  }

  async waitForFigures(): Promise<void> {
    await this.page.getByTestId('home-figures').waitFor()
  }
}
