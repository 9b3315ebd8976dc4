import { expect, test } from './fixtures'

// At 200% zoom on a 1280 px laptop the window is 640 CSS px wide: the 200 px sidebar took 40% of
// it. Below the breakpoint the page gets the whole width and the sidebar is a menu.

test('at 200% zoom (640×400) the sidebar is a menu: the page gets the width, keys open, choose and close', async ({
  shell,
  door,
  page,
}) => {
  await page.setViewportSize({ width: 640, height: 400 })
  await shell.open(door.url, 'home')
  const main = await page.locator('main.app-main').boundingBox()
  expect(main?.width).toBeGreaterThanOrEqual(620)
  await expect(shell.navLink('home')).toBeHidden()

  const menu = shell.menuButton
  await expect(menu).toHaveAttribute('aria-expanded', 'false')
  await menu.focus()
  await page.keyboard.press('Enter')
  await expect(menu).toHaveAttribute('aria-expanded', 'true')
  // The keyboard starts on the current screen's link, which says it is the current one.
  await expect(shell.navLink('home')).toBeFocused()
  await expect(shell.navLink('home')).toHaveAttribute('aria-current', 'page')
  await page.keyboard.press('Tab')
  await expect(shell.navLink('participants')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(shell.pageTitle).toHaveText('参加者')
  await expect(shell.navLink('participants')).toBeHidden() // closed behind the choice…
  await expect(menu).toBeFocused() // …and focus is not lost with it

  await page.keyboard.press('Enter')
  await expect(shell.navLink('participants')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(menu).toHaveAttribute('aria-expanded', 'false')
  await expect(menu).toBeFocused()
  await expect(shell.navLink('participants')).toBeHidden()

  // Back at 100%: the sidebar is beside the page again and the menu button is gone.
  await page.setViewportSize({ width: 1280, height: 800 })
  await expect(shell.navLink('participants')).toBeVisible()
  await expect(menu).toBeHidden()
})
